package io.ascent.core.provision.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An exec credential plugin run as kubectl runs it, and its ExecCredential read without ever quoting it. */
class ExecCredentialPluginTest {

    @TempDir
    Path dir;

    private static ExecCredentialPlugin plugin(Map<String, Object> exec) {
        return ExecCredentialPlugin.of(Map.of("exec", exec), System.getenv()).orElseThrow();
    }

    @Test
    void shouldRunTheCommandWithItsArgumentsEnvironmentAndExecInfo() throws Exception {
        Path script = dir.resolve("plugin");
        Files.writeString(script, "#!/bin/sh\nprintf '{\"status\":{\"token\":\"%s-%s-%s\"}}' \"$1\" \"$REGION\" "
                + "\"$(echo \"$KUBERNETES_EXEC_INFO\" | grep -c '\"interactive\":false')\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));

        ExecCredentialPlugin.ExecCredential credential = plugin(Map.of("command", script.toString(),
                "args", List.of("eks"), "env", List.of(Map.of("name", "REGION", "value", "eu-west-1")),
                "apiVersion", "client.authentication.k8s.io/v1")).fetch();

        assertThat(credential.token()).contains("eks-eu-west-1-1");
        assertThat(credential.expiry()).isEmpty();
    }

    @Test
    void shouldReadTheExpiryInAnyRfc3339Offset() throws Exception {
        ExecCredentialPlugin plugin = plugin(Map.of("command", "unused"));

        assertThat(plugin.parse("{\"status\":{\"token\":\"t\",\"expirationTimestamp\":\"2026-12-01T00:15:00+01:00\"}}")
                .expiry()).contains(Instant.parse("2026-11-30T23:15:00Z"));
    }

    @Test
    void shouldRefuseAnAnswerWithoutCredentialsOrWithABadExpiryWithoutQuotingIt() {
        ExecCredentialPlugin plugin = plugin(Map.of("command", "aws"));

        assertThatThrownBy(() -> plugin.parse("{\"status\":{\"expirationTimestamp\":\"2026-11-30T23:15:00Z\"}}"))
                .isInstanceOf(IOException.class).hasMessage("the exec plugin 'aws' gave neither a token nor a client "
                        + "certificate and key");
        assertThatThrownBy(() -> plugin.parse("{\"status\":{\"token\":\"s3cret\",\"expirationTimestamp\":\"soon\"}}"))
                .hasMessageContaining("not an RFC 3339 time").message().doesNotContain("s3cret", "soon");
        assertThatThrownBy(() -> plugin.parse("token: s3cret")).hasMessageNotContaining("s3cret");
    }

    @Test
    void shouldPutAClientCertificateInTheUserAsKubeconfigDataAndShowNeither() throws IOException {
        ExecCredentialPlugin.ExecCredential credential = plugin(Map.of("command", "plugin")).parse(
                "{\"status\":{\"clientCertificateData\":\"CERT-PEM\",\"clientKeyData\":\"KEY-PEM\"}}");

        assertThat(credential.asUser()).isEqualTo(Map.of(
                "client-certificate-data", Base64.getEncoder().encodeToString("CERT-PEM".getBytes(StandardCharsets.UTF_8)),
                "client-key-data", Base64.getEncoder().encodeToString("KEY-PEM".getBytes(StandardCharsets.UTF_8))));
        assertThat(credential.toString()).doesNotContain("PEM");
    }

    @Test
    void shouldHaveNoPluginForAUserWithoutExec() {
        assertThat(ExecCredentialPlugin.of(Map.of("token", "t"), System.getenv())).isEqualTo(Optional.empty());
        assertThat(ExecCredentialPlugin.of(Map.of("exec", Map.of("command", " ")), System.getenv())).isEmpty();
    }
}

package io.ascent.core.provision.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ascent.core.provision.ProvisionException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parts of a kubeconfig's {@code exec} stanza kubectl acts on: {@code provideClusterInfo} (the cluster in
 * {@code KUBERNETES_EXEC_INFO}, fields and encodings as client-go writes them), {@code interactiveMode} (Always
 * needs a terminal, v1 requires the field) and {@code installHint} (shown when the command is missing). A fake plugin
 * writes the {@code KUBERNETES_EXEC_INFO} it was given to a file and answers a token.
 */
class ExecPluginConfigTest {

    /** The CA's PEM bytes: base64 in a kubeconfig, the bytes once read, base64 again in KUBERNETES_EXEC_INFO. */
    private static final String CA_PEM = "-----BEGIN CERTIFICATE-----\nnot-checked-here\n-----END CERTIFICATE-----\n";

    @TempDir
    Path dir;

    /** A plugin that records its KUBERNETES_EXEC_INFO in {@code exec-info.json} and answers a token. */
    private Path recordingPlugin() throws Exception {
        Path plugin = dir.resolve("recording-plugin");
        Files.writeString(plugin, "#!/bin/sh\nprintf '%s' \"$KUBERNETES_EXEC_INFO\" > '" + dir.resolve("exec-info.json")
                + "'\necho '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
                + "\"status\":{\"token\":\"t\"}}'\n");
        Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwx------"));
        return plugin;
    }

    private JSONObject recorded() throws Exception {
        return new JSONObject(Files.readString(dir.resolve("exec-info.json")));
    }

    private Path kubeconfig(String cluster, String exec) throws Exception {
        return Files.writeString(dir.resolve("kubeconfig"), "apiVersion: v1\nkind: Config\nclusters:\n- name: c\n"
                + "  cluster:\n    server: https://127.0.0.1:1\n" + cluster + "users:\n- name: u\n  user:\n"
                + "    exec:\n" + exec + "contexts:\n- name: ci\n  context: {cluster: c, user: u}\n"
                + "current-context: ci\n");
    }

    private KubeConnection connect(Path kubeconfig) throws ProvisionException {
        return ClusterConnector.fromKubeconfig(kubeconfig, Optional.empty(), System.getenv());
    }

    @Test
    void shouldHandThePluginTheClusterWhenProvideClusterInfoIsTrue() throws Exception {
        String caData = Base64.getEncoder().encodeToString(CA_PEM.getBytes(StandardCharsets.US_ASCII));
        Path kubeconfig = kubeconfig("""
                    tls-server-name: api.internal.test
                    insecure-skip-tls-verify: true
                    certificate-authority-data: %s
                    proxy-url: http://proxy.internal.test:3128
                    disable-compression: true
                    extensions:
                    - name: other/extension
                      extension: {ignored: true}
                    - name: client.authentication.k8s.io/exec
                      extension:
                        audience: 06e3fbd18de8
                        scopes: [a, b]
                """.formatted(caData),
                "      apiVersion: client.authentication.k8s.io/v1\n      command: " + recordingPlugin() + "\n"
                        + "      interactiveMode: Never\n      provideClusterInfo: true\n");

        connect(kubeconfig);

        JSONObject info = recorded();
        assertThat(info.getString("apiVersion")).isEqualTo("client.authentication.k8s.io/v1");
        assertThat(info.getString("kind")).isEqualTo("ExecCredential");
        assertThat(info.getJSONObject("spec").getBoolean("interactive")).isFalse();
        JSONObject cluster = info.getJSONObject("spec").getJSONObject("cluster");
        assertThat(cluster.keySet()).containsExactlyInAnyOrder("server", "tls-server-name", "insecure-skip-tls-verify",
                "certificate-authority-data", "proxy-url", "disable-compression", "config");
        assertThat(cluster.getString("server")).isEqualTo("https://127.0.0.1:1");
        assertThat(cluster.getString("tls-server-name")).isEqualTo("api.internal.test");
        assertThat(cluster.getBoolean("insecure-skip-tls-verify")).isTrue();
        assertThat(cluster.getString("certificate-authority-data"))
                .isEqualTo(caData);
        assertThat(cluster.getString("proxy-url")).isEqualTo("http://proxy.internal.test:3128");
        assertThat(cluster.getBoolean("disable-compression")).isTrue();
        assertThat(cluster.getJSONObject("config").similar(new JSONObject()
                .put("audience", "06e3fbd18de8").put("scopes", new org.json.JSONArray().put("a").put("b")))).isTrue();
    }

    @Test
    void shouldReadTheCaFileAndLeaveUnsetFieldsOutWithANullConfig() throws Exception {
        Files.writeString(dir.resolve("ca.crt"), CA_PEM);
        Path kubeconfig = kubeconfig("    certificate-authority: ca.crt\n", "      apiVersion: "
                + "client.authentication.k8s.io/v1beta1\n      command: " + recordingPlugin() + "\n"
                + "      provideClusterInfo: true\n");

        // the plugin runs first; the TLS set-up after it finds the stand-in CA is no certificate
        assertThatThrownBy(() -> connect(kubeconfig)).hasMessageContaining("certificate-authority");

        JSONObject cluster = recorded().getJSONObject("spec").getJSONObject("cluster");
        assertThat(cluster.keySet()).containsExactlyInAnyOrder("server", "certificate-authority-data", "config");
        assertThat(Base64.getDecoder().decode(cluster.getString("certificate-authority-data")))
                .isEqualTo(CA_PEM.getBytes(StandardCharsets.US_ASCII));
        assertThat(cluster.isNull("config")).as("client-go writes an absent extension as null").isTrue();
    }

    @Test
    void shouldNameACaFileItCannotReadForTheCluster() throws Exception {
        Path kubeconfig = kubeconfig("    certificate-authority: missing-ca.crt\n", "      apiVersion: "
                + "client.authentication.k8s.io/v1\n      command: " + recordingPlugin() + "\n"
                + "      interactiveMode: Never\n      provideClusterInfo: true\n");

        assertThatThrownBy(() -> connect(kubeconfig)).isInstanceOfSatisfying(ProvisionException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProvisionException.Kind.ENVIRONMENT);
            assertThat(e.getMessage()).contains("the cluster's certificate-authority " + dir.resolve("missing-ca.crt")
                    + " cannot be read");
        });
        assertThat(dir.resolve("exec-info.json")).as("not run without its cluster").doesNotExist();
    }

    @Test
    void shouldNotHandTheClusterOverWithoutProvideClusterInfo() throws Exception {
        Path kubeconfig = kubeconfig("    tls-server-name: api.internal.test\n", "      apiVersion: "
                + "client.authentication.k8s.io/v1\n      command: " + recordingPlugin() + "\n"
                + "      interactiveMode: IfAvailable\n      provideClusterInfo: false\n");

        connect(kubeconfig);

        assertThat(recorded().similar(new JSONObject().put("apiVersion", "client.authentication.k8s.io/v1")
                .put("kind", "ExecCredential").put("spec", new JSONObject().put("interactive", false)))).isTrue();
    }

    @Test
    void shouldRefuseAPluginThatAlwaysNeedsATerminalBeforeRunningIt() throws Exception {
        Path kubeconfig = kubeconfig("", "      apiVersion: client.authentication.k8s.io/v1\n      command: "
                + recordingPlugin() + "\n      args: [--role, arn-secret-role]\n      interactiveMode: Always\n");

        assertThatThrownBy(() -> connect(kubeconfig)).isInstanceOfSatisfying(ProvisionException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProvisionException.Kind.ENVIRONMENT);
            assertThat(e.getMessage()).contains("context 'ci'", "interactiveMode Always", "needs a terminal")
                    .doesNotContain("arn-secret-role", "--role");
            assertThat(e.remediation()).hasValueSatisfying(fix -> assertThat(fix).startsWith(
                    "this context's exec plugin needs a terminal; use a non-interactive credential in CI"));
        });
        assertThat(dir.resolve("exec-info.json")).as("the plugin never ran").doesNotExist();
    }

    @Test
    void shouldRefuseAV1ExecWithoutInteractiveModeAsKubectlDoes() throws Exception {
        Path kubeconfig = kubeconfig("", "      apiVersion: client.authentication.k8s.io/v1\n      command: "
                + recordingPlugin() + "\n");

        assertThatThrownBy(() -> connect(kubeconfig)).isInstanceOfSatisfying(ProvisionException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProvisionException.Kind.ENVIRONMENT);
            assertThat(e.getMessage()).endsWith("cannot be used: interactiveMode must be specified for u to use "
                    + "exec authentication plugin");
        });
        assertThat(dir.resolve("exec-info.json")).doesNotExist();
    }

    @Test
    void shouldDefaultAV1beta1ExecToIfAvailableAndRunItNonInteractive() throws Exception {
        Path kubeconfig = kubeconfig("", "      apiVersion: client.authentication.k8s.io/v1beta1\n      command: "
                + recordingPlugin() + "\n");

        connect(kubeconfig);

        assertThat(recorded().getJSONObject("spec").getBoolean("interactive")).isFalse();
    }

    @Test
    void shouldRefuseWhatKubectlRefusesOfApiVersionAndInteractiveMode() {
        // what kubectl 1.32 prints for each (error: ...), on one line
        assertThat(problem("      command: x\n      interactiveMode: Never\n"))
                .isEqualTo("apiVersion must be specified for u to use exec authentication plugin");
        assertThat(problem("      command: x\n")).isEqualTo("Error in configuration: apiVersion must be specified "
                + "for u to use exec authentication plugin; interactiveMode must be specified for u to use exec "
                + "authentication plugin");
        assertThat(problem("      apiVersion: client.authentication.k8s.io/v1\n      command: x\n"
                + "      interactiveMode: Sometimes\n")).isEqualTo("invalid interactiveMode for u: \"Sometimes\"");
        assertThat(problem("      apiVersion: client.authentication.k8s.io/v1alpha1\n      command: x\n"))
                .isEqualTo("exec plugin: invalid apiVersion \"client.authentication.k8s.io/v1alpha1\"");
    }

    private String problem(String exec) {
        try {
            connect(kubeconfig("", exec));
        } catch (ProvisionException e) {
            return e.getMessage().substring(e.getMessage().indexOf("cannot be used: ") + "cannot be used: ".length());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("accepted");
    }

    @Test
    void shouldShowTheInstallHintWhenTheCommandIsMissingWithoutItsControlCharacters() throws Exception {
        Path kubeconfig = kubeconfig("", "      apiVersion: client.authentication.k8s.io/v1\n"
                + "      command: no-such-credential-plugin-7c1\n      interactiveMode: Never\n"
                + "      installHint: \"\\e[31mbrew install\\e[0m acme-login (see https://acme.test/cli)\"\n");

        assertThatThrownBy(() -> connect(kubeconfig)).isInstanceOfSatisfying(ProvisionException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProvisionException.Kind.ENVIRONMENT);
            assertThat(e.getMessage()).contains("'no-such-credential-plugin-7c1', which is not on PATH",
                    "its kubeconfig says: brew install acme-login (see https://acme.test/cli)")
                    .doesNotContain("\u001b");
            assertThat(e.remediation()).hasValueSatisfying(fix -> assertThat(fix).contains("install hint"));
        });
    }

    @Test
    void shouldRefuseAPluginFoundOnlyThroughARelativePathEntryWithoutRunningIt() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("plugins"));
        Files.move(recordingPlugin(), bin.resolve("acme-login"));
        String entry = Path.of("").toAbsolutePath().relativize(bin).toString();
        Path kubeconfig = kubeconfig("", "      apiVersion: client.authentication.k8s.io/v1\n"
                + "      command: acme-login\n      interactiveMode: Never\n");

        assertThatThrownBy(() -> ClusterConnector.fromKubeconfig(kubeconfig, Optional.empty(),
                java.util.Map.of("PATH", entry + ":/usr/bin:/bin")))
                .isInstanceOfSatisfying(ProvisionException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProvisionException.Kind.ENVIRONMENT);
                    assertThat(e.getMessage()).contains("acme-login was found as " + entry + "/acme-login",
                            "relative PATH entry '" + entry + "'");
                    assertThat(e.remediation()).hasValueSatisfying(fix -> assertThat(fix).contains("absolute"));
                });
        assertThat(dir.resolve("exec-info.json")).as("the refused plugin ran").doesNotExist();
    }
}

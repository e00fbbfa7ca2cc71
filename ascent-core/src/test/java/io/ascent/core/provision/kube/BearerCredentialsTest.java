package io.ascent.core.provision.kube;

import static io.ascent.core.provision.kube.ApiServerDouble.json;
import static io.ascent.core.provision.kube.ApiServerDouble.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kubeconfig's token, exec plugin token and basic credentials reach the API server on the provisioner's own
 * requests (they went out anonymous before); an exec token is fetched again once it has expired, judged by a clock
 * the test moves, and after a 401.
 */
class BearerCredentialsTest {

    private static final String VERSION = "{\"major\":\"1\",\"minor\":\"31\",\"gitVersion\":\"v1.31.0\"}";

    @TempDir
    Path dir;

    private final ApiServerDouble server = ApiServerDouble.started();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldSendTheKubeconfigsTokenOnTheConnectionsRequests() throws Exception {
        server.always("GET /version", json(200, VERSION));
        KubeConnection connection = ClusterConnector.fromKubeconfig(server.kubeconfig(dir), Optional.empty(), System.getenv());

        connection.get("/version");
        connection.get("/version");

        assertThat(server.authorizations).containsExactly("Bearer not-a-secret", "Bearer not-a-secret");
    }

    @Test
    void shouldSendBasicCredentialsOfAUsernameAndPassword() throws Exception {
        server.always("GET /version", json(200, VERSION));
        Path kubeconfig = kubeconfig("    username: ops\n    password: hunter2\n");

        ClusterConnector.fromKubeconfig(kubeconfig, Optional.empty(), System.getenv()).get("/version");

        assertThat(server.authorizations).containsExactly(
                "Basic " + Base64.getEncoder().encodeToString("ops:hunter2".getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void shouldFetchAFreshExecPluginTokenAfterA401AndRetryOnce() throws Exception {
        server.then("GET /version", status(401, "Unauthorized", "Unauthorized"), json(200, VERSION));
        Path kubeconfig = kubeconfig(execUser(tokenPlugin()));

        KubeConnection connection = ClusterConnector.fromKubeconfig(kubeconfig, Optional.empty(), System.getenv());
        connection.get("/version");

        assertThat(server.authorizations).containsExactly("Bearer token-1", "Bearer token-2");
    }

    @Test
    void shouldNotRetryWhenTheTokenCannotChange() throws Exception {
        server.always("GET /version", status(401, "Unauthorized", "Unauthorized"));
        KubeConnection connection = ClusterConnector.fromKubeconfig(server.kubeconfig(dir), Optional.empty(), System.getenv());

        assertThatThrownBy(() -> connection.get("/version"))
                .isInstanceOf(KubeException.class)
                .hasMessageContaining("401")
                .hasMessageNotContaining("not-a-secret");
        assertThat(server.authorizations).containsExactly("Bearer not-a-secret");
    }

    @Test
    void shouldSendNothingForAUserWithoutCredentials() throws Exception {
        server.always("GET /version", json(200, VERSION));

        ClusterConnector.fromKubeconfig(kubeconfig("    {}\n"), Optional.empty(), System.getenv()).get("/version");

        assertThat(server.authorizations).containsExactly("none");
    }

    @Test
    void shouldNeverShowTheTokenInItsDescription() {
        assertThat(new BearerCredentials("Bearer", BearerCredentials.Token.lasting("s3cret"), Optional::empty,
                Clock.systemUTC()).toString()).doesNotContain("s3cret");
        assertThat(BearerCredentials.Token.lasting("s3cret").toString()).doesNotContain("s3cret");
    }

    @Test
    void shouldFetchANewExecTokenBeforeSendingOneThatHasExpired() throws Exception {
        server.always("GET /version", json(200, VERSION));
        SettableClock clock = new SettableClock(Instant.parse("2026-11-30T23:00:00Z"));
        Path kubeconfig = kubeconfig(execUser(tokenPlugin("2026-11-30T23:15:00Z")));
        KubeConnection connection = ClusterConnector.fromKubeconfigs(KubeconfigFiles.of(kubeconfig),
                Optional.empty(), clock, System.getenv());

        connection.get("/version");
        clock.now = Instant.parse("2026-11-30T23:14:59Z");
        connection.get("/version");
        clock.now = Instant.parse("2026-11-30T23:15:00Z");
        connection.get("/version");
        connection.get("/version");

        // token-2 expires at the same time in this plugin: every request after 23:15 fetches anew, none is refused
        assertThat(server.authorizations).containsExactly("Bearer token-1", "Bearer token-1", "Bearer token-2",
                "Bearer token-3");
    }

    @Test
    void shouldKeepAnExecTokenThatSaysNothingOfItsExpiryUntilTheServerRefusesIt() throws Exception {
        server.always("GET /version", json(200, VERSION));
        SettableClock clock = new SettableClock(Instant.parse("2026-11-30T23:00:00Z"));
        KubeConnection connection = ClusterConnector.fromKubeconfigs(
                KubeconfigFiles.of(kubeconfig(execUser(tokenPlugin()))), Optional.empty(), clock, System.getenv());

        connection.get("/version");
        clock.now = Instant.parse("2026-12-07T23:00:00Z");
        connection.get("/version");

        assertThat(server.authorizations).containsExactly("Bearer token-1", "Bearer token-1");
        assertThat(Files.readString(dir.resolve("count")).strip()).as("the plugin ran once").isEqualTo("1");
    }

    @Test
    void shouldNameAnExecPluginThatFailsWithoutShowingWhatItPrinted() throws Exception {
        Path plugin = dir.resolve("failing-plugin");
        Files.writeString(plugin, "#!/bin/sh\necho 'leaked-secret' ; echo 'leaked-secret' >&2; exit 7\n");
        Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwx------"));

        assertThatThrownBy(() -> ClusterConnector.fromKubeconfig(kubeconfig(execUser(plugin)), Optional.empty(), System.getenv()))
                .isInstanceOf(io.ascent.core.provision.ProvisionException.class)
                .hasMessageContaining("the exec plugin '" + plugin + "' failed with exit status 7")
                .hasMessageNotContaining("leaked-secret");
    }

    /** A clock the test moves by hand: no sleeps. */
    private static final class SettableClock extends Clock {
        volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** An exec credential plugin that answers token-1, then token-2, ... (one more each time it runs). */
    private Path tokenPlugin() throws Exception {
        return tokenPlugin(null);
    }

    /** {@link #tokenPlugin()}, each token expiring at {@code expiry} when not null. */
    private Path tokenPlugin(String expiry) throws Exception {
        Path counter = dir.resolve("count");
        Path plugin = dir.resolve("token-plugin");
        Files.writeString(plugin, "#!/bin/sh\nn=$(( $(cat '" + counter + "' 2>/dev/null || echo 0) + 1 ))\n"
                + "echo $n > '" + counter + "'\n"
                + "printf '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\","
                + "\"status\":{\"token\":\"token-%s\"" + (expiry == null ? ""
                        : ",\"expirationTimestamp\":\"" + expiry + "\"") + "}}' $n\n");
        Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwx------"));
        return plugin;
    }

    private static String execUser(Path plugin) {
        return "    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: " + plugin
                + "\n      interactiveMode: Never\n";
    }

    private Path kubeconfig(String user) throws Exception {
        return Files.writeString(dir.resolve("kubeconfig"), "apiVersion: v1\nkind: Config\n"
                + "clusters:\n- name: double\n  cluster:\n    server: " + server.address() + "\nusers:\n- name: tester\n"
                + "  user:\n" + user + "contexts:\n- name: double\n  context:\n    cluster: double\n"
                + "    user: tester\ncurrent-context: double\n");
    }
}

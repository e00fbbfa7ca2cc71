package io.ascent.core.provision.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client certificate from an exec plugin is renewed as kubectl renews it: once its expirationTimestamp has passed
 * (judged by a clock the test moves) or the server answered 401, the plugin runs again and the next connection presents the new pair, against
 * an HTTPS server that requires a client certificate and records each request's subject.
 */
class ExecClientCertificateRenewalTest {

    @TempDir
    Path dir;

    private HttpsVersionServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A clock the test sets. */
    private static final class MovableClock extends Clock {
        volatile Instant now = Instant.parse("2026-12-01T03:00:00Z");

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

    /** An ExecCredential with a new key pair whose certificate's subject is CN={@code name}. */
    private JSONObject pair(String name, Optional<Instant> expiry) throws Exception {
        Path store = dir.resolve(name + ".p12");
        Path log = dir.resolve(name + ".log");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keyalg", "EC", "-alias", "client", "-dname", "CN=" + name, "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(Files.readString(log)).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        Base64.Encoder pem = Base64.getMimeEncoder(64, new byte[] {'\n'});
        JSONObject status = new JSONObject()
                .put("clientCertificateData", "-----BEGIN CERTIFICATE-----\n" + pem.encodeToString(
                        keys.getCertificate("client").getEncoded()) + "\n-----END CERTIFICATE-----\n")
                .put("clientKeyData", "-----BEGIN PRIVATE KEY-----\n" + pem.encodeToString(
                        keys.getKey("client", "changeit".toCharArray()).getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        expiry.ifPresent(at -> status.put("expirationTimestamp", at.toString()));
        return new JSONObject().put("apiVersion", "client.authentication.k8s.io/v1").put("kind", "ExecCredential")
                .put("status", status);
    }

    /** A plugin that answers {@code first}, then {@code second} on every later run, counting its runs. */
    private Path plugin(JSONObject first, JSONObject second) throws Exception {
        Files.writeString(dir.resolve("answer-1.json"), first.toString());
        Files.writeString(dir.resolve("answer-2.json"), second.toString());
        Path counter = dir.resolve("runs");
        Path plugin = dir.resolve("certificate-plugin");
        Files.writeString(plugin, "#!/bin/sh\nn=$(( $(cat '" + counter + "' 2>/dev/null || echo 0) + 1 ))\n"
                + "echo $n > '" + counter + "'\n[ $n -gt 2 ] && n=2\ncat '" + dir + "/answer-'$n'.json'\n");
        Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwx------"));
        return plugin;
    }

    private Path kubeconfig(Path plugin) throws Exception {
        return Files.writeString(dir.resolve("kubeconfig"), "apiVersion: v1\nkind: Config\nclusters:\n- name: c\n"
                + "  cluster:\n    server: https://127.0.0.1:" + server.port() + "\n    certificate-authority-data: "
                + server.certificateAuthorityData() + "\nusers:\n- name: u\n  user:\n    exec:\n"
                + "      apiVersion: client.authentication.k8s.io/v1\n      command: " + plugin + "\n"
                + "      interactiveMode: Never\ncontexts:\n- name: ci\n  context: {cluster: c, user: u}\n"
                + "current-context: ci\n");
    }

    private int runs() throws Exception {
        return Integer.parseInt(Files.readString(dir.resolve("runs")).strip());
    }

    @Test
    void shouldPresentTheRenewedPairOnTheNextConnectionOnceTheFirstHasExpired() throws Exception {
        server = new HttpsVersionServer(dir, "ip:127.0.0.1", true);
        MovableClock clock = new MovableClock();
        Path plugin = plugin(pair("pair-a", Optional.of(clock.now.plusSeconds(1))), pair("pair-b", Optional.empty()));
        KubeConnection connection = ClusterConnector.fromKubeconfigs(KubeconfigFiles.of(kubeconfig(plugin)),
                Optional.empty(), clock, System.getenv());

        connection.get("/version");
        connection.get("/version");
        assertThat(runs()).as("not expired yet: the plugin is not asked again").isEqualTo(1);
        clock.now = clock.now.plus(Duration.ofSeconds(2));
        connection.get("/version");
        connection.get("/version");

        assertThat(server.clientSubjects).containsExactly("CN=pair-a", "CN=pair-a", "CN=pair-b", "CN=pair-b");
        assertThat(runs()).as("renewed once").isEqualTo(2);
        assertThat(connection.toString()).doesNotContain("PRIVATE");
        connection.close();
    }

    @Test
    void shouldRunThePluginAgainAfterA401AndPresentTheNewPairOnTheNextRequest() throws Exception {
        server = new HttpsVersionServer(dir, "ip:127.0.0.1", true);
        server.unauthorised.add("CN=pair-a");
        Path plugin = plugin(pair("pair-a", Optional.empty()), pair("pair-b", Optional.empty()));
        KubeConnection connection = ClusterConnector.fromKubeconfigs(KubeconfigFiles.of(kubeconfig(plugin)),
                Optional.empty(), new MovableClock(), System.getenv());

        assertThatThrownBy(() -> connection.get("/version")).as("kubectl does not retry either")
                .hasMessageContaining("401");
        assertThat(runs()).isEqualTo(2);
        connection.get("/version");

        assertThat(server.clientSubjects).containsExactly("CN=pair-a", "CN=pair-b");
        assertThat(runs()).isEqualTo(2);
        connection.close();
    }

    @Test
    void shouldKeepAPairWithoutExpiryAndNeverRunThePluginAgainForIt() throws Exception {
        server = new HttpsVersionServer(dir, "ip:127.0.0.1", true);
        MovableClock clock = new MovableClock();
        Path plugin = plugin(pair("pair-a", Optional.empty()), pair("pair-b", Optional.empty()));
        KubeConnection connection = ClusterConnector.fromKubeconfigs(KubeconfigFiles.of(kubeconfig(plugin)),
                Optional.empty(), clock, System.getenv());

        connection.get("/version");
        clock.now = clock.now.plus(Duration.ofDays(1));
        connection.get("/version");

        assertThat(server.clientSubjects).containsExactly("CN=pair-a", "CN=pair-a");
        assertThat(runs()).isEqualTo(1);
        connection.close();
    }
}

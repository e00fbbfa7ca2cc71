package io.ascent.core.provision.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connection's TLS, set up once after client-java's builder is done ({@link SingleTlsApiClient}), is what the
 * kubeconfig asks for: its CA is trusted, {@code insecure-skip-tls-verify} skips verification, and without either
 * the JVM's trust store decides. An HTTPS server on 127.0.0.1 with a certificate issued at test time by keytool.
 */
class SingleTlsApiClientTest {

    private static final String VERSION = "{\"major\":\"1\",\"minor\":\"31\",\"gitVersion\":\"v1.31.0\"}";

    @TempDir
    static Path dir;
    private static HttpsServer server;
    private static String certificatePem;

    @BeforeAll
    static void serveHttps() throws Exception {
        Path store = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keyalg", "EC", "-alias", "server", "-dname", "CN=api-server", "-validity", "2",
                "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", "changeit").redirectErrorStream(true).redirectOutput(dir.resolve("keytool.log").toFile())
                .start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(Files.readString(dir.resolve("keytool.log"))).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        certificatePem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(keys.getCertificate("server").getEncoded()) + "\n-----END CERTIFICATE-----\n";
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        server.createContext("/version", exchange -> {
            byte[] body = VERSION.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void shouldTrustTheKubeconfigsCertificateAuthority() throws Exception {
        String ca = Base64.getEncoder().encodeToString(certificatePem.getBytes(StandardCharsets.US_ASCII));

        KubeConnection connection = connect("    certificate-authority-data: " + ca + "\n");

        assertThat(connection.get("/version").getString("gitVersion")).isEqualTo("v1.31.0");
    }

    @Test
    void shouldSkipVerificationWhenTheKubeconfigSaysInsecure() throws Exception {
        KubeConnection connection = connect("    insecure-skip-tls-verify: true\n");

        assertThat(connection.get("/version").getString("gitVersion")).isEqualTo("v1.31.0");
    }

    @Test
    void shouldLeaveTheVerdictToTheJvmsTrustStoreWithoutACertificateAuthority() throws Exception {
        KubeConnection connection = connect("");

        assertThatThrownBy(() -> connection.get("/version")).isInstanceOf(KubeException.class)
                .hasMessageNotContaining("not set up yet");
    }

    private static KubeConnection connect(String clusterTls) throws Exception {
        Path kubeconfig = Files.writeString(Files.createTempFile(dir, "kubeconfig", ""), "apiVersion: v1\n"
                + "kind: Config\nclusters:\n- name: tls\n  cluster:\n    server: https://127.0.0.1:"
                + server.getAddress().getPort() + "\n" + clusterTls + "users:\n- name: u\n  user:\n    token: t\n"
                + "contexts:\n- name: tls\n  context:\n    cluster: tls\n    user: u\ncurrent-context: tls\n");
        return ClusterConnector.fromKubeconfig(kubeconfig, Optional.empty());
    }
}

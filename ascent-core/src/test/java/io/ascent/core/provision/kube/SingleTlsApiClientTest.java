package io.ascent.core.provision.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
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

    @TempDir
    static Path dir;
    private static HttpsVersionServer server;

    @BeforeAll
    static void serveHttps() throws Exception {
        server = new HttpsVersionServer(dir, "ip:127.0.0.1");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void shouldTrustTheKubeconfigsCertificateAuthority() throws Exception {
        KubeConnection connection = connect("    certificate-authority-data: " + server.certificateAuthorityData()
                + "\n");

        assertThat(connection.get("/version").getString("gitVersion")).isEqualTo("v1.31.0");
    }

    @Test
    void shouldNotRetryARefusedCertificateOrAnUnknownHostButShouldRetryARefusedConnection() {
        assertThat(KubeConnection.isPermanent(new javax.net.ssl.SSLHandshakeException("PKIX path building failed")))
                .as("no certificate cause: could be the network").isFalse();
        javax.net.ssl.SSLHandshakeException untrusted = new javax.net.ssl.SSLHandshakeException("PKIX");
        untrusted.initCause(new java.security.cert.CertificateException("unable to find valid certification path"));
        assertThat(KubeConnection.isPermanent(untrusted)).isTrue();
        assertThat(KubeConnection.isPermanent(new javax.net.ssl.SSLPeerUnverifiedException("hostname"))).isTrue();
        assertThat(KubeConnection.isPermanent(new java.net.UnknownHostException("api.example"))).isTrue();
        assertThat(KubeConnection.isPermanent(new java.net.ConnectException("Connection refused"))).isFalse();
        assertThat(KubeConnection.isPermanent(new java.net.SocketTimeoutException("timeout"))).isFalse();
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
                .hasMessageNotContaining("not set up yet")
                .satisfies(e -> assertThat(((KubeException) e).certificateRefused()).as("told apart from the network")
                        .isTrue());
    }

    private static KubeConnection connect(String clusterTls) throws Exception {
        Path kubeconfig = Files.writeString(Files.createTempFile(dir, "kubeconfig", ""), "apiVersion: v1\n"
                + "kind: Config\nclusters:\n- name: tls\n  cluster:\n    server: https://127.0.0.1:"
                + server.port() + "\n" + clusterTls + "users:\n- name: u\n  user:\n    token: t\n"
                + "contexts:\n- name: tls\n  context:\n    cluster: tls\n    user: u\ncurrent-context: tls\n");
        return ClusterConnector.fromKubeconfig(kubeconfig, Optional.empty(), System.getenv());
    }
}

package io.ascent.jenkins.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiServerTest {

    @TempDir
    Path dir;

    @Test
    void shouldAcceptAnHttpsUrlWithAHostAndAPathAsGiven() {
        assertThat(ApiServer.of(" https://api.example.com:6443 ", "").url()).isEqualTo("https://api.example.com:6443");
        assertThat(ApiServer.url("https://rancher.example.com/k8s/clusters/c-m-abc"))
                .isEqualTo("https://rancher.example.com/k8s/clusters/c-m-abc");
        assertThat(ApiServer.of("https://10.0.0.1", " ").caPem()).isEmpty();
    }

    @Test
    void shouldRefuseAUrlATokenMayNotBeSentTo() {
        assertThatThrownBy(() -> ApiServer.url("http://api.example.com:8080"))
                .hasMessage("serverUrl: 'http://api.example.com:8080' is not an https:// URL with a host (such as "
                        + "https://api.example.com:6443); a token is never sent in clear text");
        assertThatThrownBy(() -> ApiServer.url("https:///no-host")).hasMessageContaining("with a host");
        assertThatThrownBy(() -> ApiServer.url("api.example.com:6443")).hasMessageContaining("https://");
        assertThatThrownBy(() -> ApiServer.url("https://api.example.com/?watch=1"))
                .hasMessageContaining("has a query or fragment");
        assertThatThrownBy(() -> ApiServer.url("https://api example.com")).hasMessageStartingWith("serverUrl: not a URL");
        assertThatThrownBy(() -> ApiServer.url("  ")).hasMessageStartingWith("serverUrl: empty;");
    }

    @Test
    void shouldRefuseAUrlWithAPasswordWithoutRepeatingIt() {
        assertThatThrownBy(() -> ApiServer.url("https://ci:hunter2@api.example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("serverUrl: holds a user name or password; the token is the credential, write the URL "
                        + "without them");
    }

    @Test
    void shouldReadTheCaAsPemOrAsCertificateAuthorityDataAndWriteItAsPem() throws Exception {
        String pem;
        try (TokenApiDouble api = new TokenApiDouble(dir)) {
            pem = api.caPem();
        }
        String data = Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));

        assertThat(ApiServer.of("https://h", "\n" + pem + "\n").caPem()).contains(pem);
        assertThat(ApiServer.of("https://h", data).caPem()).contains(pem);
        assertThat(ApiServer.of("https://h", pem + pem).caPem()).contains(pem + pem);
        assertThat(ApiServer.certificates(pem)).hasSize(1);
    }

    @Test
    void shouldRefuseTextThatHoldsNoCertificate() {
        String expected = "caCertificate: not a PEM certificate (-----BEGIN CERTIFICATE----- ...) nor a kubeconfig's "
                + "certificate-authority-data";
        assertThatThrownBy(() -> ApiServer.certificates("not a certificate")).hasMessage(expected);
        assertThatThrownBy(() -> ApiServer.certificates("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----"))
                .hasMessage(expected);
        assertThatThrownBy(() -> ApiServer.certificates(Base64.getEncoder().encodeToString("junk".getBytes(
                StandardCharsets.US_ASCII)))).hasMessage(expected);
        assertThatThrownBy(() -> ApiServer.certificates("A".repeat(ApiServer.MAX_CA_CHARS + 1)))
                .hasMessageContaining("larger than 256 KB");
        assertThat(ApiServer.certificates(null)).isEmpty();
    }
}

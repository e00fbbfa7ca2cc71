package io.ascent.jenkins.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubernetes.client.util.KubeConfig;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterCredentialTest {

    /** Visible ASCII that YAML gives meaning to: written naively, it would change or break the document. */
    private static final String TOKEN = "eyJhbGci.OiJSUzI1:NiIs#x&y*z!|>'\"%@`{[-]}";

    @TempDir
    Path dir;

    private static KubeConfig load(Path file) throws Exception {
        try (Reader reader = Files.newBufferedReader(file)) {
            KubeConfig config = KubeConfig.loadKubeConfig(reader);
            config.setFile(file.toFile());
            return config;
        }
    }

    @Test
    void shouldWriteAPrivateKubeconfigThatClientJavaReadsAsTheTokenServerAndCa() throws Exception {
        String pem;
        try (TokenApiDouble api = new TokenApiDouble(dir)) {
            pem = api.caPem();
        }
        ClusterCredential credential = ClusterCredential.token("ci-token", " " + TOKEN + "\n",
                ApiServer.of("https://api.example.com:6443/k8s/clusters/c-1", pem));

        Path file = credential.writeTo(dir.resolve("credential-kubeconfig"));

        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        KubeConfig config = load(file);
        assertThat(config.getServer()).isEqualTo("https://api.example.com:6443/k8s/clusters/c-1");
        assertThat(config.getCredentials()).containsEntry(KubeConfig.CRED_TOKEN_KEY, TOKEN);
        assertThat(config.verifySSL()).isTrue();
        assertThat(new String(config.getDataOrFileRelative(config.getCertificateAuthorityData(), null),
                StandardCharsets.US_ASCII)).isEqualTo(pem);
        assertThat(credential.isToken()).isTrue();
    }

    @Test
    void shouldLeaveTheCaToTheAgentsTrustStoreAndNeverSkipVerification() throws Exception {
        ClusterCredential credential = ClusterCredential.token("ci-token", TOKEN,
                ApiServer.of("https://api.example.com", ""));

        KubeConfig config = load(credential.writeTo(dir.resolve("kubeconfig")));

        assertThat(config.getCertificateAuthorityData()).isNull();
        assertThat(config.verifySSL()).isTrue();
        assertThat(Files.readString(dir.resolve("kubeconfig"))).doesNotContain("insecure");
    }

    @Test
    void shouldWriteASecretFilesKubeconfigAsItIs() throws Exception {
        byte[] content = "apiVersion: v1\nkind: Config\n# as uploaded\n".getBytes(StandardCharsets.UTF_8);
        ClusterCredential credential = ClusterCredential.kubeconfig("prod-kubeconfig", content);

        assertThat(credential.writeTo(dir.resolve("kubeconfig"))).hasBinaryContent(content);
        assertThat(credential.isToken()).isFalse();
        assertThat(credential).hasToString("the kubeconfig of credential 'prod-kubeconfig'");
    }

    @Test
    void shouldCrossTheChannelAndNeverShowTheToken() throws Exception {
        ClusterCredential credential = ClusterCredential.token("ci-token", TOKEN,
                ApiServer.of("https://api.example.com:6443", ""));

        ClusterCredential copy = Serialization.roundTrip(credential);

        assertThat(copy.tokenKubeconfig()).isEqualTo(credential.tokenKubeconfig()).contains("eyJhbGci");
        assertThat(copy.toString()).isEqualTo("the token of credential 'ci-token' for https://api.example.com:6443 "
                + "(the agent's trust store)").doesNotContain("eyJhbGci");
    }

    @Test
    void shouldRefuseATextThatIsNoTokenWithoutQuotingIt() {
        ApiServer server = ApiServer.of("https://api.example.com", "");
        String kubeconfig = "apiVersion: v1\nusers: [{user: {token: abc-SECRET}}]";

        assertThatThrownBy(() -> ClusterCredential.token("ci-token", kubeconfig, server))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("credential 'ci-token' holds whitespace or characters a bearer token cannot "
                        + "have").hasMessageNotContaining("SECRET");
        assertThatThrownBy(() -> ClusterCredential.token("ci-token", "abc\nserver: https://evil", server))
                .hasMessageNotContaining("evil");
        assertThatThrownBy(() -> ClusterCredential.token("ci-token", " \n", server))
                .hasMessage("credential 'ci-token' holds an empty text, not a token");
        assertThatThrownBy(() -> ClusterCredential.token("ci-token", "caf\u00e9", server))
                .hasMessageContaining("characters a bearer token cannot have");
    }

    @Test
    void shouldEncodeTheCaAsAKubeconfigDoes() throws Exception {
        String pem;
        try (TokenApiDouble api = new TokenApiDouble(dir)) {
            pem = api.caPem();
        }
        String text = ClusterCredential.token("t", "abc", ApiServer.of("https://h", pem)).tokenKubeconfig();

        assertThat(text).contains("certificate-authority-data: " + Base64.getEncoder()
                .encodeToString(pem.getBytes(StandardCharsets.US_ASCII)));
        assertThat(text).startsWith("apiVersion: v1\nkind: Config\nclusters:\n- name: ascent-credential\n");
    }
}

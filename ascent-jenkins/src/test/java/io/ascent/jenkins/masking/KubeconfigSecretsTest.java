package io.ascent.jenkins.masking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KubeconfigSecretsTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldFindEveryUsersTokenPasswordClientKeyAndAuthProviderSecrets() {
        String kubeconfig = """
                apiVersion: v1
                kind: Config
                clusters:
                - name: prod
                  cluster: {server: "https://api.example.com:6443", certificate-authority-data: Q0EtUFVCTElD}
                users:
                - name: deployer
                  user: {token: SECRET-TOKEN-1}
                - name: admin
                  user:
                    username: admin
                    password: "SECRET-PASSWORD p@ss"
                    client-certificate-data: Q0VSVC1QVUJMSUM=
                    client-key-data: U0VDUkVULUtFWQ==
                - name: oidc
                  user:
                    auth-provider:
                      name: oidc
                      config: {client-id: ci, client-secret: SECRET-CLIENT, id-token: SECRET-ID,
                               refresh-token: SECRET-REFRESH, idp-issuer-url: "https://issuer.example.com"}
                - name: gcp
                  user: {auth-provider: {name: gcp, config: {access-token: SECRET-ACCESS, expiry: "2026-12-01"}}}
                contexts: [{name: c, context: {cluster: prod, user: deployer}}]
                current-context: c
                """;
        assertThat(KubeconfigSecrets.of(bytes(kubeconfig))).containsExactlyInAnyOrder("SECRET-TOKEN-1",
                "SECRET-PASSWORD p@ss", "U0VDUkVULUtFWQ==", "SECRET-CLIENT", "SECRET-ID", "SECRET-REFRESH",
                "SECRET-ACCESS");
    }

    @Test
    void shouldReadAJsonKubeconfigToo() {
        assertThat(KubeconfigSecrets.of(bytes("{\"users\":[{\"name\":\"u\",\"user\":{\"token\":\"SECRET-JSON\"}}]}")))
                .containsExactly("SECRET-JSON");
    }

    @Test
    void shouldFindNothingInWhatIsNotAKubeconfigAndNeverThrow() {
        assertThat(KubeconfigSecrets.of(bytes("token: [unclosed"))).isEmpty();
        assertThat(KubeconfigSecrets.of(bytes("just text"))).isEmpty();
        assertThat(KubeconfigSecrets.of(bytes("users: {user: {token: x}}"))).isEmpty();
        assertThat(KubeconfigSecrets.of(bytes("users: [{user: {token: {nested: map}}}]"))).isEmpty();
        assertThat(KubeconfigSecrets.of(bytes("!!java.net.URL [\"http://127.0.0.1:1/\"]"))).isEmpty();
        StringBuilder bomb = new StringBuilder("a: &a [x, x]\n");
        for (int i = 0; i < 60; i++) {
            bomb.append("b").append(i).append(": &b").append(i).append(" [*a, *a]\n");
        }
        assertThat(KubeconfigSecrets.of(bytes(bomb.toString()))).isEmpty();
    }
}

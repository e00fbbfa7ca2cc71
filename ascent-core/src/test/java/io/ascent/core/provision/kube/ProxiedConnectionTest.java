package io.ascent.core.provision.kube;

import static io.ascent.core.provision.kube.ApiServerDouble.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.util.KubeConfig;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provisioner's connection goes through the proxy kubectl would use, with the proxy's credentials, and its
 * messages name the proxy. The server is named {@code api.cluster.test}, which resolves nowhere: only the proxy
 * (a double on 127.0.0.1 that sends every host to 127.0.0.1) can reach it.
 */
class ProxiedConnectionTest {

    private static final String VERSION = "{\"major\":\"1\",\"minor\":\"31\",\"gitVersion\":\"v1.31.0\"}";

    @TempDir
    Path dir;

    private final ApiServerDouble server = ApiServerDouble.started();

    @AfterEach
    void stop() {
        server.close();
    }

    private String serverUrl() {
        return "http://api.cluster.test:" + server.address().substring(server.address().lastIndexOf(':') + 1);
    }

    private KubeConnection connect(String proxyUrlLine, Map<String, String> environment) throws Exception {
        return connect(serverUrl(), proxyUrlLine, environment);
    }

    private KubeConnection connect(String url, String clusterLines, Map<String, String> environment)
            throws Exception {
        Path file = Files.writeString(dir.resolve("kubeconfig"), "apiVersion: v1\nkind: Config\nclusters:\n"
                + "- name: remote\n  cluster:\n    server: " + url + "\n" + clusterLines
                + "users:\n- name: ci\n  user:\n    token: not-a-secret\n"
                + "contexts:\n- name: remote\n  context:\n    cluster: remote\n    user: ci\ncurrent-context: remote\n");
        KubeConfig config;
        try (Reader reader = Files.newBufferedReader(file)) {
            config = KubeConfig.loadKubeConfig(reader);
        }
        config.setFile(file.toFile());
        return new KubeConnection(ClusterConnector.apiClient(config, environment));
    }

    @Test
    void shouldReachTheServerThroughHttpProxyFromTheEnvironment() throws Exception {
        server.always("GET /version", json(200, VERSION));
        try (HttpProxyDouble proxy = new HttpProxyDouble(Optional.empty())) {
            KubeConnection connection = connect("", Map.of("HTTP_PROXY", "http://127.0.0.1:" + proxy.port()));

            assertThat(connection.get("/version").getString("gitVersion")).isEqualTo("v1.31.0");
            assertThat(proxy.requestLines).containsExactly("GET " + serverUrl() + "/version HTTP/1.1");
            assertThat(server.authorizations).as("the API server still gets the kubeconfig's token")
                    .containsExactly("Bearer not-a-secret");
            assertThat(connection.route()).isEqualTo(serverUrl() + " through the proxy 127.0.0.1:" + proxy.port());
        }
    }

    @Test
    void shouldSendTheProxysCredentialsFromItsUrl() throws Exception {
        server.always("GET /version", json(200, VERSION));
        String expected = okhttp3.Credentials.basic("ci", "proxy-pass");
        try (HttpProxyDouble proxy = new HttpProxyDouble(Optional.of(expected))) {
            KubeConnection connection = connect("    proxy-url: http://ci:proxy-pass@127.0.0.1:" + proxy.port()
                    + "\n", Map.of());

            connection.get("/version");

            assertThat(proxy.authorizations).endsWith(expected);
            assertThat(connection.route()).doesNotContain("proxy-pass");
        }
    }

    @Test
    void shouldTunnelToAnHttpsServerWithItsCredentialsOnTheConnect() throws Exception {
        String expected = okhttp3.Credentials.basic("ci", "proxy-pass");
        try (HttpsVersionServer https = new HttpsVersionServer(dir, "dns:api.cluster.test");
                HttpProxyDouble proxy = new HttpProxyDouble(Optional.of(expected))) {
            KubeConnection connection = connect("https://api.cluster.test:" + https.port(),
                    "    certificate-authority-data: " + https.certificateAuthorityData() + "\n",
                    Map.of("HTTPS_PROXY", "ci:proxy-pass@127.0.0.1:" + proxy.port()));

            assertThat(connection.get("/version").getString("gitVersion")).isEqualTo("v1.31.0");
            assertThat(proxy.requestLines).contains("CONNECT api.cluster.test:" + https.port() + " HTTP/1.1");
            assertThat(proxy.authorizations).endsWith(expected);
        }
    }

    @Test
    void shouldNotUseTheProxyForAServerNoProxyNames() throws Exception {
        try (HttpProxyDouble proxy = new HttpProxyDouble(Optional.empty())) {
            KubeConnection connection = connect("", Map.of("HTTP_PROXY", "http://127.0.0.1:" + proxy.port(),
                    "NO_PROXY", ".cluster.test"));

            // No request: api.cluster.test resolves nowhere, and a test may not ask a name server.
            assertThat(connection.route()).isEqualTo(serverUrl());
        }
    }
}

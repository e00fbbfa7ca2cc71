package io.ascent.core.provision.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which proxy reaches an API server: kubeconfig's proxy-url, then the environment, as kubectl (Go) decides. */
class ClusterProxyTest {

    private static final URI HTTPS_SERVER = URI.create("https://api.cluster.example:6443");

    private static Optional<ClusterProxy> choose(URI server, Map<String, String> environment) throws Exception {
        return ClusterProxy.forServer(server, Optional.empty(), environment);
    }

    private static String address(ClusterProxy proxy) {
        InetSocketAddress address = (InetSocketAddress) proxy.proxy().address();
        return address.getHostString() + ":" + address.getPort();
    }

    @Test
    void shouldUseHttpsProxyForAnHttpsServerAndHttpProxyForAnHttpOne() throws Exception {
        Map<String, String> environment = Map.of("HTTPS_PROXY", "http://secure.proxy:3128",
                "HTTP_PROXY", "http://plain.proxy:8080");

        assertThat(address(choose(HTTPS_SERVER, environment).orElseThrow())).isEqualTo("secure.proxy:3128");
        assertThat(address(choose(URI.create("http://api.cluster.example:8080"), environment).orElseThrow()))
                .isEqualTo("plain.proxy:8080");
        assertThat(choose(HTTPS_SERVER, Map.of("HTTP_PROXY", "http://plain.proxy:8080")))
                .as("an https server never falls back to HTTP_PROXY").isEmpty();
    }

    @Test
    void shouldPreferUpperCaseAndReadLowerCaseToo() throws Exception {
        assertThat(choose(HTTPS_SERVER, Map.of("https_proxy", "http://lower:1", "HTTPS_PROXY", "http://upper:2"))
                .orElseThrow().source()).isEqualTo("HTTPS_PROXY");
        assertThat(choose(HTTPS_SERVER, Map.of("https_proxy", "http://lower:1")).orElseThrow().source())
                .isEqualTo("https_proxy");
    }

    @Test
    void shouldReadABareHostAndPortAsAnHttpProxyAndDefaultItsPort() throws Exception {
        assertThat(choose(HTTPS_SERVER, Map.of("HTTPS_PROXY", "proxy.corp:3128")).orElseThrow().address())
                .isEqualTo("http://proxy.corp:3128");
        assertThat(choose(HTTPS_SERVER, Map.of("HTTPS_PROXY", "http://proxy.corp")).orElseThrow().address())
                .isEqualTo("http://proxy.corp:80");
        ClusterProxy socks = choose(HTTPS_SERVER, Map.of("HTTPS_PROXY", "socks5://gateway")).orElseThrow();
        assertThat(socks.proxy().type()).isEqualTo(Proxy.Type.SOCKS);
        assertThat(socks.address()).isEqualTo("socks5://gateway:1080");
    }

    @Test
    void shouldNeverProxyLocalhostOrALoopbackAddressAsAKindClusterIs() throws Exception {
        Map<String, String> environment = Map.of("HTTPS_PROXY", "http://proxy:3128");

        assertThat(choose(URI.create("https://127.0.0.1:40123"), environment)).isEmpty();
        assertThat(choose(URI.create("https://localhost:6443"), environment)).isEmpty();
        assertThat(choose(URI.create("https://[::1]:6443"), environment)).isEmpty();
        assertThat(choose(URI.create("https://10.0.0.1:6443"), environment)).isPresent();
    }

    @Test
    void shouldBypassWhatNoProxyNamesTheWayGoReadsIt() {
        assertThat(ClusterProxy.bypassed("cluster.example", 443, "cluster.example")).isTrue();
        assertThat(ClusterProxy.bypassed("api.cluster.example", 443, "cluster.example")).as("subdomain").isTrue();
        assertThat(ClusterProxy.bypassed("notcluster.example", 443, "cluster.example")).isFalse();
        assertThat(ClusterProxy.bypassed("api.cluster.example", 443, ".cluster.example")).isTrue();
        assertThat(ClusterProxy.bypassed("cluster.example", 443, ".cluster.example")).as("dot: subdomains only")
                .isFalse();
        assertThat(ClusterProxy.bypassed("a.cluster.example", 443, "*.cluster.example")).isTrue();
        assertThat(ClusterProxy.bypassed("API.Cluster.Example", 443, "cluster.EXAMPLE")).as("case").isTrue();
        assertThat(ClusterProxy.bypassed("anything", 443, "other, *")).isTrue();
        assertThat(ClusterProxy.bypassed("10.96.0.1", 443, "10.96.0.0/12")).isTrue();
        assertThat(ClusterProxy.bypassed("10.112.0.1", 443, "10.96.0.0/12")).isFalse();
        assertThat(ClusterProxy.bypassed("10.96.0.1", 443, "10.96.0.1")).isTrue();
        assertThat(ClusterProxy.bypassed("10.96.0.2", 443, "10.96.0.1")).isFalse();
        assertThat(ClusterProxy.bypassed("api.example", 6443, "api.example:6443")).isTrue();
        assertThat(ClusterProxy.bypassed("api.example", 443, "api.example:6443")).as("other port").isFalse();
        assertThat(ClusterProxy.bypassed("fd00::5", 443, "fd00::/8")).isTrue();
        assertThat(ClusterProxy.bypassed("api.example", 443, " , ,")).isFalse();
    }

    @Test
    void shouldTakeTheKubeconfigsProxyUrlOverTheEnvironmentAndForLoopbackToo() throws Exception {
        ClusterProxy proxy = ClusterProxy.forServer(URI.create("https://127.0.0.1:6443"),
                Optional.of("socks5://jump.host:1081"), Map.of("HTTPS_PROXY", "http://env:3128", "NO_PROXY", "*"))
                .orElseThrow();

        assertThat(proxy.address()).isEqualTo("socks5://jump.host:1081");
        assertThat(proxy.source()).isEqualTo("the kubeconfig's proxy-url");
    }

    @Test
    void shouldCarryTheUsersCredentialsWithoutEverShowingThePassword() throws Exception {
        ClusterProxy proxy = choose(HTTPS_SERVER, Map.of("HTTPS_PROXY", "http://ci%40corp:p%3Ass@proxy:3128"))
                .orElseThrow();

        assertThat(proxy.credentials()).contains(okhttp3.Credentials.basic("ci@corp", "p:ss"));
        assertThat(proxy.toString()).doesNotContain("p:ss").doesNotContain("p%3Ass").contains("http://proxy:3128");
        assertThat(proxy.describe()).isEqualTo("the proxy http://proxy:3128 (HTTPS_PROXY)");
    }

    @Test
    void shouldRefuseWhatItCannotUseAndSayWhichSettingWithoutItsPassword() {
        assertThatThrownBy(() -> choose(HTTPS_SERVER, Map.of("HTTPS_PROXY", "https://user:hunter2@tls.proxy:443")))
                .hasMessageContaining("HTTPS_PROXY").hasMessageContaining("https:// proxy")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> choose(HTTPS_SERVER, Map.of("HTTPS_PROXY", "ftp://proxy:21")))
                .hasMessageContaining("'ftp'");
        assertThatThrownBy(() -> choose(HTTPS_SERVER, Map.of("HTTPS_PROXY", "socks5://u:hunter2@gateway:1080")))
                .hasMessageContaining("SOCKS").hasMessageNotContaining("hunter2");
    }

    @Test
    void shouldConnectDirectlyWithoutAnyProxySetting() throws Exception {
        assertThat(choose(HTTPS_SERVER, Map.of())).isEmpty();
        assertThat(choose(HTTPS_SERVER, Map.of("HTTPS_PROXY", "  "))).isEmpty();
    }
}

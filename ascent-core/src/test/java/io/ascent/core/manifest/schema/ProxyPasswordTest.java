package io.ascent.core.manifest.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.ascent.core.network.EnvironmentProxySelector;
import io.ascent.core.network.HttpProxyDouble;
import io.ascent.core.network.UrlAllowList;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema downloads through a proxy that demands {@code Proxy-Authorization}: the user and password of the proxy
 * variable's URL are sent by the fetcher's own client, on plain requests and on the CONNECT of an {@code https}
 * download, without touching the JVM's default {@link java.net.Authenticator} or its system properties; a wrong
 * password is a failed fetch whose message holds no password.
 */
class ProxyPasswordTest {

    /** A password with characters a URL must escape ({@code $} and {@code @} as {@code %24} and {@code %40}). */
    private static final String PROXY_URL_CREDENTIALS = "ci-bot:s3cr%24t%40x";
    private static final String EXPECTED = "Basic " + Base64.getEncoder().encodeToString(
            "ci-bot:s3cr$t@x".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path cache;
    private HttpServer origin;
    private HttpProxyDouble proxy;

    @BeforeEach
    void startTheOriginAndTheProxy() throws Exception {
        origin = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        origin.createContext("/", exchange -> {
            byte[] body = "{\"type\": \"object\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        origin.start();
        proxy = new HttpProxyDouble(Optional.of(EXPECTED));
    }

    @AfterEach
    void stop() throws Exception {
        proxy.close();
        origin.stop(0);
    }

    /** A host name that resolves nowhere: only the proxy (which sends every host to 127.0.0.1) reaches it. */
    private URI schema(String scheme) {
        return URI.create(scheme + "://schemas.example.test:" + origin.getAddress().getPort() + "/widget.json");
    }

    private CachingHttpFetcher fetcher(String variable, String credentials) {
        return new CachingHttpFetcher(cache, Duration.ofSeconds(5),
                UrlAllowList.of(List.of("http://schemas.example.test:" + origin.getAddress().getPort() + "/",
                        "https://schemas.example.test:" + origin.getAddress().getPort() + "/",
                        "https://other.example.test:" + origin.getAddress().getPort() + "/")),
                CachingHttpFetcher.DEFAULT_CACHE_BYTES, new EnvironmentProxySelector(Map.of(variable,
                        "http://" + credentials + "@127.0.0.1:" + proxy.port())));
    }

    @Test
    void shouldSendTheProxyVariablesUserAndPasswordWithAPlainDownload() throws Exception {
        SchemaFetcher.Outcome outcome = fetcher("HTTP_PROXY", PROXY_URL_CREDENTIALS).fetch(schema("http"));

        assertThat(outcome).isInstanceOf(SchemaFetcher.Fetched.class);
        assertThat(proxy.requestLines).last().isEqualTo("GET " + schema("http") + " HTTP/1.1");
        assertThat(proxy.authorizations).last().isEqualTo(EXPECTED);
        assertThat(java.net.Authenticator.getDefault()).as("nothing JVM-wide").isNull();
    }

    @Test
    void shouldSendThemOnTheConnectOfAnHttpsDownloadThoughTheJvmRefusesBasicOnTunnels() throws Exception {
        assertThat(System.getProperty("jdk.http.auth.tunneling.disabledSchemes")).as("the JDK's default holds")
                .isNull();

        // The origin speaks plain HTTP, so TLS fails inside the tunnel: what matters is that the tunnel was opened.
        SchemaFetcher.Outcome outcome = fetcher("HTTPS_PROXY", PROXY_URL_CREDENTIALS).fetch(schema("https"));

        String tunnel = "CONNECT schemas.example.test:" + origin.getAddress().getPort() + " HTTP/1.1";
        assertThat(proxy.requestLines).contains(tunnel);
        assertThat(proxy.authorizations.get(proxy.requestLines.indexOf(tunnel))).isEqualTo(EXPECTED);
        assertThat(outcome).isInstanceOf(SchemaFetcher.Failed.class);
        assertThat(java.net.Authenticator.getDefault()).isNull();
    }

    @Test
    void shouldAnswerAnHttp10ProxyThatClosesTheConnectionItRefused() throws Exception {
        proxy.close();
        proxy = new HttpProxyDouble(Optional.of(EXPECTED), true);

        SchemaFetcher.Outcome outcome = fetcher("HTTP_PROXY", PROXY_URL_CREDENTIALS).fetch(schema("http"));

        assertThat(outcome).isInstanceOf(SchemaFetcher.Fetched.class);
        assertThat(proxy.authorizations).containsExactly("none", EXPECTED);
    }

    @Test
    void shouldFailOnceWithoutShowingTheWrongPassword() throws Exception {
        SchemaFetcher.Outcome outcome = fetcher("HTTPS_PROXY", "ci-bot:wrong-hunter2").fetch(schema("https"));

        assertThat(outcome).isInstanceOfSatisfying(SchemaFetcher.Failed.class, failed ->
                assertThat(failed.reason()).isEqualTo(refusal(schema("https"), "HTTPS_PROXY"))
                        .doesNotContain("hunter2", "ci-bot"));
        assertThat(proxy.requestLines).as("the refused password is not sent again and again").hasSizeLessThan(3);
    }

    /** What each schema behind a proxy that refused the password reports. */
    private String refusal(URI schema, String variable) {
        return schema + " could not be fetched: the proxy http://127.0.0.1:" + proxy.port() + " (" + variable
                + ") refused the user and password of its URL (407), so it is not asked again in this run; fix "
                + "them in " + variable;
    }

    @Test
    void shouldSendARefusedPasswordOnceInARunFetchingTwoSchemaKinds() throws Exception {
        CachingHttpFetcher run = fetcher("HTTP_PROXY", "ci-bot:wrong-hunter2");
        URI widget = schema("http");
        URI gadget = URI.create("http://schemas.example.test:" + origin.getAddress().getPort() + "/gadget.json");

        SchemaFetcher.Outcome first = run.fetch(widget);
        SchemaFetcher.Outcome second = run.fetch(gadget);

        String wrong = "Basic " + Base64.getEncoder().encodeToString("ci-bot:wrong-hunter2".getBytes(
                StandardCharsets.UTF_8));
        assertThat(proxy.authorizations).as("one 407 answer to the credentials per run, not one per kind")
                .containsOnlyOnce(wrong).containsExactly("none", wrong);
        assertThat(first).isEqualTo(new SchemaFetcher.Failed(refusal(widget, "HTTP_PROXY")));
        assertThat(second).isEqualTo(new SchemaFetcher.Failed(refusal(gadget, "HTTP_PROXY")));
    }

    @Test
    void shouldNotOpenATunnelWithARefusedPasswordForASecondServer() throws Exception {
        CachingHttpFetcher run = fetcher("HTTPS_PROXY", "ci-bot:wrong-hunter2");
        URI other = URI.create("https://other.example.test:" + origin.getAddress().getPort() + "/widget.json");

        run.fetch(schema("https"));
        SchemaFetcher.Outcome second = run.fetch(other);

        assertThat(proxy.requestLines).as("no CONNECT to the second server").noneMatch(line
                -> line.startsWith("CONNECT other.example.test"));
        assertThat(second).isEqualTo(new SchemaFetcher.Failed(refusal(other, "HTTPS_PROXY")));
    }

    @Test
    void shouldKeepAskingAProxyThatAcceptedThePasswordForEachKind() throws Exception {
        CachingHttpFetcher run = fetcher("HTTP_PROXY", PROXY_URL_CREDENTIALS);

        assertThat(run.fetch(schema("http"))).isInstanceOf(SchemaFetcher.Fetched.class);
        assertThat(run.fetch(URI.create("http://schemas.example.test:" + origin.getAddress().getPort()
                + "/gadget.json"))).isInstanceOf(SchemaFetcher.Fetched.class);
    }

    @Test
    void shouldReachSchemasThroughTheProxyOfTheRunsEnvironmentNotTheJvms() throws Exception {
        // A Jenkins build's withEnv(["HTTP_PROXY=..."]): the engine's own fetcher, built from the run's environment
        String allowed = "http://schemas.example.test:" + origin.getAddress().getPort() + "/";
        io.ascent.core.EngineConfig config = io.ascent.core.EngineConfig.fromEnvironment(Map.of(
                "HTTP_PROXY", "http://" + PROXY_URL_CREDENTIALS + "@127.0.0.1:" + proxy.port(),
                UrlAllowList.ENVIRONMENT_VARIABLE, allowed, "XDG_CACHE_HOME", cache.toString()));

        SchemaFetcher.Outcome outcome = config.schemaFetcher().fetch(schema("http"));

        assertThat(outcome).isInstanceOf(SchemaFetcher.Fetched.class);
        assertThat(proxy.requestLines).last().isEqualTo("GET " + schema("http") + " HTTP/1.1");
        assertThat(proxy.authorizations).last().isEqualTo(EXPECTED);
    }

    @Test
    void shouldSendNoCredentialsToAProxyWhoseUrlHasNone() throws Exception {
        SchemaFetcher.Outcome outcome = new CachingHttpFetcher(cache, Duration.ofSeconds(5),
                UrlAllowList.of(List.of("http://schemas.example.test:" + origin.getAddress().getPort() + "/")),
                CachingHttpFetcher.DEFAULT_CACHE_BYTES, new EnvironmentProxySelector(Map.of("HTTP_PROXY",
                        "http://127.0.0.1:" + proxy.port()))).fetch(schema("http"));

        assertThat(outcome).isInstanceOf(SchemaFetcher.Failed.class);
        assertThat(proxy.authorizations).containsOnly("none");
    }
}

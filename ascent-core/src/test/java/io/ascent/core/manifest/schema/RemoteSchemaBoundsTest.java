package io.ascent.core.manifest.schema;

import static io.ascent.core.manifest.schema.SchemaTestSupport.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import io.ascent.core.manifest.api.KubernetesVersion;
import io.ascent.core.network.UrlAllowList;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote schemas against servers that misbehave on purpose, all on 127.0.0.1 and started by the test: only
 * allowed URLs are asked (redirects and references included), the timeout covers the whole answer, a dead
 * server costs one timeout per run, and the cache folder stays within its bound.
 */
class RemoteSchemaBoundsTest {
    private static final KubernetesVersion V1_30 = KubernetesVersion.of(1, 30);
    private static final String WIDGET = "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n";

    @TempDir
    Path cache;

    private HttpServer server;
    private HttpServer other;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> otherRequests = new CopyOnWriteArrayList<>();
    private final Map<String, String> bodies = new ConcurrentHashMap<>();
    private String base;
    private String otherBase;

    @BeforeEach
    void startServers() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.add(path);
            if (path.startsWith("/trickle/")) {
                exchange.sendResponseHeaders(200, 0); // chunked: the body never ends
                try (OutputStream out = exchange.getResponseBody()) {
                    for (int i = 0; i < 60; i++) {
                        out.write(' ');
                        out.flush();
                        Thread.sleep(1_000);
                    }
                } catch (InterruptedException | IOException stopped) {
                    return;
                }
                return;
            }
            if (path.startsWith("/hop/")) {
                exchange.getResponseHeaders().add("Location", "/widget.json");
                exchange.sendResponseHeaders(301, -1);
                exchange.close();
                return;
            }
            if (path.startsWith("/redirect/")) {
                exchange.getResponseHeaders().add("Location", otherBase + "/widget.json");
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
                return;
            }
            String body = bodies.get(path);
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        other.createContext("/", exchange -> {
            otherRequests.add(exchange.getRequestURI().getPath());
            byte[] bytes = "{\"type\": \"object\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        other.start();
        otherBase = "http://127.0.0.1:" + other.getAddress().getPort();
    }

    @AfterEach
    void stopServers() {
        server.stop(0);
        other.stop(0);
    }

    private ResourceSchemaValidator validator(String location, Duration timeout, String... allowed) {
        return ResourceSchemaValidator.builder()
                .schemaLocations(List.of(location))
                .cacheDirectory(cache)
                .timeout(timeout)
                .allowedUrls(UrlAllowList.of(List.of(allowed)))
                .build();
    }

    private SchemaResult widget(ResourceSchemaValidator validator) {
        return validator.validate(yaml(WIDGET), List.of(), "example.com/v1", "Widget", V1_30);
    }

    @Test
    void shouldSendNoRequestToALocationTheOperatorHasNotAllowed() {
        bodies.put("/widget.json", "{\"type\": \"object\"}");

        SchemaResult result = widget(validator(base + "/{{ .ResourceKind }}.json", Duration.ofSeconds(5),
                otherBase + "/"));

        assertThat(requests).isEmpty();
        assertThat(result).isInstanceOfSatisfying(SchemaResult.Skipped.class, skipped ->
                assertThat(skipped.reason()).contains("the operator has not allowed it", "--allow-url"));
    }

    @Test
    void shouldUseAnAllowedLocation() {
        bodies.put("/widget.json", "{\"type\": \"object\"}");

        SchemaResult result = widget(validator(base + "/{{ .ResourceKind }}.json", Duration.ofSeconds(5),
                base + "/"));

        assertThat(result).isInstanceOf(SchemaResult.Checked.class);
        assertThat(requests).containsExactly("/widget.json");
    }

    @Test
    void shouldNotFollowAReferenceToAnotherServerEvenWhenThatServerIsAllowed() {
        bodies.put("/widget.json", "{\"$ref\": \"" + otherBase + "/widget.json\"}");

        SchemaResult result = widget(validator(base + "/{{ .ResourceKind }}.json", Duration.ofSeconds(5),
                base + "/", otherBase + "/"));

        assertThat(otherRequests).isEmpty();
        assertThat(result).isInstanceOfSatisfying(SchemaResult.Skipped.class, skipped ->
                assertThat(skipped.reason()).contains("outside the schema location"));
    }

    @Test
    void shouldNeverOpenAFileReferenceFromARemoteSchema(@TempDir Path home) throws IOException {
        Path secret = Files.writeString(home.resolve("credentials.json"), "{\"required\": [\"leaked\"]}");
        bodies.put("/widget.json", "{\"$ref\": \"" + secret.toUri() + "\"}");

        SchemaResult result = widget(validator(base + "/{{ .ResourceKind }}.json", Duration.ofSeconds(5),
                base + "/"));

        assertThat(result).isInstanceOfSatisfying(SchemaResult.Skipped.class, skipped ->
                assertThat(skipped.reason()).contains("outside the schema location").doesNotContain("leaked"));
    }

    @Test
    void shouldFollowReferencesUnderTheLocationThroughTheAllowList() {
        bodies.put("/schemas/widget.json", "{\"properties\": {\"spec\": {\"$ref\": \"defs.json#/definitions/spec\"}}}");
        bodies.put("/schemas/defs.json", "{\"definitions\": {\"spec\": {\"type\": \"object\"}}}");

        SchemaResult result = widget(validator(base + "/schemas/{{ .ResourceKind }}.json", Duration.ofSeconds(5),
                base + "/schemas/"));

        assertThat(result).isInstanceOf(SchemaResult.Checked.class);
        assertThat(requests).containsExactly("/schemas/widget.json", "/schemas/defs.json");
    }

    @Test
    void shouldNotFollowARedirectToAUrlThatIsNotAllowed() {
        SchemaResult result = widget(validator(base + "/redirect/{{ .ResourceKind }}.json", Duration.ofSeconds(5),
                base + "/"));

        assertThat(requests).containsExactly("/redirect/widget.json");
        assertThat(otherRequests).isEmpty();
        assertThat(result).isInstanceOf(SchemaResult.Skipped.class);
    }

    @Test
    void shouldFollowARedirectToAnAllowedUrl() {
        bodies.put("/widget.json", "{\"type\": \"object\"}");

        SchemaResult result = widget(validator(base + "/hop/{{ .ResourceKind }}.json", Duration.ofSeconds(5),
                base + "/"));

        assertThat(result).isInstanceOf(SchemaResult.Checked.class);
        assertThat(requests).containsExactly("/hop/widget.json", "/widget.json");
    }

    @Test
    void shouldServeACachedSchemaOnlyForAUrlThatIsStillAllowed() throws Exception {
        bodies.put("/widget.json", "{\"type\": \"object\"}");
        URI widget = URI.create(base + "/widget.json");
        new CachingHttpFetcher(cache, Duration.ofSeconds(5), UrlAllowList.of(List.of(base + "/")),
                CachingHttpFetcher.DEFAULT_CACHE_BYTES).fetch(widget);
        assertThat(new CachingHttpFetcher(cache, Duration.ofSeconds(5)).cacheFile(widget)).exists();

        SchemaFetcher.Outcome later = new CachingHttpFetcher(cache, Duration.ofSeconds(5)).fetch(widget);

        assertThat(later).isInstanceOf(SchemaFetcher.Failed.class);
        assertThat(requests).containsExactly("/widget.json");
    }

    @Test
    void shouldFetchThroughTheProxyTheEnvironmentNames() throws Exception {
        bodies.put("/widget.json", "{\"type\": \"object\"}");
        int port = server.getAddress().getPort();
        // A name that resolves nowhere: only the proxy (which sends every host to 127.0.0.1) reaches it.
        URI widget = URI.create("http://schemas.example.test:" + port + "/widget.json");
        try (io.ascent.core.network.HttpProxyDouble proxy = new io.ascent.core.network.HttpProxyDouble(
                java.util.Optional.empty())) {
            CachingHttpFetcher fetcher = new CachingHttpFetcher(cache, Duration.ofSeconds(5),
                    UrlAllowList.of(List.of("http://schemas.example.test:" + port + "/")),
                    CachingHttpFetcher.DEFAULT_CACHE_BYTES, new io.ascent.core.network.EnvironmentProxySelector(
                            Map.of("HTTP_PROXY", "http://127.0.0.1:" + proxy.port())));

            assertThat(fetcher.fetch(widget)).isInstanceOf(SchemaFetcher.Fetched.class);
            assertThat(proxy.requestLines).containsExactly("GET " + widget + " HTTP/1.1");
            assertThat(requests).containsExactly("/widget.json");
        }
    }

    @Test
    void shouldCutAServerThatTricklesBytesAtTheTimeout() {
        long start = System.nanoTime();

        SchemaResult result = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> widget(validator(
                base + "/trickle/{{ .ResourceKind }}.json", Duration.ofSeconds(2), base + "/")));

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isLessThan(Duration.ofSeconds(6));
        assertThat(result).isInstanceOfSatisfying(SchemaResult.Skipped.class, skipped ->
                assertThat(skipped.reason()).contains(base + "/trickle/widget.json" + CachingHttpFetcher.NOT_FETCHED));
    }

    @Test
    void shouldAskAnUnresponsiveServerOnlyOncePerRun() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger connections = new AtomicInteger();
            List<Socket> held = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        held.add(silent.accept()); // accepted, never answered
                        connections.incrementAndGet();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String silentBase = "http://127.0.0.1:" + silent.getLocalPort();
            ResourceSchemaValidator validator = validator(silentBase + "/{{ .ResourceKind }}.json",
                    Duration.ofSeconds(1), silentBase + "/");
            long start = System.nanoTime();

            List<SchemaResult> results = new ArrayList<>();
            for (String kind : List.of("Widget", "Gadget", "Gizmo", "Doohickey")) {
                results.add(validator.validate(yaml("apiVersion: example.com/v1\nkind: " + kind + "\n"), List.of(),
                        "example.com/v1", kind, V1_30));
            }

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(results).allSatisfy(result -> assertThat(result).isInstanceOf(SchemaResult.Skipped.class));
            assertThat(took).isLessThan(Duration.ofMillis(3_000));
            assertThat(connections.get()).isEqualTo(1);
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void shouldSayOnlyCouldNotBeFetchedWhateverWentWrong() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        URI closed = URI.create("http://127.0.0.1:" + closedPort + "/x.json");
        URI notJson = URI.create(base + "/x.json");
        URI missingThenServerError = URI.create(base + "/trickle-not/x.json");
        CachingHttpFetcher fetcher = new CachingHttpFetcher(cache, Duration.ofSeconds(2),
                UrlAllowList.of(List.of("http://127.0.0.1:" + closedPort + "/", base + "/")),
                CachingHttpFetcher.DEFAULT_CACHE_BYTES);
        bodies.put("/x.json", "<html>not json</html>");

        assertThat(fetcher.fetch(closed)).isEqualTo(new SchemaFetcher.Failed(closed + CachingHttpFetcher.NOT_FETCHED));
        assertThat(fetcher.fetch(notJson)).isEqualTo(new SchemaFetcher.Failed(notJson + CachingHttpFetcher.NOT_FETCHED));
        assertThat(fetcher.fetch(missingThenServerError)).isInstanceOf(SchemaFetcher.Missing.class);
    }

    @Test
    void shouldKeepTheCacheFolderWithinItsBoundRemovingTheLeastRecentlyUsed() throws Exception {
        String padding = " ".repeat(1_000);
        for (String name : List.of("a", "b", "c")) {
            bodies.put("/" + name + ".json", "{\"type\": \"object\"}" + padding);
        }
        CachingHttpFetcher fetcher = new CachingHttpFetcher(cache, Duration.ofSeconds(5),
                UrlAllowList.of(List.of(base + "/")), 2_500);
        URI a = URI.create(base + "/a.json");
        URI b = URI.create(base + "/b.json");
        URI c = URI.create(base + "/c.json");

        fetcher.fetch(a);
        fetcher.fetch(b);
        Files.setLastModifiedTime(fetcher.cacheFile(a), java.nio.file.attribute.FileTime.fromMillis(1_000));
        Files.setLastModifiedTime(fetcher.cacheFile(b), java.nio.file.attribute.FileTime.fromMillis(2_000));
        assertThat(fetcher.fetch(a)).isInstanceOfSatisfying(SchemaFetcher.Fetched.class,
                fetched -> assertThat(fetched.fromCache()).isTrue()); // a is now the most recently used
        fetcher.fetch(c);

        assertThat(fetcher.cacheFile(a)).exists();
        assertThat(fetcher.cacheFile(b)).doesNotExist();
        assertThat(fetcher.cacheFile(c)).exists();
        long total;
        try (var files = Files.list(cache)) {
            total = files.mapToLong(file -> file.toFile().length()).sum();
        }
        assertThat(total).isLessThanOrEqualTo(2_500);
    }
}

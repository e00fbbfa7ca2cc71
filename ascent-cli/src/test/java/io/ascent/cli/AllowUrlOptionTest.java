package io.ascent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.ascent.core.EngineConfig;
import io.ascent.core.manifest.schema.CachingHttpFetcher;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --allow-url}: a checklist's remote schema location is asked only when the person running Ascent allows
 * it. The server is the test's own, on 127.0.0.1, and records what it is asked.
 */
class AllowUrlOptionTest {
    @TempDir
    Path repository;

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private String base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI().getPath());
            byte[] body = "{\"type\": \"object\", \"required\": [\"servedByTheTestServer\"]}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        Files.writeString(repository.resolve("ascent.yaml"), """
                apiVersion: ascent.dev/v1
                kind: Checklist
                metadata:
                  name: app
                kubernetes:
                  version: "1.30"
                  manifests: [deploy/]
                  schemaLocations: [default, "%s{{ .ResourceKind }}.json"]
                """.formatted(base));
        Files.createDirectories(repository.resolve("deploy"));
        Files.writeString(repository.resolve("deploy/widget.yaml"),
                "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n");
    }

    @AfterEach
    void stop() throws IOException {
        server.stop(0);
        // The CLI caches in the operator's cache folder; leave nothing of this test there.
        Path schemas = EngineConfig.fromEnvironment(System.getenv()).cacheDirectory().resolve("schemas");
        Files.deleteIfExists(new CachingHttpFetcher(schemas, Duration.ofSeconds(1))
                .cacheFile(URI.create(base + "widget.json")));
    }

    @Test
    void shouldNotAskALocationThatIsNotAllowed() {
        CliRun run = CliRun.of("validate", repository.toString(), "--no-git", "-v");

        assertThat(requests).isEmpty();
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("was not used", "no request was sent");
    }

    @Test
    void shouldAskALocationTheOptionAllows() {
        CliRun run = CliRun.of("validate", repository.toString(), "--no-git", "--allow-url", base);

        assertThat(requests).containsExactly("/widget.json");
        assertThat(run.out()).contains("missing required property 'servedByTheTestServer'");
    }

    @Test
    void shouldRefuseAPrefixThatIsNoUrlAsAUsageError() {
        CliRun run = CliRun.of("validate", repository.toString(), "--no-git", "--allow-url", "file:///etc/");

        assertThat(run.status()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("--allow-url: 'file:///etc/' is not a URL prefix").doesNotContain("Exception");
        assertThat(requests).isEmpty();
    }
}

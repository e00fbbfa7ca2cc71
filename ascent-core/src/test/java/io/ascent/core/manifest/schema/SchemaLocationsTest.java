package io.ascent.core.manifest.schema;

import static io.ascent.core.manifest.schema.SchemaTestSupport.DEPLOYMENT;
import static io.ascent.core.manifest.schema.SchemaTestSupport.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.ascent.core.jsonschema.SchemaViolation;
import io.ascent.core.manifest.api.KubernetesVersion;
import io.ascent.core.network.UrlAllowList;
import io.ascent.core.yaml.YamlDocument;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folder and URL-template locations; the HTTP server is the test's own, on 127.0.0.1. */
class SchemaLocationsTest {
    private static final KubernetesVersion V1_30 = KubernetesVersion.of(1, 30);
    private static final String WIDGET = """
            apiVersion: example.com/v1
            kind: Widget
            metadata: {name: w}
            spec:
              size: 0
              colour: purple
              shape: round
            """;

    @TempDir
    Path cache;

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger failWith = new AtomicInteger(0);
    private String base;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        Path root = SchemaTestSupport.fixtureFolder();
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI().getPath());
            Path file = root.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            int status = failWith.get();
            byte[] body = new byte[0];
            if (status == 0) {
                if (file.startsWith(root) && Files.isRegularFile(file)) {
                    status = 200;
                    body = Files.readAllBytes(file);
                } else {
                    status = 404;
                }
            }
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/portal/", exchange -> {
            requests.add(exchange.getRequestURI().getPath());
            byte[] body = "<html>Sign in to the Wi-Fi</html>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private ResourceSchemaValidator validator(String... locations) {
        return ResourceSchemaValidator.builder()
                .schemaLocations(List.of(locations))
                .baseDirectory(SchemaTestSupport.fixtureFolder().getParent())
                .cacheDirectory(cache)
                .timeout(Duration.ofSeconds(10))
                .allowedUrls(UrlAllowList.of(List.of(base + "/")))
                .build();
    }

    private static List<String> messages(SchemaResult result) {
        assertThat(result).isInstanceOf(SchemaResult.Checked.class);
        return ((SchemaResult.Checked) result).violations().stream().map(SchemaViolation::describe).toList();
    }

    @Test
    void folderLocationValidatesKindsItHasAndResolvesReferencesInsideIt() {
        ResourceSchemaValidator validator = validator("default", "folder");

        SchemaResult result = validator.validate(yaml(WIDGET), List.of(), "example.com/v1", "Widget", V1_30);

        assertThat(messages(result)).containsExactly(
                "deploy/app.yaml:5:9: must be at least 1 but is the number 0 in spec.size",
                "deploy/app.yaml:6:11: 'purple' is not allowed here in spec.colour; use one of: blue, green, red",
                "deploy/app.yaml:7:3: unknown property 'shape' in spec. Allowed: colour, size");
        assertThat(((SchemaResult.Checked) result).source())
                .endsWith("folder/v1.30.0-standalone-strict/widget-example-v1.json");
    }

    @Test
    void folderLocationWithoutTheKindFallsThroughToTheNextLocation() {
        ResourceSchemaValidator validator = validator("folder", "default");

        SchemaResult result = validator.validate(yaml(DEPLOYMENT), List.of(), "apps/v1", "Deployment", V1_30);

        assertThat(((SchemaResult.Checked) result).source()).startsWith("bundled Kubernetes 1.30");
    }

    @Test
    void urlTemplateIsFetchedOnceAndThenServedFromTheDiskCache() {
        String template = base + "/{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}/"
                + "{{ .ResourceKind }}{{ .KindSuffix }}.json";
        YamlDocument widget = yaml(WIDGET);

        SchemaResult first = validator(template).validate(widget, List.of(), "example.com/v1", "Widget", V1_30);
        server.stop(0);
        SchemaResult second = validator(template).validate(widget, List.of(), "example.com/v1", "Widget", V1_30);

        assertThat(messages(first)).hasSize(3);
        assertThat(second).isEqualTo(first);
        // the schema and the _definitions.json it refers to, each once
        assertThat(requests).containsExactly("/v1.30.0-standalone-strict/widget-example-v1.json",
                "/v1.30.0-standalone-strict/_definitions.json");
        assertThat(cache).isDirectoryContaining("glob:**.json");
    }

    @Test
    void urlTemplateAnsweringServerErrorFallsThroughToTheNextLocationWithANote() {
        failWith.set(500);
        ResourceSchemaValidator validator = validator(base + "/{{ .ResourceKind }}.json", "folder");

        SchemaResult.Checked result = (SchemaResult.Checked) validator.validate(yaml(WIDGET), List.of(),
                "example.com/v1", "Widget", V1_30);

        assertThat(result.violations()).hasSize(3);
        // the status stays out of the report (a port scanner's answer); only the DEBUG log has it
        assertThat(result.notes()).containsExactly(base + "/widget.json" + CachingHttpFetcher.NOT_FETCHED);
    }

    @Test
    void urlTemplateAnsweringServerErrorAloneSkipsWithTheReason() {
        failWith.set(503);
        ResourceSchemaValidator validator = validator(base + "/{{ .ResourceKind }}.json");

        SchemaResult result = validator.validate(yaml(WIDGET), List.of(), "example.com/v1", "Widget", V1_30);

        assertThat(result).isEqualTo(new SchemaResult.Skipped("no schema for example.com/v1 Widget (Kubernetes 1.30)"
                + " in " + base + "/{{ .ResourceKind }}.json (" + base + "/widget.json" + CachingHttpFetcher.NOT_FETCHED
                + ")", Optional.of(SchemaResult.Remedy.CRD)));
    }

    @Test
    void servedBuiltInKindMissingFromTheLocationsAsksForALocationNotACrd() {
        failWith.set(404);
        ResourceSchemaValidator validator = validator(base + "/{{ .ResourceKind }}.json");

        SchemaResult result = validator.validate(yaml("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n"),
                List.of(), "v1", "ConfigMap", V1_30);

        assertThat(result).isInstanceOf(SchemaResult.Skipped.class);
        assertThat(((SchemaResult.Skipped) result).reason()).startsWith("no schema for v1 ConfigMap (Kubernetes 1.30)");
        assertThat(((SchemaResult.Skipped) result).remedy())
                .contains(SchemaResult.Remedy.other("add a schemaLocation that has it"));
    }

    @Test
    void unreachableServerFallsThroughAsAFailure() {
        server.stop(0);
        ResourceSchemaValidator validator = validator(base + "/{{ .ResourceKind }}.json", "default");

        SchemaResult.Checked result = (SchemaResult.Checked) validator.validate(yaml(DEPLOYMENT), List.of(),
                "apps/v1", "Deployment", V1_30);

        assertThat(result.violations()).isEmpty();
        assertThat(result.notes()).containsExactly(base + "/deployment.json" + CachingHttpFetcher.NOT_FETCHED);
    }

    @Test
    void notFoundOnTheServerIsNotCached() throws IOException {
        ResourceSchemaValidator validator = validator(base + "/{{ .ResourceKind }}.json");

        validator.validate(yaml(WIDGET), List.of(), "example.com/v1", "Widget", V1_30);

        assertThat(requests).containsExactly("/widget.json");
        try (var files = Files.list(cache)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void nonStrictRunAsksForTheNonStrictFolder() {
        ResourceSchemaValidator validator = ResourceSchemaValidator.builder()
                .schemaLocations(List.of(base)).strict(false).cacheDirectory(cache)
                .allowedUrls(UrlAllowList.of(List.of(base))).build();

        validator.validate(yaml(WIDGET), List.of(), "example.com/v1", "Widget", V1_30);

        assertThat(requests).containsExactly("/v1.30.0-standalone/widget-example-v1.json");
    }

    @Test
    void cachedFileIsNamedAfterTheUrlsHash() throws Exception {
        CachingHttpFetcher fetcher = new CachingHttpFetcher(cache, Duration.ofSeconds(10),
                UrlAllowList.of(List.of(base)), CachingHttpFetcher.DEFAULT_CACHE_BYTES);
        java.net.URI uri = java.net.URI.create(base + "/v1.30.0-standalone-strict/widget-example-v1.json");

        SchemaFetcher.Outcome first = fetcher.fetch(uri);
        SchemaFetcher.Outcome second = fetcher.fetch(uri);

        assertThat(first).isInstanceOfSatisfying(SchemaFetcher.Fetched.class, f -> assertThat(f.fromCache()).isFalse());
        assertThat(second).isInstanceOfSatisfying(SchemaFetcher.Fetched.class, f -> assertThat(f.fromCache()).isTrue());
        assertThat(Files.readString(fetcher.cacheFile(uri), StandardCharsets.UTF_8)).contains("Widget");
    }

    @Test
    void answerThatIsNotJsonFallsThroughAndIsNotCached() throws IOException {
        ResourceSchemaValidator validator = validator(base + "/portal/{{ .ResourceKind }}.json", "default");

        SchemaResult.Checked result = (SchemaResult.Checked) validator.validate(yaml(DEPLOYMENT), List.of(),
                "apps/v1", "Deployment", V1_30);

        assertThat(result.source()).startsWith("bundled Kubernetes 1.30");
        assertThat(result.notes()).containsExactly(base + "/portal/deployment.json" + CachingHttpFetcher.NOT_FETCHED);
        try (var files = Files.list(cache)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void brokenSchemaInAFolderIsANoteNotACrash() {
        ResourceSchemaValidator validator = validator("broken", "folder");

        SchemaResult.Checked widget = (SchemaResult.Checked) validator.validate(yaml(WIDGET), List.of(),
                "example.com/v1", "Widget", V1_30);
        SchemaResult gadget = validator.validate(yaml("apiVersion: example.com/v1\nkind: Gadget\n"), List.of(),
                "example.com/v1", "Gadget", V1_30);

        assertThat(widget.violations()).hasSize(3);
        assertThat(widget.notes()).singleElement().asString()
                .startsWith("the schema for example.com/v1 Widget in broken cannot be used: ");
        assertThat(gadget).isInstanceOfSatisfying(SchemaResult.Skipped.class, skipped -> assertThat(skipped.reason())
                .startsWith("no schema for example.com/v1 Gadget (Kubernetes 1.30) in broken or folder"
                        + " (the schema for example.com/v1 Gadget in broken cannot be used: "));
    }
}

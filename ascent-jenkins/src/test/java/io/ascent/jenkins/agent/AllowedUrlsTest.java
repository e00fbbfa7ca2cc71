package io.ascent.jenkins.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.ascent.core.EngineConfig;
import io.ascent.core.manifest.schema.CachingHttpFetcher;
import io.ascent.core.network.UrlAllowList;
import io.ascent.core.report.render.Format;
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
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The administrator's allowed schema URL prefixes reach the engine on the agent: a checklist's remote schema
 * location is asked only when allowed. The server is the test's own, on 127.0.0.1, and records what it is asked.
 */
class AllowedUrlsTest {

    /** This JVM's environment as a build's (what the callables ran in before builds had their own). */
    static final BuildEnvironment THIS_JVM = BuildEnvironment.of(System.getenv());

    @TempDir
    Path workspace;

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private String base;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI().getPath());
            byte[] body = "{\"type\": \"object\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        Path app = Files.createDirectories(workspace.resolve("app/deploy"));
        Files.writeString(workspace.resolve("app/ascent.yaml"), """
                apiVersion: ascent.dev/v1
                kind: Checklist
                metadata:
                  name: app
                kubernetes:
                  version: "1.30"
                  manifests: [deploy/]
                  schemaLocations: [default, "%s{{ .ResourceKind }}.json"]
                """.formatted(base));
        Files.writeString(app.resolve("widget.yaml"), "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n");
        // The engine reads the committed tree, as in a Jenkins checkout.
        try (Git git = Git.init().setDirectory(workspace.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            PersonIdent someone = new PersonIdent("Test", "test@example.org");
            git.commit().setMessage("app").setAuthor(someone).setCommitter(someone).setSign(false).call();
        }
    }

    @AfterEach
    void stop() throws IOException {
        server.stop(0);
        // The engine caches in the agent user's cache folder; leave nothing of this test there.
        Path schemas = EngineConfig.fromEnvironment(System.getenv()).cacheDirectory().resolve("schemas");
        Files.deleteIfExists(new CachingHttpFetcher(schemas, Duration.ofSeconds(1))
                .cacheFile(URI.create(base + "widget.json")));
    }

    private AgentReport validate(UrlAllowList allowed) throws Exception {
        ValidateRequest request = new ValidateRequest("app", "", "", "out/", List.of(Format.JSON), allowed);
        return new ValidateCallable(request, new ValidateCallableTest.BufferListener(), THIS_JVM)
                .invoke(workspace.toFile(), null);
    }

    @Test
    void shouldNotAskALocationTheAdministratorDidNotAllow() throws Exception {
        validate(UrlAllowList.none());
        assertThat(requests).isEmpty();
    }

    @Test
    void shouldAskALocationTheAdministratorAllowed() throws Exception {
        validate(UrlAllowList.of(List.of(base)));
        assertThat(requests).containsExactly("/widget.json");
    }
}

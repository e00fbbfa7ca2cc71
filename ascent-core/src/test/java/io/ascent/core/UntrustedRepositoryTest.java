package io.ascent.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;


import com.sun.net.httpserver.HttpServer;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import io.ascent.core.report.Status;
import io.ascent.core.report.render.Format;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A repository is hostile input: what it links to outside itself is never read, and nothing of it reaches any
 * report format. Every repository here is built by the test in a temporary folder, beside a fake credentials
 * file standing for the agent's {@code ~/.git-credentials}.
 */
class UntrustedRepositoryTest {
    private static final String TOKEN = "ghp_k3yFromTheAgentsHome0000000000000000";
    private static final String CHECKLIST = """
            apiVersion: ascent.dev/v1
            kind: Checklist
            metadata:
              name: app
            """;

    @TempDir
    Path temp;

    private Path repository;
    private Path credentials;

    private void layout() throws IOException {
        repository = Files.createDirectories(temp.resolve("repo"));
        Path home = Files.createDirectories(temp.resolve("home"));
        credentials = Files.writeString(home.resolve(".git-credentials"),
                "https://jenkins:" + TOKEN + "@github.com\n");
    }

    private static Ascent engine() {
        return new Ascent(Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC),
                ValidationSteps.builtIn());
    }

    private static String everyFormat(Report report) {
        StringBuilder all = new StringBuilder();
        for (Format format : Format.values()) {
            StringWriter out = new StringWriter();
            try {
                format.renderer().render(report, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            all.append(out).append('\n');
        }
        return all.toString();
    }

    private static void commitAll(Path repository) throws Exception {
        try (Git git = Git.init().setDirectory(repository.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("hostile").setSign(false).setAuthor("t", "t@example.com")
                    .setCommitter("t", "t@example.com").call();
        }
    }

    @ParameterizedTest(name = "read from git: {0}")
    @ValueSource(booleans = {true, false})
    void shouldRefuseACommittedChecklistThatLinksOutOfTheRepository(boolean git) throws Exception {
        layout();
        Files.createSymbolicLink(repository.resolve("ascent.yaml"), credentials);
        if (git) {
            commitAll(repository);
        }

        Report report = engine().validate(ValidateOptions.of(repository).withNoGit(!git), ProgressListener.SILENT);

        assertThat(report.items()).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.ERROR);
            assertThat(item.location().path()).isEqualTo("ascent.yaml");
            assertThat(item.message()).contains("symbolic link that leads out of");
        });
        assertThat(report.verdict().exitStatus()).isEqualTo(2);
        assertThat(everyFormat(report)).doesNotContain(TOKEN, "ghp_", "jenkins:", ".git-credentials", "home");
    }

    @Test
    void shouldRefuseAnExplicitChecklistInsideTheRepositoryThatLinksOut() throws Exception {
        layout();
        Path link = Files.createSymbolicLink(repository.resolve("other.yaml"), credentials);

        Report report = engine().validate(new ValidateOptions(repository, Optional.of(link), Optional.empty())
                .withNoGit(true), ProgressListener.SILENT);

        assertThat(report.items()).singleElement().extracting(Item::message).asString()
                .contains("symbolic link that leads out of");
        assertThat(everyFormat(report)).doesNotContain(TOKEN, "ghp_");
    }

    @Test
    void shouldReadAnExplicitChecklistOutsideTheRepositoryAsTheOperatorsChoice() throws Exception {
        layout();
        Files.writeString(repository.resolve("README.md"), "app\n");
        Path shared = Files.writeString(temp.resolve("shared-checklist.yaml"), CHECKLIST);

        Report report = engine().validate(new ValidateOptions(repository, Optional.of(shared), Optional.empty())
                .withNoGit(true), ProgressListener.SILENT);

        assertThat(report.items()).anySatisfy(item -> assertThat(item.message()).contains("is a valid Ascent Checklist"));
    }

    @Test
    void shouldRefuseAnExplicitChecklistOutsideTheRepositoryThatIsNotARegularFile() throws Exception {
        layout();
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")), "/dev/zero exists");

        Report report = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> engine().validate(
                new ValidateOptions(repository, Optional.of(Path.of("/dev/zero")), Optional.empty()).withNoGit(true),
                ProgressListener.SILENT));

        assertThat(report.items()).singleElement().extracting(Item::message).asString()
                .contains("not a regular file");
    }

    @Test
    void shouldSkipANamedPipeWithNoGitInsteadOfBlocking() throws Exception {
        layout();
        Files.writeString(repository.resolve("ascent.yaml"), CHECKLIST + """
                repository:
                  secrets: {scan: true}
                  maxFileSize: 1MB
                """);
        Path fifo = repository.resolve("blocking.env");
        Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0,
                "mkfifo is available");

        Report report = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> engine().validate(ValidateOptions.of(repository).withNoGit(true), ProgressListener.SILENT));

        assertThat(report.items()).noneSatisfy(item -> assertThat(item.status()).isEqualTo(Status.ERROR));
        assertThat(everyFormat(report)).doesNotContain("blocking.env");
    }

    @Test
    void shouldSendNoRequestToASchemaLocationTheOperatorHasNotAllowed() throws Exception {
        layout();
        List<String> requests = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI().toString());
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.start();
        try {
            String location = "http://127.0.0.1:" + server.getAddress().getPort() + "/schemas/";
            Files.writeString(repository.resolve("ascent.yaml"), CHECKLIST + """
                    kubernetes:
                      version: "1.30"
                      manifests: [deploy/]
                      schemaLocations: [default, "%s", "%sother/{{ .ResourceKind }}.json"]
                    """.formatted(location, location));
            Files.createDirectories(repository.resolve("deploy"));
            Files.writeString(repository.resolve("deploy/widget.yaml"),
                    "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n");

            Report report = engine().validate(ValidateOptions.of(repository).withNoGit(true),
                    ProgressListener.SILENT);

            assertThat(requests).isEmpty();
            List<Item> refused = report.items().stream()
                    .filter(item -> item.message().contains("was not used")).toList();
            assertThat(refused).hasSize(2).allSatisfy(item -> {
                assertThat(item.id()).isEqualTo("manifest.schema");
                assertThat(item.status()).isEqualTo(Status.SKIP);
                assertThat(item.message()).contains("no request was sent");
                assertThat(item.remediation()).contains("--allow-url " + location, "ASCENT_ALLOWED_URLS");
            });
            assertThat(report.verdict().exitStatus()).isZero();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void shouldNotReadOutsideFilesThroughAKindInAFolderSchemaLocation() throws Exception {
        layout();
        Files.writeString(temp.resolve("passwd.json"), "{\"required\": [\"readFromOutside\"]}");
        Files.writeString(repository.resolve("ascent.yaml"), CHECKLIST + """
                kubernetes:
                  version: "1.30"
                  manifests: [deploy/]
                  schemaLocations: ["schemas/{{ .ResourceKind }}.json"]
                """);
        Files.createDirectories(repository.resolve("schemas"));
        Files.createDirectories(repository.resolve("deploy"));
        Files.writeString(repository.resolve("deploy/evil.yaml"),
                "apiVersion: v1\nkind: ../../passwd\nmetadata: {name: x}\n");

        Report report = engine().validate(ValidateOptions.of(repository).withNoGit(true), ProgressListener.SILENT);

        assertThat(everyFormat(report)).doesNotContain("readFromOutside");
        assertThat(report.items()).anySatisfy(item -> {
            assertThat(item.id()).isEqualTo("manifest.schema");
            assertThat(item.status()).isEqualTo(Status.SKIP);
            assertThat(item.message()).contains("is not a Kubernetes kind");
        });
    }
}

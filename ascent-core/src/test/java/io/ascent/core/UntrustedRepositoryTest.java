package io.ascent.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.ascent.core.progress.ProgressListener;
import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import io.ascent.core.report.Status;
import io.ascent.core.report.render.Format;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}

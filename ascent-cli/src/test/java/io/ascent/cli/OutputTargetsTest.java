package io.ascent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where {@code --output} may write: through devices and links the operator names, never through the repository's. */
class OutputTargetsTest {
    private static final String CHECKLIST = """
            apiVersion: ascent.dev/v1
            kind: Checklist
            metadata:
              name: app
            """;

    @TempDir
    Path dir;

    private Path repository() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.writeString(repo.resolve("ascent.yaml"), CHECKLIST);
        return repo;
    }

    @Test
    void shouldWriteReportFilesOthersCanReadAsAnyNewFileInTheFolder() throws Exception {
        Path repo = repository();
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Path reference = Files.createFile(reports.resolve("reference"));
        CliRun run = CliRun.of("validate", repo.toString(), "--no-git", "-f", "json", "-f", "markdown", "-o",
                reports + "/");
        assertThat(run.status()).as(run.err()).isZero();
        var expected = Files.getPosixFilePermissions(reference);
        // Under the usual umask 022 that is rw-r--r--; never the owner-only 0600 of a temporary file.
        assertThat(expected).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
        assertThat(Files.getPosixFilePermissions(reports.resolve("ascent-report.json"))).isEqualTo(expected);
        assertThat(Files.getPosixFilePermissions(reports.resolve("ascent-report.md"))).isEqualTo(expected);
    }

    @Test
    void shouldRefuseAReportsFolderThatIsALinkCommittedInTheRepository() throws Exception {
        Path repo = repository();
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.createSymbolicLink(repo.resolve("reports"), elsewhere);
        CliRun run = CliRun.of("validate", repo.toString(), "--no-git", "-f", "json", "-o",
                repo.resolve("reports").resolve("a.json").toString());
        assertThat(run.status()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("goes through the symbolic link " + repo.resolve("reports"));
        try (var files = Files.list(elsewhere)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void shouldRefuseAReportFileThatIsALinkInTheRepository() throws Exception {
        Path repo = repository();
        Path victim = Files.writeString(dir.resolve("victim"), "keep me");
        Files.createSymbolicLink(repo.resolve("report.json"), victim);
        CliRun run = CliRun.of("validate", repo.toString(), "--no-git", "-f", "json", "-o",
                repo.resolve("report.json").toString());
        assertThat(run.status()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(Files.readString(victim)).isEqualTo("keep me");
        assertThat(Files.isSymbolicLink(repo.resolve("report.json"))).isTrue();
    }

    @Test
    void shouldWriteThroughALinkTheOperatorNamesOutsideTheRepository() throws Exception {
        Path repo = repository();
        Path file = Files.writeString(dir.resolve("real.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), file);
        CliRun run = CliRun.of("validate", repo.toString(), "--no-git", "-f", "json", "-o", link.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(file)).startsWith("{").contains("\"verdict\" : \"PASSED\"");
    }

    @Test
    void shouldWriteThroughANamedPipeWithoutReplacingIt() throws Exception {
        Path repo = repository();
        Path fifo = dir.resolve("pipe");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo, StandardCharsets.UTF_8);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        CliRun run = CliRun.of("validate", repo.toString(), "--no-git", "-f", "json", "-o", fifo.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(reader.get(30, TimeUnit.SECONDS)).contains("\"verdict\" : \"PASSED\"");
        assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS)).isTrue();
    }

    @Test
    void shouldTreatTheSameOutputForTwoFormatsAsAUsageError() throws Exception {
        Path repo = repository();
        Path out = dir.resolve("out.txt");
        CliRun run = CliRun.of("validate", repo.toString(), "--no-git", "-f", "json", "-o", out.toString(),
                "-f", "sarif", "-o", dir.resolve(".").resolve("out.txt").toString());
        assertThat(run.status()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("is given for both json and sarif");
        assertThat(out).doesNotExist();
    }

    @Test
    void shouldWriteToStandardOutputForADash() throws Exception {
        Path repo = repository();
        CliRun run = CliRun.of("validate", repo.toString(), "--no-git", "-f", "json", "-o", "-",
                "-f", "text", "-o", dir.resolve("a.txt").toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("{");
        assertThat(dir.resolve("a.txt")).exists();
        assertThat(dir.resolve("-")).doesNotExist();
    }
}

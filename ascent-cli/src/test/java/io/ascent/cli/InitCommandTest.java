package io.ascent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ascent init} black-box: writes, validates at once, never overwrites. */
class InitCommandTest {
    @TempDir
    Path dir;

    @Test
    void shouldWriteAValidChecklistForHelloWebAndPrintTheFirstVerdict() throws Exception {
        Path app = copyWithoutChecklist(Path.of("..", "examples", "hello-web"), dir.resolve("hello-web"));
        CliRun run = CliRun.of("init", app.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("ascent init: wrote " + app.resolve("ascent.yaml")
                        + "; read it, adjust it, and commit it.\n"
                        + "ascent init: the checklist is valid. First validation (not a git repository: --no-git): ")
                .contains("Run 'ascent validate " + app + " --no-git' for the full report");
        assertThat(Files.readString(app.resolve("ascent.yaml"))).startsWith("# yaml-language-server: $schema=")
                .contains("    - \"deploy/app/\"");
        assertThat(CliRun.of("validate", app.toString(), "--no-git").status()).isLessThanOrEqualTo(1);
    }

    @Test
    void shouldExitTwoWithoutTouchingAnExistingChecklist() throws Exception {
        Files.writeString(dir.resolve("ascent.yaml"), "mine\n");
        CliRun run = CliRun.of("init", dir.toString());
        assertThat(run.status()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).isEqualTo("ascent init: " + dir.resolve("ascent.yaml") + " exists already; init never"
                + " overwrites a checklist: edit it, or move it away and run init again\n");
        assertThat(Files.readString(dir.resolve("ascent.yaml"))).isEqualTo("mine\n");
    }

    @Test
    void shouldExitTwoForADirectoryThatDoesNotExist() {
        CliRun run = CliRun.of("init", dir.resolve("missing").toString());
        assertThat(run.status()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("is not a directory");
        assertThat(dir.resolve("missing")).doesNotExist();
    }

    private static Path copyWithoutChecklist(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (!source.equals(from.resolve("ascent.yaml"))) {
                    Files.copy(source, target);
                }
            }
        }
        return to;
    }
}

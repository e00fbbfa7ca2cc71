package io.ascent.core.provision.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child processes: output streamed to a file, bounded, and a child that prints without end stopped. */
class ProcessCommandRunnerTest {
    @TempDir
    Path dir;

    @Test
    void shouldStreamOutputToTheFileAndStopAChildThatPrintsWithoutEndAtTheBound() throws Exception {
        Path output = dir.resolve("output.yaml");
        long started = System.nanoTime();

        CommandResult result = new ProcessCommandRunner(System.getenv(), 1024).runTo(List.of("yes", "a: 1"), Map.of(),
                Duration.ofSeconds(60), output, 1 << 20);

        // Stopped as soon as it printed one byte more than allowed, long before the timeout.
        assertThat(Files.size(output)).isEqualTo((1 << 20) + 1);
        assertThat(result.timedOut()).isFalse();
        assertThat(result.stdout()).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void shouldWriteAllOfAnOutputWithinTheBoundAndKeepStandardError() throws Exception {
        Path output = dir.resolve("output.yaml");

        CommandResult result = new ProcessCommandRunner(System.getenv(), 1024).runTo(List.of("sh", "-c",
                "printf 'kind: A\\n---\\nkind: B\\n'; echo warned >&2"), Map.of(), Duration.ofSeconds(30), output,
                1 << 20);

        assertThat(result.exitCode()).isZero();
        assertThat(Files.readString(output)).isEqualTo("kind: A\n---\nkind: B\n");
        assertThat(result.stderr()).isEqualTo("warned\n");
    }
}

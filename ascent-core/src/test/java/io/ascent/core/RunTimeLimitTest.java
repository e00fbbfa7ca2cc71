package io.ascent.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.progress.ProgressListener;
import io.ascent.core.report.ErrorKind;
import io.ascent.core.report.Report;
import io.ascent.core.report.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole run has a time limit, not only each {@code contains} item: forty slow items took 87 s before. */
class RunTimeLimitTest {
    @TempDir
    Path dir;

    @Test
    void shouldStopARunOverItsTimeLimitAndSaySoWithWhatItChecked() throws Exception {
        StringBuilder items = new StringBuilder("items:\n");
        for (int i = 0; i < 40; i++) {
            items.append("  - id: slow-").append(i).append("\n    title: slow\n    check:\n      contains: "
                    + "{path: data.txt, pattern: \"(.*a){12}b\"}\n");
        }
        Files.writeString(dir.resolve("ascent.yaml"), "apiVersion: ascent.dev/v1\nkind: Checklist\nmetadata:\n"
                + "  name: app\n" + items);
        Files.writeString(dir.resolve("data.txt"), ("a".repeat(40) + "\n").repeat(3));
        Ascent ascent = new Ascent(EngineConfig.builder().timeLimit(Duration.ofSeconds(3)).build(),
                ValidationSteps.builtIn());

        long start = System.nanoTime();
        Report report = ascent.validate(ValidateOptions.builder(dir).noGit(true).build(), ProgressListener.SILENT);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        assertThat(report.items()).filteredOn(item -> item.id().equals(Ascent.TIME_LIMIT_ID)).singleElement()
                .satisfies(item -> {
                    assertThat(item.isError(ErrorKind.INPUT)).isTrue();
                    assertThat(item.message()).contains("time limit of 3 s");
                    assertThat(item.remediation()).contains("--time-limit", "ASCENT_TIME_LIMIT");
                });
        assertThat(report.items()).anyMatch(item -> item.id().startsWith("checklist."));
        assertThat(report.verdict()).isEqualTo(Verdict.INVALID_INPUT);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void shouldTakeTheTimeLimitFromTheEnvironment() {
        assertThat(EngineConfig.fromEnvironment(Map.of("ASCENT_TIME_LIMIT", "90s")).timeLimit())
                .isEqualTo(Duration.ofSeconds(90));
        assertThat(EngineConfig.fromEnvironment(Map.of()).timeLimit()).isEqualTo(Duration.ofMinutes(10));
    }
}

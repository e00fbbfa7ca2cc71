package io.ascent.jenkins.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.report.LogEntry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LogProgressTest {

    @Test
    void shouldPrintPhasesAndLevelledLinesButNoDebugLines() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LogProgress progress = new LogProgress(new PrintStream(out, true, StandardCharsets.UTF_8));
        progress.phaseStarted("manifests");
        progress.log(LogEntry.Level.INFO, "target Kubernetes version 1.30");
        progress.log(LogEntry.Level.WARN, "schema location unreachable");
        progress.log(LogEntry.Level.ERROR, "docker did not answer");
        progress.log(LogEntry.Level.DEBUG, "java.lang.NullPointerException at ...");
        progress.phaseFinished("manifests", Duration.ofMillis(41));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
                [ascent] manifests ...
                [ascent] target Kubernetes version 1.30
                [ascent] warning: schema location unreachable
                [ascent] error: docker did not answer
                [ascent] manifests done in 41 ms
                """);
    }
}

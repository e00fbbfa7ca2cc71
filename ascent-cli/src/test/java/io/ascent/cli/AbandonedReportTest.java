package io.ascent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.report.Report;
import io.ascent.core.report.render.Format;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose stop was answered without its report (its grace was over) writes no report when it ends after all:
 * the command line's process would be gone by then, and the resident engine's client has had its answer.
 */
class AbandonedReportTest {
    @TempDir
    Path dir;

    private static StopSource stop(boolean abandoned) {
        return new StopSource() {
            @Override
            public Armed arm(Duration grace) {
                throw new AssertionError("writing the report must not arm a stop");
            }

            @Override
            public OptionalInt status() {
                return OptionalInt.of(143);
            }

            @Override
            public boolean abandoned() {
                return abandoned;
            }
        };
    }

    private int write(boolean abandoned, StringWriter out) {
        PrintWriter writer = new PrintWriter(out, true);
        Invocation invocation = new Invocation(dir, Map.of(), writer, writer, false, stop(abandoned));
        Report report = new Report("app", "ascent.yaml", Instant.EPOCH, List.of(), List.of(), false, List.of(), true);
        Map<Format, Path> destinations = new LinkedHashMap<>(); // as destinations() makes it: null is allowed
        destinations.put(Format.JSON, Path.of("report.json"));
        return new OutputOptions().writeAndSummarize(invocation, "validate", report, destinations, false, writer,
                writer);
    }

    @Test
    void shouldWriteNoReportWhenTheStopWasAnsweredWithoutIt() {
        StringWriter out = new StringWriter();

        write(true, out);

        assertThat(dir.resolve("report.json")).doesNotExist();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void shouldWriteTheInterruptedReportWhileTheStopStillWaitsForIt() {
        StringWriter out = new StringWriter();

        int status = write(false, out);

        assertThat(status).isEqualTo(143);
        assertThat(dir.resolve("report.json")).content().contains("\"exitStatus\" : 143");
        assertThat(out.toString()).contains("wrote report.json");
    }
}

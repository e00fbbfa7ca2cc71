package io.ascent.cli;

import java.time.Duration;
import java.util.OptionalInt;

/**
 * The plain command line's stop: the JVM's shutdown after SIGINT or SIGTERM ({@link ReportOnStop}, which holds the
 * shutdown until the partial report is written), the signal as {@link StopSignals} saw it. JVM-wide on purpose: the
 * process is the run.
 */
final class ProcessStop implements StopSource {
    static final ProcessStop INSTANCE = new ProcessStop();

    private ProcessStop() {
    }

    @Override
    public Armed arm(Duration grace) {
        return ReportOnStop.arm(grace);
    }

    @Override
    public OptionalInt status() {
        return StopSignals.status();
    }
}

package io.ascent.cli;

import io.ascent.core.progress.ProgressListener;
import io.ascent.core.report.LogEntry;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/** {@code --verbose}: each phase and its wall time on standard error, so the report on standard output stays clean. */
final class StderrProgress implements ProgressListener {
    private final PrintWriter err;

    StderrProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void phaseStarted(String phase) {
        err.println("ascent: " + phase + " ...");
        err.flush();
    }

    @Override
    public void phaseFinished(String phase, Duration elapsed) {
        err.println("ascent: " + phase + " done in " + elapsed.toMillis() + " ms");
        err.flush();
    }

    /** {@code --verbose} shows every level, DEBUG too (an internal error's stack trace). */
    @Override
    public void log(LogEntry.Level level, String message) {
        err.println("ascent: " + (level == LogEntry.Level.INFO ? "" : level.name().toLowerCase(Locale.ROOT) + ": ")
                + message);
        err.flush();
    }

    @Override
    public void info(String message) {
        err.println("ascent: " + message);
        err.flush();
    }
}

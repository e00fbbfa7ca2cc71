package io.ascent.cli;

import io.ascent.core.progress.ProgressListener;
import java.io.PrintWriter;
import java.time.Duration;

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

    @Override
    public void info(String message) {
        err.println("ascent: " + message);
        err.flush();
    }
}

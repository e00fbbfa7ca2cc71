package io.ascent.core.progress;

import java.time.Duration;

/** Receives progress of a run. Implementations must be quick and must not throw. */
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener SILENT = new ProgressListener() {
        @Override
        public void phaseStarted(String phase) {
        }

        @Override
        public void phaseFinished(String phase, Duration elapsed) {
        }

        @Override
        public void info(String message) {
        }
    };

    void phaseStarted(String phase);

    void phaseFinished(String phase, Duration elapsed);

    /** A line worth showing while the run goes on; never a secret. */
    void info(String message);
}

package io.ascent.core.progress;

import io.ascent.core.report.Item;
import io.ascent.core.report.LogEntry;
import java.time.Duration;

/**
 * Receives progress of a run. Implementations must be quick and must not throw; they may be called from more
 * than one thread, though never at once for one run.
 */
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

    /**
     * A log line of the run at a level. By default INFO, WARN and ERROR lines go to {@link #info(String)} and
     * DEBUG lines (stack traces of internal errors, counts) are dropped.
     */
    default void log(LogEntry.Level level, String message) {
        if (level != LogEntry.Level.DEBUG) {
            info(message);
        }
    }

    /** An item as soon as it is known, before the report is complete. Ignored by default. */
    default void item(Item item) {
    }
}

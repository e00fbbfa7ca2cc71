package io.ascent.core.run;

import io.ascent.core.report.Item;
import io.ascent.core.report.LogEntry;
import java.util.Collection;
import java.util.function.UnaryOperator;

/**
 * Where a step of a run (a validation step, a provisioning phase) puts everything it finds: items, levelled log
 * lines, phases with start, end and duration, and a failure of the environment. {@link RunRecorder} keeps them
 * for the report and forwards them to the run's {@code ProgressListener}. Implementations are thread-safe.
 */
public interface RunSink {

    /** Adds an item to the report. */
    void item(Item item);

    default void items(Collection<Item> items) {
        items.forEach(this::item);
    }

    /** A log line for the report and the progress listener; never a secret. */
    void log(LogEntry.Level level, String message);

    default void debug(String message) {
        log(LogEntry.Level.DEBUG, message);
    }

    default void info(String message) {
        log(LogEntry.Level.INFO, message);
    }

    default void warn(String message) {
        log(LogEntry.Level.WARN, message);
    }

    default void error(String message) {
        log(LogEntry.Level.ERROR, message);
    }

    /**
     * Starts a phase; closing it records its duration. Phases may nest (a phase started while another is open is
     * its child). Use it in try-with-resources, and mark it {@link Phase#failed()} or {@link Phase#interrupted()}
     * before it closes when it did not complete.
     */
    Phase phase(String name);

    /**
     * The environment cannot run the work (a missing daemon, an unreachable cluster): the verdict becomes
     * {@code ENVIRONMENT_ERROR} (exit 3) whatever the items say, and {@code reason} is logged at ERROR. Prefer an
     * item made with {@code ItemBuilder.error(ErrorKind.ENVIRONMENT, ...)} when the failure belongs to one check.
     */
    void environmentFailed(String reason);

    /** This sink, with every item passed through {@code mapping} first (waivers, for instance). */
    default RunSink mappingItems(UnaryOperator<Item> mapping) {
        RunSink target = this;
        return new RunSink() {
            @Override
            public void item(Item item) {
                target.item(mapping.apply(item));
            }

            @Override
            public void log(LogEntry.Level level, String message) {
                target.log(level, message);
            }

            @Override
            public Phase phase(String name) {
                return target.phase(name);
            }

            @Override
            public void environmentFailed(String reason) {
                target.environmentFailed(reason);
            }
        };
    }
}

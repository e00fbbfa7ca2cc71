package io.ascent.core.run;

import io.ascent.core.report.PhaseRecord;
import java.time.Duration;
import java.time.Instant;

/**
 * An open phase of a run. Closing it records it (once; closing again does nothing). It ends
 * {@link PhaseRecord.Outcome#COMPLETED} unless marked otherwise first, or unless the thread is interrupted when
 * it closes.
 */
public final class Phase implements AutoCloseable {
    private final RunRecorder recorder;
    private final String name;
    private final String parent;
    private final Instant startedAt;
    private final long startNanos;
    private PhaseRecord.Outcome outcome;
    private PhaseRecord record;

    Phase(RunRecorder recorder, String name, String parent, Instant startedAt) {
        this.recorder = recorder;
        this.name = name;
        this.parent = parent;
        this.startedAt = startedAt;
        this.startNanos = System.nanoTime();
    }

    public String name() {
        return name;
    }

    /** Marks the phase as stopped on an error; it is recorded so when closed. */
    public void failed() {
        mark(PhaseRecord.Outcome.FAILED);
    }

    /** Marks the phase as cut short by cancellation; it is recorded so when closed. */
    public void interrupted() {
        mark(PhaseRecord.Outcome.INTERRUPTED);
    }

    private synchronized void mark(PhaseRecord.Outcome value) {
        if (record == null) {
            outcome = value;
        }
    }

    @Override
    public void close() {
        end(Thread.currentThread().isInterrupted() ? PhaseRecord.Outcome.INTERRUPTED : PhaseRecord.Outcome.COMPLETED);
    }

    /** Ends the phase now unless it already ended; {@code otherwise} is the outcome when none was marked. */
    void end(PhaseRecord.Outcome otherwise) {
        PhaseRecord ended;
        synchronized (this) {
            if (record != null) {
                return;
            }
            record = new PhaseRecord(name, parent, startedAt, Duration.ofNanos(System.nanoTime() - startNanos),
                    outcome != null ? outcome : otherwise);
            ended = record;
        }
        recorder.ended(this, ended);
    }

    synchronized PhaseRecord record() {
        return record;
    }

    String parentName() {
        return parent;
    }
}

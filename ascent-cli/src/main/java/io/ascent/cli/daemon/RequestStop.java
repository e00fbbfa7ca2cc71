package io.ascent.cli.daemon;

import io.ascent.cli.StopSource;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * A request's stop: the client's {@code S} frame (the signal its process received), its hang-up (as SIGHUP) or the
 * resident engine's own shutdown (as SIGTERM). Does for the one run what the JVM's shutdown does for the plain
 * command line: interrupts the run's thread, unless its report is already being written, and makes the report and
 * the exit status say 128 plus the signal's number. The first stop decides the status.
 */
final class RequestStop implements StopSource {
    /** How long a stop waits for a run that armed nothing (parsing, help, a command without a report). */
    static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);

    private enum State { IDLE, RUNNING, WRITING }

    private final Thread run;
    private State state = State.IDLE; // guarded by this
    private int signal; // guarded by this; 0 until stopped
    private Duration grace = DEFAULT_GRACE; // guarded by this
    private volatile boolean abandoned;

    /** @param run the thread the request's command runs on */
    RequestStop(Thread run) {
        this.run = run;
    }

    /** Stops the run as {@code signal} would stop the plain command line; later stops change nothing. */
    synchronized void stop(int signal) {
        if (this.signal != 0) {
            return;
        }
        this.signal = signal;
        if (state != State.WRITING) {
            run.interrupt();
        }
    }

    /** The client has been answered without the run's report: the run is left to end on its own. */
    void abandon() {
        abandoned = true;
    }

    @Override
    public boolean abandoned() {
        return abandoned;
    }

    /** Whether a stop came. */
    synchronized boolean stopped() {
        return signal != 0;
    }

    /** How long to wait for the run after a stop: the grace of the command's report. */
    synchronized Duration grace() {
        return grace;
    }

    @Override
    public synchronized Armed arm(Duration grace) {
        this.grace = grace;
        state = State.RUNNING;
        if (signal != 0) {
            run.interrupt(); // stopped while the command line was still being read: the run stops at once
        }
        return new Armed() {
            @Override
            public void writing() {
                synchronized (RequestStop.this) {
                    state = State.WRITING;
                }
                Thread.interrupted(); // a stop's interrupt must not cut the report short
            }

            @Override
            public void close() {
                synchronized (RequestStop.this) {
                    state = State.WRITING; // a later stop has no report to wait for
                }
            }
        };
    }

    @Override
    public synchronized OptionalInt status() {
        return signal == 0 ? OptionalInt.empty() : OptionalInt.of(128 + signal);
    }
}

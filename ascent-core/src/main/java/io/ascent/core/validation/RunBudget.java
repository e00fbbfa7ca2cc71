package io.ascent.core.validation;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The time one run may take, whatever the repository makes it do. Limits on single operations (a {@code contains}
 * item, a pattern) are not enough: forty {@code contains} items of two seconds each took 87 s. When the budget is
 * spent the thread that started the run is interrupted, so every phase stops the way it stops for an aborted build,
 * and {@link #expired()} tells the engine to report the run as over its budget rather than cancelled. Long loops may
 * also read {@link #remaining()} to stop sooner.
 */
public final class RunBudget implements AutoCloseable {
    /** The default when the operator sets none: far beyond any honest validation run, short of a stuck agent. */
    public static final Duration DEFAULT = Duration.ofMinutes(10);

    private static final ScheduledExecutorService ALARMS = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ascent-run-budget");
        thread.setDaemon(true);
        return thread;
    });

    private final Duration limit;
    private final long deadline;
    private final ScheduledFuture<?> alarm;
    private boolean expired; // guarded by this
    private boolean closed; // guarded by this

    private RunBudget(Duration limit, Thread runner) {
        this.limit = limit;
        this.deadline = System.nanoTime() + limit.toNanos();
        this.alarm = ALARMS.schedule(() -> expire(runner), limit.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Interrupts the run, unless it has ended: the thread may belong to a pool by then (a Jenkins agent). */
    private synchronized void expire(Thread runner) {
        if (!closed) {
            expired = true;
            runner.interrupt();
        }
    }

    /**
     * Starts the budget for a run on the calling thread; close it when the run ends.
     *
     * @throws IllegalArgumentException when {@code limit} is not positive
     */
    public static RunBudget start(Duration limit) {
        Objects.requireNonNull(limit, "limit");
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("the time limit must be positive, not " + limit);
        }
        return new RunBudget(limit, Thread.currentThread());
    }

    /** The budget as set. */
    public Duration limit() {
        return limit;
    }

    /** Time left; zero or negative once spent. */
    public Duration remaining() {
        return Duration.ofNanos(deadline - System.nanoTime());
    }

    /** Whether the budget ran out (and the run's thread was interrupted for it). */
    public synchronized boolean expired() {
        return expired;
    }

    /** Stops the alarm; after an expiry, clears the interrupt it set so the caller can still write its report. */
    @Override
    public synchronized void close() {
        closed = true;
        alarm.cancel(false);
        if (expired) {
            Thread.interrupted();
        }
    }

    /** Parses an operator's setting: {@code 90s}, {@code 10m}, {@code 1h}, or ISO-8601 ({@code PT10M}). */
    public static Duration parse(String text) {
        String t = text.strip();
        try {
            if (t.matches("\\d+[smh]")) {
                long amount = Long.parseLong(t.substring(0, t.length() - 1));
                return switch (t.charAt(t.length() - 1)) {
                    case 's' -> Duration.ofSeconds(amount);
                    case 'm' -> Duration.ofMinutes(amount);
                    default -> Duration.ofHours(amount);
                };
            }
            return Duration.parse(t);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; write 90s, 10m, 1h or PT10M", e);
        }
    }
}

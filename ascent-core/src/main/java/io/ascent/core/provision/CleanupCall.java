package io.ascent.core.provision;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one piece of cleanup (a cluster's deletion, a namespace's DELETE request, a log export) to its end on a thread
 * of its own, so that an interrupt of the caller's thread cannot cut it short. Ctrl-C or SIGTERM during teardown and
 * an aborted Jenkins build all interrupt the run's thread; a request or command cut off half-way may leave the
 * cluster behind, so the caller waits instead, bounded, and keeps its interrupt for afterwards.
 */
public final class CleanupCall {

    private CleanupCall() {
    }

    /**
     * Runs {@code work} on a new thread and waits at most {@code bound} for it, through any interrupt of the calling
     * thread; the caller's interrupt flag is set on return if one arrived (or was already set).
     *
     * @return what {@code work} returned
     * @throws ExecutionException what {@code work} threw, as the cause
     * @throws TimeoutException   when {@code work} outlived {@code bound}; it is interrupted then and left to stop
     */
    public static <T> T run(String name, Duration bound, Callable<T> work)
            throws ExecutionException, TimeoutException {
        FutureTask<T> task = new FutureTask<>(work);
        Thread worker = new Thread(task, "ascent-cleanup-" + name);
        worker.setDaemon(true); // bounded by the caller's wait: a hung one must not keep the JVM alive
        worker.start();
        long deadline = System.nanoTime() + bound.toNanos();
        boolean wasInterrupted = false;
        try {
            while (true) {
                try {
                    return task.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    wasInterrupted = true; // get() cleared the flag: wait on
                } catch (TimeoutException e) {
                    worker.interrupt();
                    throw e;
                }
            }
        } finally {
            if (wasInterrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

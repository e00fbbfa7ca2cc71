package io.ascent.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets a stop signal (Ctrl-C, SIGTERM: a Jenkins abort, a CI timeout) end a run with its partial report, whatever
 * phase it is in. While the engine runs, the JVM's shutdown interrupts the run's thread (the engine stops at its next
 * check, cleans up and returns its report marked interrupted; a provision's own hook tears its cluster down) and is
 * held until that report is written, for at most a grace period; a run that a blocking read keeps from noticing
 * the interrupt ends without a report when that is over, and standard error says so. Once the report is being written a signal holds
 * nothing: {@link ReportFiles} then abandons the write, so the previous run's reports stay whole rather than being
 * replaced by half of this one's.
 *
 * <p>The shutdown hook and {@link ReportFiles}' own hook run in either order; both ask {@link #stoppedWhileRunning}, so
 * they agree on whether a report is still coming.
 */
final class ReportOnStop implements StopSource.Armed {

    private enum State { RUNNING, STOPPED, WRITING }

    private final Thread run;
    private final Duration grace;
    private final CountDownLatch written = new CountDownLatch(1);
    private final Thread hook;
    private State state = State.RUNNING; // guarded by this

    private ReportOnStop(Duration grace) {
        this.run = Thread.currentThread();
        this.grace = grace;
        this.hook = new Thread(this::onShutdown, "ascent-report");
    }

    /** Arms it for a run on the calling thread, before the run starts. */
    static ReportOnStop arm(Duration grace) {
        ReportOnStop stop = new ReportOnStop(grace);
        ReportFiles.expectReportAfterShutdown(stop::stoppedWhileRunning);
        Runtime.getRuntime().addShutdownHook(stop.hook);
        return stop;
    }

    /**
     * The run has returned its report, which is about to be written. Clears the interrupt a stop signal set, so that
     * writing the report is not cut short by it.
     */
    @Override
    public void writing() {
        synchronized (this) {
            if (state == State.RUNNING) {
                state = State.WRITING;
            }
        }
        Thread.interrupted();
    }

    /**
     * Whether the JVM's shutdown came while the run was still running, so that its report is still to be written;
     * the first time it is asked during a shutdown, interrupts the run.
     */
    synchronized boolean stoppedWhileRunning() {
        if (state == State.RUNNING) {
            state = State.STOPPED;
            run.interrupt();
        }
        return state == State.STOPPED;
    }

    /** The report is written (or the command ended without one): releases a waiting shutdown. */
    @Override
    public void close() {
        synchronized (this) {
            if (state == State.RUNNING) {
                state = State.WRITING; // ended without a report: a later shutdown has nothing to wait for
            }
        }
        written.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutting down: the hook is running and has just been released
        }
    }

    private void onShutdown() {
        if (!stoppedWhileRunning()) {
            return;
        }
        try {
            if (!written.await(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                // A read the interrupt cannot reach (a clone from a server that never answers) holds the run up.
                System.err.println("ascent: the run did not stop within " + grace.toSeconds() + " s of the stop "
                        + "signal; no report is written");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.ascent.core.provision;

import io.ascent.core.progress.ProgressListener;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Releases a run's cluster exactly once, whichever comes first: the run's own {@code finally}, or a JVM shutdown
 * (Ctrl-C, SIGTERM). On shutdown the hook first interrupts the run's thread and gives it time to tear down and
 * finish its report itself; only if the run does not finish in time does the hook delete the cluster on its own.
 */
final class Teardown {

    /** How long the shutdown hook lets the interrupted run finish on its own. */
    static final Duration GRACE = Duration.ofSeconds(150);

    private final ClusterDriver driver;
    private final ProgressListener progress;
    private final Thread runThread;
    private final AtomicBoolean done = new AtomicBoolean();
    private final CountDownLatch runFinished = new CountDownLatch(1);
    private final Thread hook;
    private volatile ProvisionedCluster cluster;

    Teardown(ClusterDriver driver, ProgressListener progress) {
        this.driver = driver;
        this.progress = progress;
        this.runThread = Thread.currentThread();
        this.hook = new Thread(this::onShutdown, "ascent-teardown");
    }

    /** Installs the shutdown hook; call before the cluster is created. */
    void arm() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The cluster to release once it exists. */
    void cluster(ProvisionedCluster cluster) {
        this.cluster = cluster;
    }

    Optional<ProvisionedCluster> cluster() {
        return Optional.ofNullable(cluster);
    }

    /**
     * Deletes the cluster if it exists and nobody has yet. Runs with the caller's interrupt flag cleared (an aborted
     * build must still clean up) and sets it again afterwards.
     *
     * @return empty when there was nothing to do or it worked, else the failure
     */
    Optional<ProvisionException> release() {
        ProvisionedCluster current = cluster;
        if (current == null || !done.compareAndSet(false, true)) {
            return Optional.empty();
        }
        boolean interrupted = Thread.interrupted();
        try {
            driver.delete(current, progress);
            return Optional.empty();
        } catch (ProvisionException e) {
            return Optional.of(e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Marks the run finished (its report is built) and removes the hook unless the JVM is already shutting down. */
    void finished() {
        runFinished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // shutdown in progress: the hook is running and waits for runFinished
        }
    }

    private void onShutdown() {
        runThread.interrupt();
        try {
            if (runFinished.await(GRACE.toSeconds(), TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // The JVM's standard error on purpose: this runs in the JVM's shutdown, when the run's own streams may be
        // gone (the resident engine's client); there it lands in the engine's log.
        release().ifPresent(e -> System.err.println("ascent: teardown failed: " + e.getMessage()
                + e.remediation().map(r -> "; " + r).orElse("")));
    }
}

package io.ascent.core.provision;

import io.ascent.core.progress.ProgressListener;
import io.ascent.core.report.Item;
import java.nio.file.Path;
import java.util.List;

/**
 * How a cluster is obtained for a run and released afterwards: kind creates and deletes a whole cluster, the
 * {@code existing} driver creates and deletes a namespace in a cluster someone else runs. The provisioner calls
 * {@link #create} once and, whatever happens next (failure, timeout, interruption), {@link #delete} once.
 */
public interface ClusterDriver {

    /** The driver's name as the checklist and {@code --driver} spell it: {@code kind}, {@code existing}. */
    String name();

    /**
     * Judges a request before preflight and for {@code --dry-run} too; reads only the repository's files. The kind
     * driver reads the checklist's kind configuration here and returns what its host policy refuses (ERROR items of
     * kind INPUT, which stop the run) or warns about, each at the configuration's file:line:col; by default every
     * request is accepted.
     *
     * @throws ProvisionException of kind INPUT when the request cannot be read at all, its message starting at the
     *                            problem's file:line:col
     */
    default List<Item> checkRequest(ClusterRequest request) throws ProvisionException {
        return List.of();
    }

    /** What {@link #create} would do, one line each, for {@code --dry-run}; touches nothing. */
    List<String> plan(ClusterRequest request);

    /**
     * Creates (or connects to) the cluster and returns once it is ready for workloads: every node Ready, by the
     * driver's own check.
     *
     * @throws ProvisionException   when the request is wrong or the environment cannot make the cluster; whatever
     *                              was half-created is already released
     * @throws InterruptedException when the run is cancelled; whatever was half-created is already released
     */
    ProvisionedCluster create(ClusterRequest request, ProgressListener progress)
            throws ProvisionException, InterruptedException;

    /**
     * Releases what {@link #create} made. Safe to call twice, and after a half-finished create. Must finish even
     * when the calling thread is interrupted (teardown of an aborted build), within a bounded time.
     *
     * @throws ProvisionException when the cluster or namespace could not be deleted; the message says how to
     *                            delete it by hand
     */
    void delete(ProvisionedCluster cluster, ProgressListener progress) throws ProvisionException;

    /**
     * After a failure: writes what a person needs to see (for kind, {@code kind export logs}) under {@code into}
     * and returns the files or folders written. Never throws for a failure to collect; returns what it could.
     */
    List<Path> collectDiagnostics(ProvisionedCluster cluster, Path into) throws InterruptedException;
}

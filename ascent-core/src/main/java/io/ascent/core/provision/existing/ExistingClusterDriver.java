package io.ascent.core.provision.existing;

import io.ascent.core.progress.ProgressListener;
import io.ascent.core.provision.CleanupCall;
import io.ascent.core.provision.ClusterDriver;
import io.ascent.core.provision.ClusterRequest;
import io.ascent.core.provision.ProvisionException;
import io.ascent.core.provision.ProvisionException.Kind;
import io.ascent.core.provision.ProvisionedCluster;
import io.ascent.core.provision.RunName;
import io.ascent.core.provision.kube.KubeConnection;
import io.ascent.core.provision.kube.KubeConnections;
import io.ascent.core.provision.kube.KubeException;
import io.ascent.core.provision.kube.KubeconfigFiles;
import io.ascent.core.provision.kube.ResourceType;
import io.ascent.core.provision.kube.WatchFeed;
import io.ascent.core.report.LogEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.json.JSONObject;

/**
 * The {@code existing} driver: a cluster someone else runs, reached through a kubeconfig and context (or the pod's
 * service account), and a fresh namespace per run named {@link ClusterRequest#runName()} and labelled
 * {@link RunName#labels()} ({@value RunName#RUN_LABEL}, {@value RunName#CREATED_LABEL}) so that {@code ascent gc} can find one a killed run left behind.
 * Teardown deletes the namespace, then its pods with a short grace period, and waits, bounded, until it is gone.
 */
public final class ExistingClusterDriver implements ClusterDriver {

    /** The driver's name. */
    public static final String NAME = "existing";
    /** How long teardown waits for the namespace to disappear. */
    static final Duration DELETE_TIMEOUT = Duration.ofMinutes(2);
    /**
     * The grace period teardown gives the namespace's pods, in seconds: long enough for a kubelet to stop the
     * containers and confirm it, far shorter than the namespace controller's first pass (see {@link #stopPods}).
     */
    static final int POD_GRACE_SECONDS = 1;

    private final KubeConnections connections;

    /**
     * A driver sharing the run's connections with its preflight and the deploy phase; their
     * {@link KubeConnections#environment()} is the run's, where {@code KUBECONFIG} is read.
     */
    public ExistingClusterDriver(KubeConnections connections) {
        this.connections = connections;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> plan(ClusterRequest request) {
        String where;
        try {
            where = KubeconfigChoice.of(request, connections.environment()).displayName();
        } catch (ProvisionException e) {
            where = "(no cluster: " + e.getMessage() + ")";
        }
        return List.of("use the existing cluster at " + where,
                "create namespace " + request.runName() + " labelled " + labels(request),
                "delete namespace " + request.runName() + " at the end, then its pods with a " + POD_GRACE_SECONDS
                        + "s grace period, and wait until it is gone (at most " + DELETE_TIMEOUT.toMinutes() + "m)");
    }

    /**
     * The kubeconfig files the driver will use, decided as kubectl decides them ({@code given}, else the files of
     * {@code KUBECONFIG}, else {@code ~/.kube/config}; {@link KubeconfigFiles}); empty when none of them exists (the
     * pod's service account, or an error later), except a {@code given} file, which the connection reports missing.
     */
    public static Optional<KubeconfigFiles> kubeconfigFiles(Optional<Path> given, Map<String, String> environment) {
        KubeconfigFiles files = KubeconfigFiles.locate(given, environment);
        return files.explicit() || !files.existing().isEmpty() ? Optional.of(files) : Optional.empty();
    }

    /** The checks made before the namespace is created. */
    public ExistingClusterPreflight preflight() {
        return new ExistingClusterPreflight(connections);
    }

    @Override
    public ProvisionedCluster create(ClusterRequest request, ProgressListener progress)
            throws ProvisionException, InterruptedException {
        KubeconfigChoice choice = KubeconfigChoice.of(request, connections.environment());
        KubeConnection connection = choice.connect(connections);
        JSONObject metadata = new JSONObject().put("name", request.runName())
                .put("labels", new JSONObject(request.labels()));
        try {
            connection.post("/api/v1/namespaces", new JSONObject().put("apiVersion", "v1").put("kind", "Namespace")
                    .put("metadata", metadata));
        } catch (KubeException e) {
            throw new ProvisionException(Kind.ENVIRONMENT,
                    "cannot create namespace " + request.runName() + " on " + connection.server() + ": "
                            + e.serverMessage(),
                    e.code() == 403 ? "give the credentials the right to create namespaces" : "check the cluster");
        }
        progress.info("cluster: created namespace " + request.runName() + " on " + connection.server());
        KubeconfigChoice.Single single = choice.kubeconfigFor(request.workDirectory(), connections.environment());
        choice.kubeconfigs().ifPresent(files -> connections.share(files, choice.context(), single.kubeconfig(),
                single.context()));
        return new ProvisionedCluster(NAME, choice.context().orElse(choice.kubeconfigs().isPresent() ? "current"
                : "in-cluster"), single.kubeconfig(), single.context(), request.runName(), false);
    }

    @Override
    public void delete(ProvisionedCluster cluster, ProgressListener progress) throws ProvisionException {
        String namespace = cluster.namespace();
        String byHand = "delete it by hand: kubectl --kubeconfig " + cluster.kubeconfig()
                + cluster.context().map(c -> " --context " + c).orElse("") + " delete namespace " + namespace;
        try {
            KubeConnection connection = new KubeconfigChoice(Optional.of(KubeconfigFiles.of(cluster.kubeconfig())),
                    cluster.context()).connect(connections);
            deleteAndWait(connection, namespace, DELETE_TIMEOUT, progress);
            progress.info("teardown: namespace " + namespace + " deleted");
        } catch (KubeException e) {
            throw new ProvisionException(Kind.ENVIRONMENT, "namespace " + namespace + " was not deleted: "
                    + e.getMessage(), byHand);
        }
    }

    /**
     * Deletes the namespace, then its pods with a short grace period ({@link #stopPods}), and waits for its watch to
     * report the namespace gone, within {@code timeout} in all; 404 means it is already gone. Neither the requests nor
     * the wait is cut short by an interrupt (Ctrl-C or SIGTERM during teardown, an aborted build): a DELETE cut off
     * before it reached the server would leave the namespace behind. The interrupt flag is set again afterwards.
     */
    static void deleteAndWait(KubeConnection connection, String namespace, Duration timeout,
            ProgressListener progress) throws KubeException {
        long deadline = System.nanoTime() + timeout.toNanos();
        LinkedBlockingQueue<WatchFeed.Event> events = new LinkedBlockingQueue<>();
        try (WatchFeed feed = new WatchFeed(connection, "namespace", ResourceType.NAMESPACE.collectionPath(null),
                "fieldSelector=metadata.name%3D" + namespace, events, timeout)) {
            try {
                requestDeletion(connection, namespace, timeout, progress);
            } catch (KubeException e) {
                if (e.code() == 404) {
                    return;
                }
                throw e;
            }
            feed.start();
            awaitGone(events, namespace, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())), timeout);
        }
    }

    /**
     * Sends the namespace's DELETE, then the pods' ({@link #stopPods}), on a thread of their own and waits for their
     * answers through any interrupt.
     */
    private static void requestDeletion(KubeConnection connection, String namespace, Duration timeout,
            ProgressListener progress) throws KubeException {
        try {
            CleanupCall.run("namespace", timeout, () -> {
                connection.delete("/api/v1/namespaces/" + namespace,
                        new JSONObject().put("propagationPolicy", "Background"));
                stopPods(connection, namespace, progress);
                return null;
            });
        } catch (ExecutionException e) {
            if (e.getCause() instanceof KubeException kube) {
                throw kube;
            }
            throw new KubeException(0, "Failed", "DELETE namespace " + namespace + ": " + e.getCause(), null);
        } catch (TimeoutException e) {
            throw new KubeException(408, "Timeout", "DELETE namespace " + namespace + " got no answer within "
                    + timeout.toSeconds() + "s", null);
        }
    }

    /**
     * Deletes the pods of the namespace being deleted with a {@value #POD_GRACE_SECONDS}s grace period, so that the
     * namespace controller finds none left and removes the namespace at its first pass.
     *
     * <p>Why: the namespace controller starts on a deleted namespace only 5 s after the DELETE (its fixed
     * {@code namespaceDeletionGracePeriod}), deletes the content with each pod's own grace period (30 s unless the pod
     * says otherwise), and when anything is left, records so in the namespace's status and looks again 5 s or more
     * later, until nothing is left. A pod still stopping at the first pass therefore costs one more pass at least,
     * and a container that ignores SIGTERM its whole grace period: on a real cluster 10 s, or 35 s and more, instead
     * of 5 s; on the test control plane, whose pods go in milliseconds and race the first pass, 5 or 10 s. The pods
     * are the run's own, in a namespace that is going away; nothing waits for their graceful shutdown (chainsaw's
     * {@code forceTerminationGracePeriod} shortens it the same way, for the same reason).
     *
     * <p>Deleting them after the namespace, not before, means no controller can replace one: the API server admits no
     * new object into a terminating namespace. When this DELETE is refused (credentials that may delete the namespace
     * but not its pods) or fails, the namespace controller does it at its own pace and the run only takes longer, so
     * that is a debug line, not a failure.
     */
    private static void stopPods(KubeConnection connection, String namespace, ProgressListener progress)
            throws InterruptedException {
        try {
            connection.delete("/api/v1/namespaces/" + namespace + "/pods",
                    new JSONObject().put("gracePeriodSeconds", POD_GRACE_SECONDS));
        } catch (KubeException e) {
            progress.log(LogEntry.Level.DEBUG, "teardown: the pods of namespace " + namespace
                    + " are left to the namespace controller: " + e.code() + " " + e.serverMessage());
        }
    }

    /**
     * Waits for the watch to report the namespace gone. The deletion is under way once asked for, so an interrupt
     * (Ctrl-C or SIGTERM arriving during teardown, an aborted build) does not cut the wait short: the run still
     * reports whether its namespace went, within {@code within} ({@code timeout} being the whole teardown's bound,
     * which the message names), and the interrupt flag is set again afterwards.
     */
    private static void awaitGone(LinkedBlockingQueue<WatchFeed.Event> events, String namespace, Duration within,
            Duration timeout) throws KubeException {
        boolean interrupted = false;
        try {
            long deadline = System.nanoTime() + within.toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                WatchFeed.Event event;
                try {
                    event = left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : null;
                } catch (InterruptedException e) {
                    interrupted = true;
                    continue;
                }
                if (event == null) {
                    throw new KubeException(408, "Timeout", "namespace " + namespace + " still exists after "
                            + timeout.toSeconds() + "s", null);
                }
                switch (event.type()) {
                    case DELETED -> {
                        return;
                    }
                    case SYNCED -> {
                        if (event.object().optJSONArray("items") == null
                                || event.object().getJSONArray("items").isEmpty()) {
                            return;
                        }
                    }
                    case FAILED -> throw new KubeException(0, "WatchFailed", event.message(), null);
                    default -> { }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public List<Path> collectDiagnostics(ProvisionedCluster cluster, Path into) {
        // Everything a person needs (events, pod states, logs) is already in the report's items.
        return List.of();
    }

    private static String labels(ClusterRequest request) {
        return request.labels().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted()
                .reduce((a, b) -> a + "," + b).orElse("(none)");
    }
}

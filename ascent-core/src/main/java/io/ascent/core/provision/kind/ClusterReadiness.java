package io.ascent.core.provision.kind;

import io.ascent.core.progress.ProgressListener;
import io.ascent.core.provision.ProvisionException;
import io.ascent.core.provision.kube.ClusterConnector;
import io.ascent.core.provision.kube.KubeConnection;
import io.ascent.core.provision.kube.WatchFeed;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * Ascent's own readiness check of a new cluster, because kind's {@code --wait} prints "Timed out waiting for
 * Ready" and still exits 0, and looks only at control-plane nodes: at least one node, every node {@code Ready} and
 * without the {@code not-ready}/{@code unreachable} taint the node lifecycle controller lifts after it, and every
 * Deployment and DaemonSet in {@code kube-system} available (CoreDNS, kube-proxy, kindnet).
 *
 * <p>It watches nodes and the two kube-system collections ({@link WatchFeed}: listed once, then every change as it
 * happens) and judges again on each event, so a cluster is seen ready the moment its last node or workload is,
 * without polling. A feed the API server keeps refusing (a control plane still starting) is started again until
 * the deadline.
 */
public final class ClusterReadiness {

    /** How long one watch request stays open before it is resumed. */
    static final Duration WATCH = Duration.ofMinutes(1);
    /** Before a feed that gave up is started again. */
    static final Duration RESTART = Duration.ofSeconds(1);

    private static final Map<String, String> COLLECTIONS = Map.of(
            "node", "/api/v1/nodes",
            "deployment", "/apis/apps/v1/namespaces/kube-system/deployments",
            "daemonset", "/apis/apps/v1/namespaces/kube-system/daemonsets");
    private static final Set<String> NOT_READY_TAINTS = Set.of(
            "node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable");

    private ClusterReadiness() {
    }

    /**
     * Returns once the cluster behind {@code kubeconfig} is ready.
     *
     * @param environment the run's (its proxy variables, which a loopback server is normally exempt from)
     * @throws ProvisionException   (environment) when it is not ready within {@code timeout}; the message says
     *                              which nodes and workloads were not
     * @throws InterruptedException when the run is cancelled
     */
    public static void await(Path kubeconfig, Duration timeout, ProgressListener progress,
            Map<String, String> environment) throws ProvisionException, InterruptedException {
        KubeConnection connection = connect(kubeconfig, environment);
        long deadline = System.nanoTime() + timeout.toNanos();
        LinkedBlockingQueue<WatchFeed.Event> events = new LinkedBlockingQueue<>();
        Map<String, WatchFeed> feeds = new HashMap<>();
        Map<String, Map<String, JSONObject>> seen = new HashMap<>();
        Map<String, String> problems = new LinkedHashMap<>();
        try {
            COLLECTIONS.keySet().forEach(kind -> feeds.put(kind, feed(connection, kind, events)));
            String lastReported = "";
            List<String> waitingFor = List.of("the API server");
            while (true) {
                long left = deadline - System.nanoTime();
                WatchFeed.Event event = left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : null;
                if (event == null) {
                    throw notReadyInTime(timeout, String.join(", ", waitingFor));
                }
                Map<String, JSONObject> objects = seen.computeIfAbsent(event.feed(), kind -> new HashMap<>());
                switch (event.type()) {
                    case SYNCED -> {
                        objects.clear();
                        items(event.object()).forEach(item -> objects.put(name(item), item));
                        problems.remove(event.feed());
                    }
                    case ADDED, MODIFIED -> objects.put(name(event.object()), event.object());
                    case DELETED -> objects.remove(name(event.object()));
                    case FAILED -> {
                        // The API server refused every try (still starting, or briefly gone): try again shortly.
                        problems.put(event.feed(), event.message());
                        feeds.remove(event.feed()).close();
                        TimeUnit.MILLISECONDS.sleep(Math.min(RESTART.toMillis(),
                                Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()))));
                        seen.remove(event.feed());
                        feeds.put(event.feed(), feed(connection, event.feed(), events));
                    }
                }
                waitingFor = seen.size() < COLLECTIONS.size() || !problems.isEmpty()
                        ? List.of("the API server" + (problems.isEmpty() ? "" : " (" + problems.values().iterator()
                        .next() + ")"))
                        : notReady(seen.get("node").values(), seen.get("deployment").values(),
                                seen.get("daemonset").values());
                if (waitingFor.isEmpty()) {
                    return;
                }
                String now = String.join(", ", waitingFor);
                if (!now.equals(lastReported)) {
                    progress.info("cluster: waiting for " + now);
                    lastReported = now;
                }
            }
        } finally {
            feeds.values().forEach(WatchFeed::close);
            connection.close();
        }
    }

    /** What is not ready yet, in words; empty when everything is. */
    static List<String> notReady(Collection<JSONObject> nodes, Collection<JSONObject> deployments,
            Collection<JSONObject> daemonSets) {
        List<String> waiting = new ArrayList<>();
        if (nodes.isEmpty()) {
            waiting.add("nodes to register");
        }
        for (JSONObject node : sorted(nodes)) {
            if (!isReady(node)) {
                waiting.add("node " + name(node) + " to be Ready");
            } else if (notReadyTaint(node).isPresent()) {
                // The node lifecycle controller lifts this taint a moment after the kubelet reports Ready; until then
                // the scheduler refuses every pod without a toleration, and a pod applied now is Unschedulable.
                waiting.add("node " + name(node) + " to lose its " + notReadyTaint(node).get() + " taint");
            }
        }
        for (JSONObject deployment : sorted(deployments)) {
            unavailable(waiting, "deployment", deployment,
                    deployment.optJSONObject("spec", new JSONObject()).optInt("replicas", 1), "availableReplicas");
        }
        for (JSONObject daemonSet : sorted(daemonSets)) {
            unavailable(waiting, "daemonset", daemonSet, daemonSet.optJSONObject("status", new JSONObject())
                    .optInt("desiredNumberScheduled", 0), "numberAvailable");
        }
        return waiting;
    }

    /** Adds the workload when fewer of its pods are available ({@code status.<availableField>}) than it wants. */
    private static void unavailable(List<String> waiting, String kind, JSONObject workload, int wanted,
            String availableField) {
        int available = workload.optJSONObject("status", new JSONObject()).optInt(availableField, 0);
        if (available < wanted) {
            waiting.add(kind + " kube-system/" + name(workload) + " (" + available + "/" + wanted + " available)");
        }
    }

    /** The taint a node keeps while it is, or was just now, not ready: no pod without a toleration lands there. */
    private static Optional<String> notReadyTaint(JSONObject node) {
        JSONArray taints = node.optJSONObject("spec", new JSONObject()).optJSONArray("taints");
        for (int i = 0; taints != null && i < taints.length(); i++) {
            JSONObject taint = taints.optJSONObject(i);
            String key = taint == null ? "" : taint.optString("key");
            if (NOT_READY_TAINTS.contains(key)) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    private static boolean isReady(JSONObject node) {
        JSONArray conditions = node.optJSONObject("status", new JSONObject()).optJSONArray("conditions");
        for (int i = 0; conditions != null && i < conditions.length(); i++) {
            JSONObject condition = conditions.optJSONObject(i);
            if (condition != null && "Ready".equals(condition.optString("type"))
                    && "True".equals(condition.optString("status"))) {
                return true;
            }
        }
        return false;
    }

    private static WatchFeed feed(KubeConnection connection, String kind, LinkedBlockingQueue<WatchFeed.Event> events) {
        return new WatchFeed(connection, kind, COLLECTIONS.get(kind), "", events, WATCH).start();
    }

    private static List<JSONObject> items(JSONObject list) {
        JSONArray items = list.optJSONArray("items");
        List<JSONObject> out = new ArrayList<>();
        for (int i = 0; items != null && i < items.length(); i++) {
            Optional.ofNullable(items.optJSONObject(i)).ifPresent(out::add);
        }
        return out;
    }

    private static List<JSONObject> sorted(Collection<JSONObject> objects) {
        return objects.stream().sorted(java.util.Comparator.comparing(ClusterReadiness::name)).toList();
    }

    private static String name(JSONObject object) {
        return object.optJSONObject("metadata", new JSONObject()).optString("name");
    }

    private static ProvisionException notReadyInTime(Duration timeout, String waitingFor) {
        return new ProvisionException(ProvisionException.Kind.ENVIRONMENT,
                "the cluster was not ready after " + timeout.toSeconds() + " s: waiting for " + waitingFor,
                "look at the exported kind logs (kubelet and containerd journals of each node); on a "
                        + "cgroup v1 host without systemd this is kind issue #2236 (`ascent doctor` checks "
                        + "it); a slow agent may need a longer --timeout");
    }

    /** A connection through the kubeconfig kind wrote; its contents never reach a message. */
    static KubeConnection connect(Path kubeconfig, Map<String, String> environment) throws ProvisionException {
        try {
            return ClusterConnector.fromKubeconfig(kubeconfig, Optional.empty(), environment);
        } catch (ProvisionException e) {
            throw new ProvisionException(ProvisionException.Kind.ENVIRONMENT,
                    "cannot use the kubeconfig kind wrote (" + kubeconfig + "): " + e.getMessage(),
                    "run `kind get kubeconfig --name NAME` to see whether kind knows the cluster");
        }
    }
}

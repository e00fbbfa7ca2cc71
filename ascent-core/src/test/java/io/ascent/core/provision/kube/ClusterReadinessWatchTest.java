package io.ascent.core.provision.kube;

import static io.ascent.core.provision.kube.ApiServerDouble.json;
import static io.ascent.core.provision.kube.ApiServerDouble.watch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ascent.core.progress.ProgressListener;
import io.ascent.core.provision.ProvisionException;
import io.ascent.core.provision.kind.ClusterReadiness;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kind driver's readiness check watches (lists each collection once, then follows its events) rather than
 * polling: played against {@link ApiServerDouble}, which lives in this package.
 */
class ClusterReadinessWatchTest {

    private static final String NODES = "/api/v1/nodes";
    private static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/kube-system/deployments";
    private static final String DAEMONSETS = "/apis/apps/v1/namespaces/kube-system/daemonsets";

    @TempDir
    Path work;

    private final ApiServerDouble server = ApiServerDouble.started();
    private final RecordingProgress progress = new RecordingProgress();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldBeReadyOnTheWatchEventThatMakesTheLastNodeReadyWithoutListingAgain() throws Exception {
        server.then("GET " + NODES, json(200, list("10", node("cp", "False"))))
                .then("WATCH " + NODES, onceTheOthersAreListed(watch(true, event("MODIFIED", node("cp", "True")))))
                .then("GET " + DEPLOYMENTS, json(200, list("11", deployment("coredns", 2, 2))))
                .always("WATCH " + DEPLOYMENTS, watch(true))
                .then("GET " + DAEMONSETS, json(200, list("12")))
                .always("WATCH " + DAEMONSETS, watch(true));

        long start = System.nanoTime();
        ClusterReadiness.await(kubeconfig(), Duration.ofSeconds(20), recording(), System.getenv());

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(server.requests("GET " + NODES)).hasSize(1);
        assertThat(server.requests("WATCH " + NODES)).hasSize(1).allMatch(r -> r.contains("resourceVersion=10"));
        assertThat(progress.lines).contains("cluster: waiting for node cp to be Ready");
    }

    @Test
    void shouldWaitForAReadyNodeToLoseItsNotReadyTaintBeforeCallingTheClusterReady() throws Exception {
        // Right after the kubelet reports Ready the node still carries the not-ready taint for a moment: a pod
        // applied then is Unschedulable ("1 node(s) had untolerated taint(s)"), which provision fails on at once.
        String notReady = tainted(node("cp", "True"), "node.kubernetes.io/not-ready");
        server.then("GET " + NODES, json(200, list("10", notReady)))
                .then("WATCH " + NODES, onceTheOthersAreListed(watch(true, event("MODIFIED", node("cp", "True")))))
                .then("GET " + DEPLOYMENTS, json(200, list("11", deployment("coredns", 2, 2))))
                .always("WATCH " + DEPLOYMENTS, watch(true))
                .then("GET " + DAEMONSETS, json(200, list("12")))
                .always("WATCH " + DAEMONSETS, watch(true));

        ClusterReadiness.await(kubeconfig(), Duration.ofSeconds(20), recording(), System.getenv());

        assertThat(progress.lines).contains("cluster: waiting for node cp to lose its node.kubernetes.io/not-ready taint");
        assertThat(server.requests("WATCH " + NODES)).hasSize(1);
    }

    @Test
    void shouldNameAnUnreachableTaintWhenTheTimeRunsOut() throws Exception {
        String unreachable = tainted(node("cp", "True"), "node.kubernetes.io/unreachable");
        server.then("GET " + NODES, json(200, list("10", unreachable)))
                .always("WATCH " + NODES, watch(true))
                .then("GET " + DEPLOYMENTS, json(200, list("11")))
                .always("WATCH " + DEPLOYMENTS, watch(true))
                .then("GET " + DAEMONSETS, json(200, list("12")))
                .always("WATCH " + DAEMONSETS, watch(true));

        assertThatThrownBy(() -> ClusterReadiness.await(kubeconfig(), Duration.ofSeconds(2), recording(), System.getenv()))
                .isInstanceOfSatisfying(ProvisionException.class, e -> assertThat(e.getMessage()).isEqualTo(
                        "the cluster was not ready after 2 s: waiting for node cp to lose its "
                                + "node.kubernetes.io/unreachable taint"));
    }

    @Test
    void shouldNameWhatIsNotReadyWhenTheTimeRunsOut() throws Exception {
        server.then("GET " + NODES, json(200, list("10", node("cp", "True"), node("worker", "False"))))
                .always("WATCH " + NODES, watch(true))
                .then("GET " + DEPLOYMENTS, json(200, list("11", deployment("coredns", 2, 1))))
                .always("WATCH " + DEPLOYMENTS, watch(true))
                .then("GET " + DAEMONSETS, json(200, list("12")))
                .always("WATCH " + DAEMONSETS, watch(true));

        assertThatThrownBy(() -> ClusterReadiness.await(kubeconfig(), Duration.ofSeconds(2), recording(), System.getenv()))
                .isInstanceOfSatisfying(ProvisionException.class, e -> assertThat(e.getMessage()).isEqualTo(
                        "the cluster was not ready after 2 s: waiting for node worker to be Ready, "
                                + "deployment kube-system/coredns (1/2 available)"));
        assertThat(server.requests("GET " + NODES)).hasSize(1);
    }

    /**
     * Answers once the client watches the kube-system collections too. A feed hands its list to the readiness check
     * before it starts watching, so by then the check has seen every collection, and the node's change reaches it
     * after them: without this gate the change could arrive first, and the node would never be reported waiting.
     */
    private ApiServerDouble.Answer onceTheOthersAreListed(ApiServerDouble.Answer answer) {
        return exchange -> {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while ((server.requests("WATCH " + DEPLOYMENTS).isEmpty() || server.requests("WATCH " + DAEMONSETS)
                    .isEmpty()) && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            answer.answer(exchange);
        };
    }

    private ProgressListener recording() {
        return progress;
    }

    private Path kubeconfig() throws Exception {
        return server.kubeconfig(work);
    }

    private static String list(String resourceVersion, String... items) {
        return "{\"metadata\":{\"resourceVersion\":\"" + resourceVersion + "\"},\"items\":[" + String.join(",", items)
                + "]}";
    }

    private static String event(String type, String object) {
        return "{\"type\":\"" + type + "\",\"object\":" + object + "}";
    }

    /** The node with one NoSchedule taint, as the node lifecycle controller writes it. */
    private static String tainted(String node, String key) {
        return node.substring(0, node.length() - 1) + ",\"spec\":{\"taints\":[{\"key\":\"" + key
                + "\",\"effect\":\"NoSchedule\"}]}}";
    }

    private static String node(String name, String ready) {
        return "{\"metadata\":{\"name\":\"" + name + "\",\"resourceVersion\":\"20\"},\"status\":{\"conditions\":"
                + "[{\"type\":\"Ready\",\"status\":\"" + ready + "\"}]}}";
    }

    private static String deployment(String name, int wanted, int available) {
        return "{\"metadata\":{\"name\":\"" + name + "\"},\"spec\":{\"replicas\":" + wanted + "},\"status\":"
                + "{\"availableReplicas\":" + available + "}}";
    }

}

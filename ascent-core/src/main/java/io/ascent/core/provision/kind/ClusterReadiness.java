package io.ascent.core.provision.kind;

import io.ascent.core.progress.ProgressListener;
import io.ascent.core.provision.ProvisionException;
import io.ascent.core.workspace.ConfinedFiles;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.AppsV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1DaemonSet;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Node;
import io.kubernetes.client.openapi.models.V1NodeCondition;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Ascent's own readiness check of a new cluster, because kind's {@code --wait} prints "Timed out waiting for
 * Ready" and still exits 0, and looks only at control-plane nodes: at least one node, every node {@code Ready},
 * and every Deployment and DaemonSet in {@code kube-system} available (CoreDNS, kube-proxy, kindnet).
 */
public final class ClusterReadiness {

    /** Kubeconfigs are a few KiB; a larger one is not one. */
    static final long KUBECONFIG_LIMIT = 4L << 20;

    /** How often the cluster is asked again while it is getting ready. */
    static final Duration POLL = Duration.ofMillis(500);

    private ClusterReadiness() {
    }

    /**
     * Returns once the cluster behind {@code kubeconfig} is ready.
     *
     * @throws ProvisionException   (environment) when it is not ready within {@code timeout}; the message says
     *                              which nodes and workloads were not
     * @throws InterruptedException when the run is cancelled
     */
    public static void await(Path kubeconfig, Duration timeout, ProgressListener progress)
            throws ProvisionException, InterruptedException {
        ApiClient client = client(kubeconfig);
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> waitingFor = List.of("the API server");
        String lastReported = "";
        while (true) {
            try {
                waitingFor = notReady(client);
                if (waitingFor.isEmpty()) {
                    return;
                }
            } catch (ApiException e) {
                waitingFor = List.of("the API server (" + (e.getCode() == 0 ? e.getMessage() : "HTTP " + e.getCode())
                        + ")");
            }
            String now = String.join(", ", waitingFor);
            if (!now.equals(lastReported)) {
                progress.info("cluster: waiting for " + now);
                lastReported = now;
            }
            if (System.nanoTime() > deadline) {
                throw new ProvisionException(ProvisionException.Kind.ENVIRONMENT,
                        "the cluster was not ready after " + timeout.toSeconds() + " s: waiting for " + now,
                        "look at the exported kind logs (kubelet and containerd journals of each node); on a "
                                + "cgroup v1 host without systemd this is kind issue #2236 (`ascent doctor` checks "
                                + "it); a slow agent may need a longer --timeout");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** What is not ready yet, in words; empty when everything is. */
    static List<String> notReady(ApiClient client) throws ApiException {
        List<String> waiting = new ArrayList<>();
        List<V1Node> nodes = new CoreV1Api(client).listNode().execute().getItems();
        if (nodes.isEmpty()) {
            waiting.add("nodes to register");
        }
        for (V1Node node : nodes) {
            boolean ready = node.getStatus() != null && node.getStatus().getConditions() != null
                    && node.getStatus().getConditions().stream().anyMatch(ClusterReadiness::isReady);
            if (!ready) {
                waiting.add("node " + node.getMetadata().getName() + " to be Ready");
            }
        }
        AppsV1Api apps = new AppsV1Api(client);
        for (V1Deployment deployment : apps.listNamespacedDeployment("kube-system").execute().getItems()) {
            int wanted = deployment.getSpec() == null || deployment.getSpec().getReplicas() == null ? 1
                    : deployment.getSpec().getReplicas();
            int available = deployment.getStatus() == null || deployment.getStatus().getAvailableReplicas() == null
                    ? 0 : deployment.getStatus().getAvailableReplicas();
            if (available < wanted) {
                waiting.add("deployment kube-system/" + deployment.getMetadata().getName() + " (" + available + "/"
                        + wanted + " available)");
            }
        }
        for (V1DaemonSet daemonSet : apps.listNamespacedDaemonSet("kube-system").execute().getItems()) {
            int wanted = daemonSet.getStatus() == null ? 0 : daemonSet.getStatus().getDesiredNumberScheduled();
            Integer available = daemonSet.getStatus() == null ? null : daemonSet.getStatus().getNumberAvailable();
            if ((available == null ? 0 : available) < wanted) {
                waiting.add("daemonset kube-system/" + daemonSet.getMetadata().getName() + " ("
                        + (available == null ? 0 : available) + "/" + wanted + " available)");
            }
        }
        return waiting;
    }

    private static boolean isReady(V1NodeCondition condition) {
        return "Ready".equals(condition.getType()) && "True".equals(condition.getStatus());
    }

    /** A client for the cluster's own kubeconfig; its contents never reach a message. */
    static ApiClient client(Path kubeconfig) throws ProvisionException {
        // The driver's own file (or the operator's), never a repository's: readable anywhere, within a limit.
        try (Reader reader = new java.io.InputStreamReader(ConfinedFiles.anywhere(KUBECONFIG_LIMIT).open(kubeconfig),
                StandardCharsets.UTF_8)) {
            KubeConfig config = KubeConfig.loadKubeConfig(reader);
            config.setFile(kubeconfig.toFile());
            ApiClient client = ClientBuilder.kubeconfig(config).build();
            client.setConnectTimeout(10_000);
            client.setReadTimeout(30_000);
            return client;
        } catch (IOException | RuntimeException e) {
            throw new ProvisionException(ProvisionException.Kind.ENVIRONMENT,
                    "cannot use the kubeconfig kind wrote (" + kubeconfig + "): "
                            + Objects.requireNonNullElse(e.getClass().getSimpleName(), "error"),
                    "run `kind get kubeconfig --name NAME` to see whether kind knows the cluster");
        }
    }
}

package io.ascent.jenkins.agent;

import io.ascent.core.progress.ProgressListener;
import io.ascent.core.provision.ClusterDrivers;
import io.ascent.core.provision.ClusterRequest;
import io.ascent.core.provision.ProvisionException;
import io.ascent.core.provision.ProvisionedCluster;
import io.ascent.core.provision.existing.ExistingClusterDriver;
import io.ascent.core.provision.kube.KubeConnections;
import io.ascent.core.report.Item;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The engine's drivers behind {@code ascentProvision}'s block form, run on the agent: {@code existing} (a namespace
 * in the cluster of the credential's kubeconfig) when the request carries a kubeconfig, else {@code kind} with the
 * executable the administrator configured. Preflight runs first, as in {@code ascent provision}, and a gating
 * preflight item stops the run before anything is created. Only the kind path crosses the channel; the drivers are
 * built on the agent.
 */
final class EngineProvisionCall implements ProvisionCall {

    private static final long serialVersionUID = 1L;

    private final String kindPath;
    /**
     * Opens each call's connections in the run's environment; built on the agent, never sent over the channel
     * (after crossing it, the engine's own).
     */
    private final transient Function<Map<String, String>, KubeConnections> connections;

    EngineProvisionCall(String kindPath) {
        this(kindPath, KubeConnections::new);
    }

    /**
     * @param connections opens the connections of one call in the run's environment, which the call closes when it
     *                    returns or throws
     */
    EngineProvisionCall(String kindPath, Function<Map<String, String>, KubeConnections> connections) {
        this.kindPath = kindPath == null || kindPath.isBlank() ? "kind" : kindPath.trim();
        this.connections = connections;
    }

    String kindPath() {
        return kindPath;
    }

    @Override
    public ProvisionedCluster create(ClusterRequest request, Map<String, String> environment,
            ProgressListener progress) throws ProvisionException, InterruptedException {
        // The connections live as long as this call: the agent's JVM outlives every build, and idle connections
        // (sockets, OkHttp's threads) would otherwise stay until evicted minutes later.
        try (KubeConnections open = openConnections(environment)) {
            ClusterDrivers.Choice choice = choice(driverName(request), open);
            List<Item> stopping = choice.preflight().check(request, progress).stream()
                    .filter(item -> item.status().isGating()).toList();
            if (!stopping.isEmpty()) {
                throw new ProvisionException(ProvisionException.Kind.ENVIRONMENT, "preflight: " + stopping.stream()
                        .map(item -> item.id() + ": " + item.message()).collect(Collectors.joining("; ")),
                        stopping.stream().map(Item::remediation).filter(Objects::nonNull)
                                .collect(Collectors.joining("; ")));
            }
            return choice.driver().create(request, progress);
        }
    }

    @Override
    public void delete(ProvisionedCluster cluster, Map<String, String> environment, ProgressListener progress)
            throws ProvisionException {
        try (KubeConnections open = openConnections(environment)) {
            choice(cluster.driver(), open).driver().delete(cluster, progress);
        }
    }

    /** {@code existing} when there is a kubeconfig to reach a cluster with, else a kind cluster of the run's own. */
    static String driverName(ClusterRequest request) {
        return request.kubeconfig().isPresent() ? ExistingClusterDriver.NAME : ClusterDrivers.KIND;
    }

    /**
     * The engine's driver of that name and its preflight, kind running the configured executable, talking to
     * clusters through {@code open}; kind, docker and kubectl run in {@code open}'s environment (the build's).
     */
    ClusterDrivers.Choice choice(String name, KubeConnections open) {
        return ClusterDrivers.forName(name, open, kindPath, open.environment())
                .orElseThrow(() -> new IllegalArgumentException("no driver '" + name + "'"));
    }

    private KubeConnections openConnections(Map<String, String> environment) {
        return connections == null ? new KubeConnections(environment) : connections.apply(environment);
    }
}

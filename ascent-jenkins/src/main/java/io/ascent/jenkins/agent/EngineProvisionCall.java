package io.ascent.jenkins.agent;

import io.ascent.core.progress.ProgressListener;
import io.ascent.core.provision.ClusterDriver;
import io.ascent.core.provision.ClusterRequest;
import io.ascent.core.provision.ProvisionException;
import io.ascent.core.provision.ProvisionedCluster;
import io.ascent.core.provision.command.ProcessCommandRunner;
import io.ascent.core.provision.existing.ExistingClusterDriver;
import io.ascent.core.provision.kind.KindDriver;
import io.ascent.core.provision.kind.KindNodeImages;
import io.ascent.core.provision.kube.KubeConnections;
import io.ascent.core.provision.preflight.Preflight;
import io.ascent.core.provision.preflight.PreflightResult;
import io.ascent.core.provision.preflight.Probes;
import io.ascent.core.report.Item;
import io.ascent.core.run.RunRecorder;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
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

    EngineProvisionCall(String kindPath) {
        this.kindPath = kindPath == null || kindPath.isBlank() ? "kind" : kindPath.trim();
    }

    String kindPath() {
        return kindPath;
    }

    @Override
    public ProvisionedCluster create(ClusterRequest request, ProgressListener progress)
            throws ProvisionException, InterruptedException {
        String name = driverName(request);
        ClusterDriver driver = driver(name);
        List<Item> preflight = preflight(name, driver, request, progress);
        List<Item> stopping = preflight.stream().filter(item -> item.status().isGating()).toList();
        if (!stopping.isEmpty()) {
            throw new ProvisionException(ProvisionException.Kind.ENVIRONMENT, "preflight: " + stopping.stream()
                    .map(item -> item.id() + ": " + item.message()).collect(Collectors.joining("; ")),
                    stopping.stream().map(Item::remediation).filter(Objects::nonNull)
                            .collect(Collectors.joining("; ")));
        }
        return driver.create(request, progress);
    }

    @Override
    public void delete(ProvisionedCluster cluster, ProgressListener progress) throws ProvisionException {
        driver(cluster.driver()).delete(cluster, progress);
    }

    /** {@code existing} when there is a kubeconfig to reach a cluster with, else a kind cluster of the run's own. */
    static String driverName(ClusterRequest request) {
        return request.kubeconfig().isPresent() ? ExistingClusterDriver.NAME : "kind";
    }

    ClusterDriver driver(String name) {
        return ExistingClusterDriver.NAME.equals(name) ? new ExistingClusterDriver(new KubeConnections())
                : new KindDriver(new ProcessCommandRunner(), kindPath, KindNodeImages.builtIn());
    }

    /** The driver's preflight items; kind's checks the agent's container engine, cgroups, kind and disk. */
    List<Item> preflight(String name, ClusterDriver driver, ClusterRequest request, ProgressListener progress)
            throws InterruptedException {
        if (driver instanceof ExistingClusterDriver existing) {
            return existing.preflight().check(request, progress);
        }
        PreflightResult result = Preflight.forDriver(name).run(request, Probes.local(),
                new RunRecorder(request.runName(), progress, Clock.systemUTC()));
        return result.items();
    }
}

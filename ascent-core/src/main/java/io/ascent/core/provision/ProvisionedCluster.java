package io.ascent.core.provision;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A cluster a {@link ClusterDriver} made ready for one run: where to reach it and what belongs to the run.
 *
 * @param driver       the driver's name ({@code kind}, {@code existing})
 * @param name         the kind cluster's name, or the existing cluster's context name
 * @param kubeconfig   a kubeconfig file for this run only (never the user's {@code ~/.kube/config} rewritten)
 * @param context      the context inside {@code kubeconfig} to use, if not its current one
 * @param namespace    the namespace the run deploys to when a manifest names none
 * @param ownsCluster  {@code true} when teardown deletes the whole cluster (kind), {@code false} when it deletes
 *                     only the run's namespace (existing)
 */
public record ProvisionedCluster(
        String driver,
        String name,
        Path kubeconfig,
        Optional<String> context,
        String namespace,
        boolean ownsCluster) implements Serializable {

    public ProvisionedCluster {
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kubeconfig, "kubeconfig");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(namespace, "namespace");
    }
}

package io.ascent.core.provision;

import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What cluster one provisioning run asks a {@link ClusterDriver} for. Built by the provisioner from the checklist's
 * {@code provision.cluster} section and the command line; drivers only read it.
 *
 * @param runName           unique per run, DNS-safe (at most 40 characters), carries the {@code ascent-} prefix and
 *                          the creation time so {@code ascent gc} can recognise and age leftovers; it names the kind
 *                          cluster or the existing cluster's namespace
 * @param kubernetesVersion the version the cluster's nodes should run ({@code X.Y} or {@code X.Y.Z}), if asked for
 * @param nodeImage         a kind node image pinned by the checklist, if any
 * @param kindConfig        the checklist's kind configuration file, already resolved inside the repository,
 *                          with where the repository is (its host paths must stay inside)
 * @param kubeconfig        the kubeconfig of an existing cluster (the {@code existing} driver), if given
 * @param context           the kubeconfig context to use, if given
 * @param workDirectory     a private folder for this run (the kind cluster's own kubeconfig, exported logs); the
 *                          provisioner creates and removes it
 * @param timeout           how long creating the cluster may take
 * @param labels            labels of the namespace the run deploys to: the run's ({@code ascent.dev/run},
 *                          {@code ascent.dev/created}), which mark what {@code ascent gc} may delete, and the
 *                          PodSecurity level the checklist asks for ({@link PodSecurityLabels})
 */
public record ClusterRequest(
        String runName,
        Optional<String> kubernetesVersion,
        Optional<String> nodeImage,
        Optional<KindConfigFile> kindConfig,
        Optional<Path> kubeconfig,
        Optional<String> context,
        Path workDirectory,
        Duration timeout,
        Map<String, String> labels) implements Serializable {

    public ClusterRequest {
        Objects.requireNonNull(runName, "runName");
        Objects.requireNonNull(kubernetesVersion, "kubernetesVersion");
        Objects.requireNonNull(nodeImage, "nodeImage");
        Objects.requireNonNull(kindConfig, "kindConfig");
        Objects.requireNonNull(kubeconfig, "kubeconfig");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(workDirectory, "workDirectory");
        Objects.requireNonNull(timeout, "timeout");
        labels = Map.copyOf(labels);
    }
}

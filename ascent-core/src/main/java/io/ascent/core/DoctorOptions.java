package io.ascent.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code ascent doctor} checks the agent for.
 *
 * @param directory         the application directory; its checklist's {@code provision.cluster} says what cluster
 *                          to check for, when it has one
 * @param checklist         the checklist file, when not the directory's {@code ascent.yaml}
 * @param driver            {@code kind} or {@code existing}, overriding the checklist's
 * @param kubernetesVersion the cluster's Kubernetes version, overriding the checklist's
 * @param kubeconfig        the existing cluster's kubeconfig (driver {@code existing}); also the ClusterAPI
 *                          management cluster whose providers are compared with clusterctl
 * @param context           the kubeconfig context, overriding the checklist's {@code provision.cluster.context}
 * @param kindMounts        folders outside the repository the kind configuration may mount host paths from
 *                          ({@code --kind-mount}, {@code ASCENT_KIND_MOUNTS}), as for {@code ascent provision}
 */
public record DoctorOptions(Path directory, Optional<Path> checklist, Optional<String> driver,
        Optional<String> kubernetesVersion, Optional<Path> kubeconfig, Optional<String> context,
        List<Path> kindMounts) {

    public DoctorOptions {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(checklist, "checklist");
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(kubernetesVersion, "kubernetesVersion");
        Objects.requireNonNull(kubeconfig, "kubeconfig");
        Objects.requireNonNull(context, "context");
        kindMounts = List.copyOf(kindMounts);
    }

    /** Without folders for kind mounts outside the repository. */
    public DoctorOptions(Path directory, Optional<Path> checklist, Optional<String> driver,
            Optional<String> kubernetesVersion, Optional<Path> kubeconfig, Optional<String> context) {
        this(directory, checklist, driver, kubernetesVersion, kubeconfig, context, List.of());
    }

    /** Without a kubeconfig or context of its own. */
    public DoctorOptions(Path directory, Optional<Path> checklist, Optional<String> driver,
            Optional<String> kubernetesVersion) {
        this(directory, checklist, driver, kubernetesVersion, Optional.empty(), Optional.empty());
    }

    public static DoctorOptions of(Path directory) {
        return new DoctorOptions(directory, Optional.empty(), Optional.empty(), Optional.empty());
    }
}

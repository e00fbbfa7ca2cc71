package io.ascent.core;

import java.nio.file.Path;
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
 */
public record DoctorOptions(Path directory, Optional<Path> checklist, Optional<String> driver,
        Optional<String> kubernetesVersion) {

    public DoctorOptions {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(checklist, "checklist");
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(kubernetesVersion, "kubernetesVersion");
    }

    public static DoctorOptions of(Path directory) {
        return new DoctorOptions(directory, Optional.empty(), Optional.empty(), Optional.empty());
    }
}

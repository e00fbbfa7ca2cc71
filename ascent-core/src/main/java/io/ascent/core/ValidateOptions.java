package io.ascent.core;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What to validate.
 *
 * @param directory         the application directory
 * @param checklist         the checklist file, when not the application directory's {@code ascent.yaml}
 * @param kubernetesVersion a target Kubernetes version overriding the checklist's
 */
public record ValidateOptions(Path directory, Optional<Path> checklist, Optional<String> kubernetesVersion) {

    public ValidateOptions {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(checklist, "checklist");
        Objects.requireNonNull(kubernetesVersion, "kubernetesVersion");
    }

    public static ValidateOptions of(Path directory) {
        return new ValidateOptions(directory, Optional.empty(), Optional.empty());
    }
}

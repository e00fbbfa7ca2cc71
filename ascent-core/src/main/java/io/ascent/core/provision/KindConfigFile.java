package io.ascent.core.provision;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The checklist's kind configuration ({@code provision.cluster.config}) and what judging it needs: where the
 * repository is, since the configuration may name paths on the agent ({@code extraMounts[].hostPath}) that must stay
 * inside it.
 *
 * @param file            the file, resolved inside the repository (its real path)
 * @param displayPath     how reports name it: relative to the repository root
 * @param checkout        the repository's checkout: every host path must resolve inside it
 * @param baseDirectory   the application directory: relative host paths are resolved against it (kind itself would
 *                        resolve them against its own working directory, which a build does not choose)
 * @param operatorMounts  folders outside the checkout the operator allows host paths under ({@code --kind-mount},
 *                        {@code ASCENT_KIND_MOUNTS}); never something the repository can set
 */
public record KindConfigFile(Path file, String displayPath, Path checkout, Path baseDirectory,
        List<Path> operatorMounts) {

    public KindConfigFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(displayPath, "displayPath");
        checkout = checkout.toAbsolutePath().normalize();
        baseDirectory = baseDirectory.toAbsolutePath().normalize();
        operatorMounts = operatorMounts.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    /** Without folders of the operator's. */
    public KindConfigFile(Path file, String displayPath, Path checkout, Path baseDirectory) {
        this(file, displayPath, checkout, baseDirectory, List.of());
    }
}

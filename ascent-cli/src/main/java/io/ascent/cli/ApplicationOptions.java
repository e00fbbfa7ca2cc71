package io.ascent.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code DIR}, {@code --checklist} and {@code --kubernetes-version}: which application, checklist and Kubernetes
 * version a command judges ({@code validate}, {@code baseline}, {@code provision}, {@code doctor}), declared once so
 * the four spell and explain them alike.
 */
final class ApplicationOptions {

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = ".",
            description = "Application directory (default: the current directory).")
    private Path directory;

    @Option(names = {"-c", "--checklist"}, paramLabel = "PATH",
            description = "Checklist file (default: DIR/ascent.yaml, then DIR/ascent.yml).")
    private Path checklist;

    @Option(names = "--kubernetes-version", paramLabel = "X.Y[.Z]",
            description = {"Target Kubernetes version; overrides the checklist's kubernetes.version (provision and",
                "doctor: the cluster's). Several (1.29,1.31) or a range (1.29..1.33) plan an upgrade:",
                "API-version and schema findings name the versions they hold on and the first breaking release."})
    private String kubernetesVersion;

    Path directory() {
        return directory;
    }

    Optional<Path> checklist() {
        return Optional.ofNullable(checklist);
    }

    Optional<String> kubernetesVersion() {
        return Optional.ofNullable(kubernetesVersion);
    }
}

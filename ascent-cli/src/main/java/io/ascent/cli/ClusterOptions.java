package io.ascent.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --kubeconfig} and {@code --context}: which existing cluster a command talks to ({@code provision},
 * {@code doctor}, {@code gc}), declared once so the three spell and explain them alike.
 */
final class ClusterOptions {

    @Option(names = "--kubeconfig", paramLabel = "PATH",
            description = "Kubeconfig of an existing cluster (provision and doctor with driver existing: default "
                    + "KUBECONFIG, then ~/.kube/config, then the pod's service account; doctor also compares "
                    + "clusterctl with its ClusterAPI providers; gc also collects its Ascent namespaces).")
    private Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "Kubeconfig context (default: the checklist's "
            + "provision.cluster.context where there is one, then the kubeconfig's current context).")
    private String context;

    Optional<Path> kubeconfig() {
        return Optional.ofNullable(kubeconfig);
    }

    Optional<String> context() {
        return Optional.ofNullable(context);
    }
}

package io.ascent.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --kubeconfig} and {@code --context}: which existing cluster a command talks to ({@code provision},
 * {@code doctor}, {@code gc}), declared once so the three spell and explain them alike.
 */
final class ClusterOptions {

    private final OptionBinding<Path> kubeconfig = OptionBinding.initially(null);
    private final OptionBinding<String> context = OptionBinding.initially(null);

    /** The options, for {@code CommandSpec.addMixin}; built in code (see {@link OptionBinding}). */
    CommandSpec mixin() {
        CommandSpec mixin = CommandSpec.create();
        mixin.addOption(kubeconfig.bind(OptionSpec.builder("--kubeconfig"), Path.class)
                .paramLabel("PATH")
                .description("Kubeconfig of an existing cluster (provision and doctor with driver existing: default "
                        + "the files of KUBECONFIG merged as kubectl merges them, then ~/.kube/config, then the "
                        + "pod's service account; doctor also compares "
                        + "clusterctl with its ClusterAPI providers; gc also collects its Ascent namespaces).")
                .build());
        mixin.addOption(context.bind(OptionSpec.builder("--context"), String.class)
                .paramLabel("NAME")
                .description("Kubeconfig context (default: the checklist's provision.cluster.context where there is "
                        + "one, then the kubeconfig's current context).").build());
        return mixin;
    }

    Optional<Path> kubeconfig() {
        return Optional.ofNullable(kubeconfig.value());
    }

    Optional<String> context() {
        return Optional.ofNullable(context.value());
    }
}

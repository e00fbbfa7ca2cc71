package io.ascent.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code DIR}, {@code --checklist} and {@code --kubernetes-version}: which application, checklist and Kubernetes
 * version a command judges ({@code validate}, {@code baseline}, {@code provision}, {@code doctor}), declared once so
 * the four spell and explain them alike.
 */
final class ApplicationOptions {

    private final OptionBinding<Path> directory = OptionBinding.initially(null);
    private final OptionBinding<Path> checklist = OptionBinding.initially(null);
    private final OptionBinding<String> kubernetesVersion = OptionBinding.initially(null);

    /** The options, for {@code CommandSpec.addMixin}; built in code (see {@link OptionBinding}). */
    CommandSpec mixin() {
        CommandSpec mixin = CommandSpec.create();
        mixin.addPositional(directory.bind(PositionalParamSpec.builder(), Path.class)
                .index("0").arity("0..1").paramLabel("DIR").defaultValue(".")
                .description("Application directory (default: the current directory).").build());
        mixin.addOption(checklist.bind(OptionSpec.builder("-c", "--checklist"), Path.class)
                .paramLabel("PATH")
                .description("Checklist file (default: DIR/ascent.yaml, then DIR/ascent.yml).").build());
        mixin.addOption(kubernetesVersion.bind(OptionSpec.builder("--kubernetes-version"), String.class)
                .paramLabel("X.Y[.Z]")
                .description("Target Kubernetes version; overrides the checklist's kubernetes.version (provision and",
                        "doctor: the cluster's). Several (1.29,1.31) or a range (1.29..1.33) plan an upgrade:",
                        "API-version and schema findings name the versions they hold on and the first breaking"
                                + " release.").build());
        return mixin;
    }

    Path directory() {
        return directory.value();
    }

    Optional<Path> checklist() {
        return Optional.ofNullable(checklist.value());
    }

    Optional<String> kubernetesVersion() {
        return Optional.ofNullable(kubernetesVersion.value());
    }
}

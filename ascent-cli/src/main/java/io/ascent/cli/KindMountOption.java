package io.ascent.cli;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --kind-mount PATH} (repeatable) and {@code ASCENT_KIND_MOUNTS}: folders outside the repository a kind
 * configuration may mount host paths from, such as a shared cache. The operator's escape hatch from the host policy
 * (docs/security.md): the repository can name neither, for {@code validate}, {@code provision} and {@code doctor}
 * alike.
 */
final class KindMountOption {

    /** The environment variable: folders separated by the platform's path separator ({@code :}), as PATH is. */
    static final String ENVIRONMENT_VARIABLE = "ASCENT_KIND_MOUNTS";

    private final OptionBinding<List<Path>> folders = OptionBinding.initially(new ArrayList<>());

    /** The option, for {@code CommandSpec.addMixin}; built in code (see {@link OptionBinding}). */
    CommandSpec mixin() {
        return CommandSpec.create().addOption(folders.bind(OptionSpec.builder("--kind-mount"), List.class)
                .auxiliaryTypes(Path.class).paramLabel("PATH")
                .description("A folder outside the repository the kind configuration may mount host paths from "
                        + "(extraMounts[].hostPath), such as a shared cache; repeatable, added to "
                        + ENVIRONMENT_VARIABLE + ". Default: none, only folders inside the repository.").build());
    }

    /** The folders of the option and of the environment, as absolute paths. */
    List<Path> folders(Map<String, String> environment) {
        return folders(environment, Path.of(""));
    }

    /** The folders of the option and of the run's environment, relative ones against the run's directory. */
    List<Path> folders(Invocation invocation) {
        return folders(invocation.environment(), invocation.directory());
    }

    private List<Path> folders(Map<String, String> environment, Path directory) {
        List<Path> all = new ArrayList<>(folders.value().stream().map(directory::resolve).toList());
        String variable = environment.getOrDefault(ENVIRONMENT_VARIABLE, "");
        for (String folder : variable.split(File.pathSeparator)) {
            if (!folder.isBlank()) {
                all.add(directory.resolve(folder.strip()));
            }
        }
        return all.stream().map(path -> path.toAbsolutePath().normalize()).distinct().toList();
    }
}

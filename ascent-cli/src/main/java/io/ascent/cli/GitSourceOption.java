package io.ascent.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --no-git}: read the files on disk instead of the commit at HEAD, for the commands that validate
 * ({@code validate}, {@code baseline}, {@code provision}), declared once so the three explain it alike.
 */
final class GitSourceOption {

    private final OptionBinding<Boolean> noGit = OptionBinding.initially(false);

    /** The option, for {@code CommandSpec.addMixin}; built in code (see {@link OptionBinding}). */
    CommandSpec mixin() {
        return CommandSpec.create().addOption(noGit.bind(OptionSpec.builder("--no-git"), boolean.class)
                .description("Scan the files on disk instead of the commit at HEAD, for a directory that is not in a",
                        "git repository; the rules that compare the disk with HEAD are skipped.").build());
    }

    boolean noGit() {
        return noGit.value();
    }
}

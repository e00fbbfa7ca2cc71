package io.ascent.cli;

import picocli.CommandLine;

/**
 * An annotated command that also takes options shared with {@code validate} or {@code provision}
 * ({@link ApplicationOptions}, {@link GitSourceOption}, {@link ClusterOptions}, {@link OutputOptions}), whose command
 * lines are built in code: {@link AscentCommand} adds them as mixins when it registers the command.
 */
interface SharedOptions {

    /** Adds the command's shared options to its command line, each as a mixin named as its field. */
    void addSharedOptions(CommandLine commandLine);
}

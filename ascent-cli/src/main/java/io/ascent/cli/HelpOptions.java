package io.ascent.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code -h/--help} and {@code -V/--version} for a command built in code, as picocli's
 * {@code mixinStandardHelpOptions} gives an annotated one (whose options picocli reads from annotations of its own at
 * every start; see {@link OptionBinding}).
 */
final class HelpOptions {

    private HelpOptions() {
    }

    /** Adds both options to {@code spec}. */
    static CommandSpec addTo(CommandSpec spec) {
        return spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                        .descriptionKey("mixinStandardHelpOptions.help")
                        .description("Show this help message and exit.").build())
                .addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                        .descriptionKey("mixinStandardHelpOptions.version")
                        .description("Print version information and exit.").build());
    }
}

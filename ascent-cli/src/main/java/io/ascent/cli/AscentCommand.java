package io.ascent.cli;

import io.ascent.core.AscentVersion;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * {@code ascent}: lists the subcommands. Build it with {@link #commandLine(String...)}, which registers only the
 * subcommand a run names.
 */
@Command(name = "ascent",
        mixinStandardHelpOptions = true,
        versionProvider = AscentCommand.Version.class,
        description = "Ascent Checklist CI/CD: enforce an application's ascent.yaml and prove it deploys.",
        footerHeading = "%nExit status:%n",
        footer = {
            "  0  every gating checklist item passed",
            "  1  at least one gating item failed",
            "  2  invalid input or usage (unreadable or invalid checklist, bad option)",
            "  3  the environment cannot run the work (missing tool, daemon or cluster unreachable)",
            "  4  internal error (a bug in Ascent; please report it)"})
public final class AscentCommand implements Runnable {

    /**
     * The subcommands by name, in the order {@code ascent --help} lists them. picocli reflects over every annotated
     * option of every registered command when the command line is built (with all nine, about 0.1 billion
     * instructions more per start than with one: docs/performance.md, "CLI cold start"), so a run that names one
     * gets only that one.
     */
    private static final Map<String, Class<?>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("validate", ValidateCommand.class);
        SUBCOMMANDS.put("provision", ProvisionCommand.class);
        SUBCOMMANDS.put("doctor", DoctorCommand.class);
        SUBCOMMANDS.put("gc", GcCommand.class);
        SUBCOMMANDS.put("init", InitCommand.class);
        SUBCOMMANDS.put("checks", ChecksCommand.class);
        SUBCOMMANDS.put("baseline", BaselineCommand.class);
        SUBCOMMANDS.put("schema", SchemaCommand.class);
        SUBCOMMANDS.put("help", HelpCommand.class);
    }

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    /**
     * The {@code ascent} command line for these arguments: when the first one names a subcommand (other than
     * {@code help}, which needs them all) only that subcommand is registered; for {@code --version} alone none is;
     * otherwise every one is, so that usage, {@code help} and the suggestions for a mistyped name see them all. Settings such as output streams and handlers
     * must be set on the result afterwards, so that they reach the subcommand too.
     */
    static CommandLine commandLine(String... args) {
        CommandLine ascent = new CommandLine(new AscentCommand());
        String first = args.length == 0 ? "" : args[0];
        if (args.length == 1 && ("--version".equals(first) || "-V".equals(first))) {
            return ascent; // prints the version only: registering every subcommand was half of its start-up
        }
        if (SUBCOMMANDS.containsKey(first) && !"help".equals(first)) {
            ascent.addSubcommand(first, SUBCOMMANDS.get(first));
        } else {
            SUBCOMMANDS.forEach(ascent::addSubcommand);
        }
        return ascent;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reads the version the build recorded. */
    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"ascent " + AscentVersion.get(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}

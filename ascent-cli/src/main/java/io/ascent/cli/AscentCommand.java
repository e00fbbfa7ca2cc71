package io.ascent.cli;

import io.ascent.core.AscentVersion;
import io.ascent.core.provision.kube.KubeConnections;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ascent}: lists the subcommands. Build it with {@link #commandLine(String...)}, which registers only the
 * subcommand a run names. Its own command line, and those of {@code validate} and {@code provision}, are built in
 * code rather than from annotations (see {@link OptionBinding}).
 */
public final class AscentCommand implements Runnable {

    /**
     * The subcommands' names, in the order {@code ascent --help} lists them. picocli reflects over every annotated
     * option of every registered command when the command line is built (with all nine, about 0.1 billion
     * instructions more per start than with one: docs/performance.md, "CLI cold start"), so a run that names one
     * gets only that one.
     */
    private static final List<String> SUBCOMMANDS = List.of(ValidateCommand.NAME, ProvisionCommand.NAME, "doctor", "gc",
            "init", "checks", "baseline", "schema", "help");

    private CommandSpec spec;

    private AscentCommand() {
    }

    /**
     * The {@code ascent} command line for these arguments: when the first one names a subcommand (other than
     * {@code help}, which needs them all) only that subcommand is registered; for {@code --version} alone none is;
     * otherwise every one is, so that usage, {@code help} and the suggestions for a mistyped name see them all.
     * Settings such as output streams and handlers must be set on the result afterwards, so that they reach the
     * subcommand too.
     */
    static CommandLine commandLine(String... args) {
        return commandLine(Optional.empty(), args);
    }

    /**
     * As {@link #commandLine(Invocation, Optional, String...)}, for a run of the process itself (the commands write
     * to the command line's own streams, set on the result).
     */
    static CommandLine commandLine(Optional<KubeConnections> warm, String... args) {
        return commandLine(Invocation.ofProcess(new java.io.PrintWriter(System.out, true),
                new java.io.PrintWriter(System.err, true)), warm, args);
    }

    /**
     * As {@link #commandLine(String...)}, every command reading {@code invocation} (directory, environment, stop)
     * and {@code provision} running over the connections {@link ClusterWarmUp} started warming from these
     * arguments.
     */
    static CommandLine commandLine(Invocation invocation, Optional<KubeConnections> warm, String... args) {
        CommandLine ascent = new CommandLine(commandSpec());
        String first = args.length == 0 ? "" : args[0];
        if (args.length == 1 && ("--version".equals(first) || "-V".equals(first))) {
            return ascent; // prints the version only: registering every subcommand was half of its start-up
        }
        if (SUBCOMMANDS.contains(first) && !"help".equals(first)) {
            ascent.addSubcommand(first, subcommand(first, invocation, warm));
        } else {
            for (String name : SUBCOMMANDS) {
                ascent.addSubcommand(name, subcommand(name, invocation, warm));
            }
        }
        return ascent;
    }

    /**
     * A new subcommand for {@code addSubcommand}: a command spec built in code, a command line with its shared
     * options added, or a class picocli reads the annotations of. A switch rather than a map of lambdas: linking
     * each lambda's call site has a start-up cost of its own.
     */
    private static Object subcommand(String name, Invocation invocation, Optional<KubeConnections> warm) {
        return switch (name) {
            case ValidateCommand.NAME -> ValidateCommand.commandSpec(invocation);
            case ProvisionCommand.NAME -> ProvisionCommand.commandSpec(invocation, warm);
            case "doctor" -> withSharedOptions(new DoctorCommand(invocation));
            case "gc" -> withSharedOptions(new GcCommand(invocation));
            case "init" -> new InitCommand(invocation);
            case "checks" -> ChecksCommand.class;
            case "baseline" -> withSharedOptions(new BaselineCommand(invocation));
            case "schema" -> SchemaCommand.class;
            case "help" -> HelpCommand.class;
            default -> throw new IllegalArgumentException("no subcommand " + name);
        };
    }

    private static CommandLine withSharedOptions(SharedOptions command) {
        CommandLine commandLine = new CommandLine(command);
        command.addSharedOptions(commandLine);
        return commandLine;
    }

    private static CommandSpec commandSpec() {
        AscentCommand command = new AscentCommand();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name("ascent").versionProvider(new Version());
        command.spec = spec;
        spec.usageMessage()
                .description("Ascent Checklist CI/CD: enforce an application's ascent.yaml and prove it deploys.")
                .footerHeading("%nExit status:%n")
                .footer("  0  every gating checklist item passed",
                        "  1  at least one gating item failed",
                        "  2  invalid input or usage (unreadable or invalid checklist, bad option)",
                        "  3  the environment cannot run the work (missing tool, daemon or cluster unreachable)",
                        "  4  internal error (a bug in Ascent; please report it)");
        return HelpOptions.addTo(spec);
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

package io.ascent.cli;

import io.ascent.core.AscentVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** {@code ascent}: lists the subcommands. */
@Command(name = "ascent",
        mixinStandardHelpOptions = true,
        versionProvider = AscentCommand.Version.class,
        description = "Ascent Checklist CI/CD: enforce an application's ascent.yaml and prove it deploys.",
        subcommands = {ValidateCommand.class, ProvisionCommand.class, DoctorCommand.class, GcCommand.class,
                InitCommand.class, ChecksCommand.class, BaselineCommand.class, SchemaCommand.class,
                HelpCommand.class},
        footerHeading = "%nExit status:%n",
        footer = {
            "  0  every gating checklist item passed",
            "  1  at least one gating item failed",
            "  2  invalid input or usage (unreadable or invalid checklist, bad option)",
            "  3  the environment cannot run the work (missing tool, daemon or cluster unreachable)",
            "  4  internal error (a bug in Ascent; please report it)"})
public final class AscentCommand implements Runnable {

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

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

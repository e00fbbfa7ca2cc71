package io.ascent.cli;

import io.ascent.core.Ascent;
import io.ascent.core.EngineConfig;
import io.ascent.core.GcOptions;
import io.ascent.core.progress.ProgressListener;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ascent gc}: deletes the clusters, namespaces and work folders Ascent runs left behind. */
@Command(name = "gc", mixinStandardHelpOptions = true,
        description = {"Delete the kind clusters, namespaces and work folders that Ascent runs left behind.",
            "What a killed build or a kept cluster left: kind clusters named",
            "ascent-YYYYMMDD-HHMMSS-xxxxxx, your work folders of Ascent runs in the temporary folder",
            "(TMP/ascent-work.RUN-NNN and the kind logs TMP/ascent-work.RUN-NNN-kind-logs) and,",
            "with --kubeconfig/--context, namespaces labelled ascent.dev/run, older than",
            "--older-than. Nothing else is ever deleted."},
        footerHeading = "%nExit status:%n",
        footer = {"  0 collected (or nothing to collect), 1 something could not be deleted, 2 usage,",
            "  3 the cluster cannot be reached, 4 internal error"})
final class GcCommand implements Callable<Integer>, SharedOptions {

    @Spec
    private CommandSpec spec;

    private final Invocation invocation;

    @Option(names = "--older-than", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Only what was created longer ago than this (default: 2h; a younger cluster may belong "
                    + "to a build still running).")
    private Duration olderThan = GcOptions.DEFAULT_OLDER_THAN;

    @Option(names = "--dry-run", description = "List what would be deleted; delete nothing.")
    private boolean dryRun;

    @Option(names = {"-v", "--verbose"}, description = "Print each deletion as it happens on standard error.")
    private boolean verbose;

    private final ClusterOptions cluster = new ClusterOptions();

    private final OutputOptions output = new OutputOptions();

    GcCommand(Invocation invocation) {
        this.invocation = invocation;
    }

    @Override
    public void addSharedOptions(CommandLine commandLine) {
        commandLine.addMixin("cluster", cluster.mixin());
        commandLine.addMixin("output", output.mixin());
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        // What the run says of the paths it resolved reads as the user wrote them (the resident engine's requests).
        PathNames names = PathNames.of(invocation, cluster.kubeconfig().orElse(null));
        // The run's environment: the JVM's for the command line, the client's for the resident engine.
        return output.runAndWrite(invocation, "gc", invocation.path("."), verbose, spec.commandLine().getOut(), err,
                () -> names.name(new Ascent(EngineConfig.fromEnvironment(invocation.environment())).gc(
                new GcOptions(olderThan, dryRun, cluster.kubeconfig().map(invocation::path), cluster.context()),
                verbose ? new StderrProgress(names.name(err)) : ProgressListener.SILENT)));
    }
}

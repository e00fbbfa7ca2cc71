package io.ascent.cli;

import io.ascent.core.Ascent;
import io.ascent.core.EngineConfig;
import io.ascent.core.report.Report;
import io.ascent.core.DoctorOptions;
import io.ascent.core.progress.ProgressListener;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ascent doctor}: provisioning preflight alone; changes nothing. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Check that this machine can create the cluster the checklist asks for.",
            "Changes nothing, and needs no checklist.",
            "kind: container engine and daemon, cgroups of the engine's host, kind and",
            "its node image for the Kubernetes version, kubectl skew, inotify, free disk.",
            "existing: the kubeconfig resolves, the server answers, its version suits",
            "the target, the credentials may create namespaces.",
            "With --kubeconfig: clusterctl against the cluster's ClusterAPI providers."},
        footerHeading = "%nExit status:%n",
        footer = {"  0 ready, 1 a check failed, 2 invalid input or usage,",
            "  3 no engine daemon or no kind, 4 internal error"})
final class DoctorCommand implements Callable<Integer>, SharedOptions {

    @Spec
    private CommandSpec spec;

    private final Invocation invocation;

    private final ApplicationOptions application = new ApplicationOptions();

    @Option(names = "--driver", paramLabel = "kind|existing",
            description = "Cluster driver; overrides the checklist's provision.cluster.driver (default: kind).")
    private String driver;

    @Option(names = {"-v", "--verbose"}, description = "Print each check as it runs on standard error.")
    private boolean verbose;

    private final ClusterOptions cluster = new ClusterOptions();

    private final KindMountOption kindMounts = new KindMountOption();

    private final OutputOptions output = new OutputOptions();

    DoctorCommand(Invocation invocation) {
        this.invocation = invocation;
    }

    @Override
    public void addSharedOptions(CommandLine commandLine) {
        commandLine.addMixin("cluster", cluster.mixin());
        commandLine.addMixin("kindMounts", kindMounts.mixin());
        commandLine.addMixin("application", application.mixin());
        commandLine.addMixin("output", output.mixin());
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        Path directory = invocation.path(application.directory());
        // What the run says of the paths it resolved reads as the user wrote them (the resident engine's requests).
        PathNames names = PathNames.of(invocation, application.directory(), cluster.kubeconfig().orElse(null));
        // The run's environment: the JVM's for the command line, the client's for the resident engine.
        return output.runAndWrite(invocation, "doctor", directory, verbose, spec.commandLine().getOut(), err, () -> {
            Report report = new Ascent(EngineConfig.fromEnvironment(invocation.environment())).doctor(
                    new DoctorOptions(directory, application.checklist().map(invocation::path),
                            Optional.ofNullable(driver), application.kubernetesVersion(),
                            cluster.kubeconfig().map(invocation::path), cluster.context(),
                            kindMounts.folders(invocation)),
                    verbose ? new StderrProgress(names.name(err)) : ProgressListener.SILENT);
            return names.name(report);
        });
    }
}

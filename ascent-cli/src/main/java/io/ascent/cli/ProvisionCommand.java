package io.ascent.cli;

import io.ascent.core.Ascent;
import io.ascent.core.EngineConfig;
import io.ascent.core.provision.Keep;
import io.ascent.core.provision.ProvisionOptions;
import io.ascent.core.provision.kube.KubeConnections;
import io.ascent.core.report.Report;
import io.ascent.core.report.render.Format;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code ascent provision}: proves the application deploys, in a throw-away cluster or namespace. Its command line is
 * built in code ({@link #commandSpec()}), not from annotations, as {@code validate}'s is: with the annotations, building
 * and parsing its command line took a cold JVM about 2.7 times as long (see {@link OptionBinding}; docs/performance.md,
 * "Cold provision").
 */
final class ProvisionCommand implements Callable<Integer> {

    static final String NAME = "provision";

    /** How long a JVM shutdown waits for the report of the interrupted run. */
    private static final Duration REPORT_GRACE = Duration.ofSeconds(180);

    private CommandSpec spec;
    private final Invocation invocation;
    private final ApplicationOptions application = new ApplicationOptions();
    private final OptionBinding<String> driverOption = OptionBinding.initially(null);
    private final OptionBinding<String> kindOption = OptionBinding.initially(null);
    private final OptionBinding<String> keepOption = OptionBinding.initially(null);
    private final OptionBinding<Duration> timeoutOption = OptionBinding.initially(null);
    private final OptionBinding<Boolean> dryRunOption = OptionBinding.initially(false);
    private final OptionBinding<List<String>> testsOption = OptionBinding.initially(new ArrayList<>());
    private final GitSourceOption source = new GitSourceOption();
    private final OptionBinding<Boolean> verboseOption = OptionBinding.initially(false);
    private final ClusterOptions cluster = new ClusterOptions();
    private final KindMountOption kindMounts = new KindMountOption();
    private final OutputOptions output = new OutputOptions();
    private final Optional<KubeConnections> warm;

    private ProvisionCommand(Invocation invocation, Optional<KubeConnections> warm) {
        this.invocation = invocation;
        this.warm = warm;
    }

    /**
     * A fresh command with its options, for {@code CommandLine.addSubcommand}. The options are added in the order
     * the annotated command had them (its own, the cluster's, the help options, then the shared ones), which is the
     * order "did you mean" prefers among equally near names.
     */
    static CommandSpec commandSpec() {
        return commandSpec(Invocation.ofProcess(new PrintWriter(System.out, true), new PrintWriter(System.err, true)),
                Optional.empty());
    }

    /** As {@link #commandSpec()}, the run taking over the connections {@link ClusterWarmUp} started warming. */
    static CommandSpec commandSpec(Invocation invocation, Optional<KubeConnections> warm) {
        ProvisionCommand command = new ProvisionCommand(invocation, warm);
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name(NAME);
        command.spec = spec;
        spec.usageMessage()
                .description("Prove that the application deploys, in a throw-away kind cluster or namespace.",
                        "Validate it, run preflight checks, create a cluster (kind)",
                        "or a namespace (existing), apply the manifests, wait for the rollout, run the smoke tests, "
                                + "and tear",
                        "everything down again, whatever happens.")
                .footerHeading("%nExit status:%n")
                .footer("  0 passed, 1 gating items failed, 2 invalid input or usage, 3 environment, 4 internal error");
        spec.addOption(command.driverOption.bind(OptionSpec.builder("--driver"), String.class)
                .paramLabel("kind|existing")
                .description("kind: a fresh kind cluster. existing: a fresh namespace in the kubeconfig's cluster. "
                        + "Default: the checklist's provision.cluster.driver.").build());
        spec.addOption(command.kindOption.bind(OptionSpec.builder("--kind"), String.class)
                .paramLabel("PATH")
                .description("The kind executable (default: the ASCENT_KIND environment variable, then kind on the "
                        + "PATH).").build());
        spec.addOption(command.keepOption.bind(OptionSpec.builder("--keep"), String.class)
                .paramLabel("never|on-failure|always")
                .description("Keep the cluster or namespace afterwards (default: the checklist's provision.teardown).")
                .build());
        spec.addOption(command.timeoutOption.bind(OptionSpec.builder("--timeout"), Duration.class)
                .paramLabel("DURATION").converters(new DurationConverter())
                .description("How long the rollout may take, such as 90s, 5m or 1m30s (default: the checklist's "
                        + "provision.deploy.timeout).").build());
        spec.addOption(command.dryRunOption.bind(OptionSpec.builder("--dry-run"), boolean.class)
                .description("Print the plan (driver, apply order, waits, tests) and touch nothing.").build());
        spec.addOption(command.testsOption.bind(OptionSpec.builder("--test"), List.class)
                .auxiliaryTypes(String.class).paramLabel("NAME")
                .description("Run only this smoke test of the checklist's provision.tests (repeatable); the others "
                        + "are reported as skipped. Default: all of them.").build());
        spec.addOption(command.verboseOption.bind(OptionSpec.builder("-v", "--verbose"), boolean.class)
                .description("Also print every intermediate state of every wait.").build());
        spec.addMixin("cluster", command.cluster.mixin());
        spec.addMixin("kindMounts", command.kindMounts.mixin());
        HelpOptions.addTo(spec);
        spec.addMixin("application", command.application.mixin());
        spec.addMixin("source", command.source.mixin());
        return spec.addMixin("output", command.output.mixin());
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean verbose = verboseOption.value();
        String driver = driverOption.value();
        String keep = keepOption.value();
        Path directory = invocation.path(application.directory());
        Map<Format, Path> destinations;
        try {
            destinations = output.destinations(invocation, directory);
            output.checkVerbosity(verbose);
        } catch (OutputOptions.UsageException e) {
            err.println("ascent provision: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        if (driver != null && !List.of("kind", "existing").contains(driver)) {
            err.println("ascent provision: --driver must be kind or existing, not '" + driver + "'");
            return ExitCodes.INVALID_INPUT;
        }
        Keep keeping = null;
        if (keep != null) {
            try {
                keeping = Keep.fromLabel(keep);
            } catch (IllegalArgumentException e) {
                err.println("ascent provision: --keep " + e.getMessage());
                return ExitCodes.INVALID_INPUT;
            }
        }
        ProvisionOptions options = ProvisionOptions.builder(directory)
                .checklist(application.checklist().map(invocation::path).orElse(null)).driver(driver)
                .kubeconfig(cluster.kubeconfig().map(invocation::path).orElse(null)).context(cluster.context().orElse(null))
                .kubernetesVersion(application.kubernetesVersion().orElse(null)).keep(keeping)
                .timeout(timeoutOption.value())
                .dryRun(dryRunOption.value()).noGit(source.noGit()).tests(testsOption.value())
                .kind(kindExecutable()).kindMounts(kindMounts.folders(invocation))
                .excerpts(destinations.containsKey(Format.HTML)).build();
        // On Ctrl-C or SIGTERM the run is interrupted in any phase (validation and preflight too; once a cluster
        // exists the engine's own hook tears it down) and the JVM kept alive until the report of that interrupted run
        // is written (bounded: the engine's grace plus a little).
        try (StopSource.Armed stop = invocation.stop().arm(REPORT_GRACE)) {
            return provision(options, destinations, verbose, out, err, stop);
        }
    }

    /** {@code --kind}: a path (relative to the run's directory) when it names one, else a name looked up on PATH. */
    private String kindExecutable() {
        String kind = kindOption.value();
        return kind == null || !kind.contains(java.io.File.separator) ? kind : invocation.path(kind).toString();
    }

    private int provision(ProvisionOptions options, Map<Format, Path> destinations, boolean verbose, PrintWriter out,
            PrintWriter err, StopSource.Armed stop) {
        EngineConfig config;
        try {
            // The same engine configuration as validate (cache folder, ASCENT_ALLOWED_URLS, ...): the static
            // validation that runs first must judge as validate would. The run's environment: the JVM's for the
            // command line (a Jenkins agent passes the build's instead), the client's for the resident engine.
            config = EngineConfig.fromEnvironment(invocation.environment());
        } catch (IllegalArgumentException e) {
            err.println("ascent provision: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        // A dry run is over at once: its plan is read in the text report when that goes to standard output
        boolean planOnStdout = options.dryRun() && destinations.containsKey(Format.TEXT)
                && destinations.get(Format.TEXT) == null;
        // What the run says of the paths it resolved reads as the user wrote them (the resident engine's requests).
        String kind = kindOption.value();
        PathNames names = PathNames.of(invocation, application.directory(), cluster.kubeconfig().orElse(null),
                kind != null && kind.contains(java.io.File.separator) ? kind : null);
        Report report = new Ascent(config).provision(options,
                new ProvisionProgress(names.name(err), verbose, !planOnStdout),
                warm.orElseGet(() -> new KubeConnections(config.environment())));
        stop.writing(); // an interrupted run (Ctrl-C) still writes its report
        report = names.name(report);
        return output.writeAndSummarize(invocation, "provision", report, destinations, verbose, out, err);
    }

    /** {@code 90s}, {@code 5m}, {@code 1m30s}, {@code 1h}: the checklist's duration spelling. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        private static final Pattern FORM = Pattern.compile("^(?:([0-9]{1,4})h)?(?:([0-9]{1,4})m)?(?:([0-9]{1,6})s)?$");

        @Override
        public Duration convert(String value) {
            Matcher m = FORM.matcher(value);
            if (value.isEmpty() || !m.matches()) {
                throw new picocli.CommandLine.TypeConversionException("'" + value
                        + "' is not a duration; write it as 90s, 5m, 1m30s or 1h");
            }
            Duration duration = Duration.ofHours(part(m.group(1))).plusMinutes(part(m.group(2)))
                    .plusSeconds(part(m.group(3)));
            if (duration.isZero()) {
                throw new picocli.CommandLine.TypeConversionException("--timeout must be longer than 0s");
            }
            return duration;
        }

        private static long part(String group) {
            return group == null ? 0 : Long.parseLong(group);
        }
    }
}

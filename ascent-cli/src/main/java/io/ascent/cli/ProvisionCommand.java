package io.ascent.cli;

import io.ascent.core.Ascent;
import io.ascent.core.EngineConfig;
import io.ascent.core.provision.Keep;
import io.ascent.core.provision.ProvisionOptions;
import io.ascent.core.report.Report;
import io.ascent.core.report.render.Format;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ascent provision}: proves the application deploys, in a throw-away cluster or namespace. */
@Command(name = "provision", mixinStandardHelpOptions = true,
        description = {"Prove that the application deploys, in a throw-away kind cluster or namespace.",
            "Validate it, run preflight checks, create a cluster (kind)",
            "or a namespace (existing), apply the manifests, wait for the rollout, run the smoke tests, and tear",
            "everything down again, whatever happens."},
        footerHeading = "%nExit status:%n",
        footer = {"  0 passed, 1 gating items failed, 2 invalid input or usage, 3 environment, 4 internal error"})
final class ProvisionCommand implements Callable<Integer>, SharedOptions {

    /** How long a JVM shutdown waits for the report of the interrupted run. */
    private static final Duration REPORT_GRACE = Duration.ofSeconds(180);

    @Spec
    private CommandSpec spec;

    private final ApplicationOptions application = new ApplicationOptions();

    @Option(names = "--driver", paramLabel = "kind|existing",
            description = "kind: a fresh kind cluster. existing: a fresh namespace in the kubeconfig's cluster. "
                    + "Default: the checklist's provision.cluster.driver.")
    private String driver;

    @Option(names = "--kind", paramLabel = "PATH", description = "The kind executable (default: the ASCENT_KIND "
            + "environment variable, then kind on the PATH).")
    private String kind;

    @Option(names = "--keep", paramLabel = "never|on-failure|always",
            description = "Keep the cluster or namespace afterwards (default: the checklist's provision.teardown).")
    private String keep;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long the rollout may take, such as 90s, 5m or 1m30s (default: the checklist's "
                    + "provision.deploy.timeout).")
    private Duration timeout;

    @Option(names = "--dry-run", description = "Print the plan (driver, apply order, waits, tests) and touch nothing.")
    private boolean dryRun;

    private final GitSourceOption source = new GitSourceOption();

    @Option(names = {"-v", "--verbose"}, description = "Also print every intermediate state of every wait.")
    private boolean verbose;

    @Mixin
    private ClusterOptions cluster;

    private final OutputOptions output = new OutputOptions();

    @Override
    public void addSharedOptions(CommandLine commandLine) {
        commandLine.addMixin("application", application.mixin());
        commandLine.addMixin("source", source.mixin());
        commandLine.addMixin("output", output.mixin());
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path directory = application.directory();
        Map<Format, Path> destinations;
        try {
            destinations = output.destinations(directory);
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
                .checklist(application.checklist().orElse(null)).driver(driver)
                .kubeconfig(cluster.kubeconfig().orElse(null)).context(cluster.context().orElse(null))
                .kubernetesVersion(application.kubernetesVersion().orElse(null)).keep(keeping).timeout(timeout)
                .dryRun(dryRun).noGit(source.noGit())
                .kind(kind).excerpts(destinations.containsKey(Format.HTML)).build();
        // On Ctrl-C or SIGTERM the engine's own hook interrupts the run and lets it tear down; this one keeps the JVM
        // alive until the report of that interrupted run is written too (bounded: the engine's grace plus a little).
        CountDownLatch reported = new CountDownLatch(1);
        Thread awaitReport = new Thread(() -> {
            try {
                reported.await(REPORT_GRACE.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ascent-report");
        ReportFiles.expectReportAfterShutdown();
        Runtime.getRuntime().addShutdownHook(awaitReport);
        try {
            return provision(options, destinations, out, err);
        } finally {
            reported.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(awaitReport);
            } catch (IllegalStateException e) {
                // shutting down: the hook is running and has just been released
            }
        }
    }

    private int provision(ProvisionOptions options, Map<Format, Path> destinations, PrintWriter out, PrintWriter err) {
        EngineConfig config;
        try {
            // The same engine configuration as validate (cache folder, ASCENT_ALLOWED_URLS, ...): the static
            // validation that runs first must judge as validate would.
            config = EngineConfig.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            err.println("ascent provision: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        // A dry run is over at once: its plan is read in the text report when that goes to standard output
        boolean planOnStdout = options.dryRun() && destinations.containsKey(Format.TEXT)
                && destinations.get(Format.TEXT) == null;
        Report report = new Ascent(config).provision(options, new ProvisionProgress(err, verbose, !planOnStdout));
        Thread.interrupted(); // an interrupted run (Ctrl-C) still writes its report
        return output.writeAndSummarize("provision", report, destinations, verbose, out, err);
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

package io.ascent.cli;

import io.ascent.core.Ascent;
import io.ascent.core.EngineConfig;
import io.ascent.core.ValidateOptions;
import io.ascent.core.network.UrlAllowList;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.report.Report;
import io.ascent.core.report.render.Format;
import io.ascent.core.validation.RunBudget;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code ascent validate}: checks an application directory against its checklist. Its command line is built in code
 * ({@link #commandSpec()}), not from annotations: it is the command that starts most often (see
 * {@link OptionBinding}).
 */
final class ValidateCommand implements Callable<Integer> {

    static final String NAME = "validate";

    /**
     * How long a JVM shutdown waits for the partial report of the run it interrupted: every step stops at its next
     * check of the interrupt (as the time limit stops it), in milliseconds; only a clone's read from a server that
     * does not answer cannot be interrupted, and a stopped process must not wait long for it.
     */
    private static final java.time.Duration REPORT_GRACE = java.time.Duration.ofSeconds(10);

    private CommandSpec spec;
    private final Invocation invocation;
    private final ApplicationOptions application = new ApplicationOptions();
    private final OptionBinding<Boolean> verboseOption = OptionBinding.initially(false);
    private final OptionBinding<String> repositoryOption = OptionBinding.initially(null);
    private final OptionBinding<String> refOption = OptionBinding.initially(null);
    private final GitSourceOption source = new GitSourceOption();
    private final OptionBinding<Boolean> noBaselineOption = OptionBinding.initially(false);
    private final OptionBinding<List<String>> allowUrlsOption = OptionBinding.initially(new ArrayList<>());
    private final OptionBinding<String> timeLimitOption = OptionBinding.initially(null);
    private final KindMountOption kindMounts = new KindMountOption();
    private final OutputOptions output = new OutputOptions();

    private ValidateCommand(Invocation invocation) {
        this.invocation = invocation;
    }

    /** A fresh command with its options, for {@code CommandLine.addSubcommand}, run by the process itself. */
    static CommandSpec commandSpec() {
        return commandSpec(Invocation.ofProcess(new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** As {@link #commandSpec()}, reading {@code invocation}'s directory, environment and stop. */
    static CommandSpec commandSpec(Invocation invocation) {
        ValidateCommand command = new ValidateCommand(invocation);
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name(NAME);
        command.spec = spec;
        spec.usageMessage()
                .description("Check an application against its ascent.yaml: the checklist itself, then the rules it"
                        + " enables.")
                .footerHeading("%nExit status:%n")
                .footer("  0 passed, 1 gating items failed, 2 invalid input or usage, 3 environment, 4 internal"
                        + " error,", "  130 interrupted (partial report)");
        spec.addMixin("application", command.application.mixin());
        spec.addOption(command.verboseOption.bind(OptionSpec.builder("-v", "--verbose"), boolean.class)
                .description("Print each phase and its duration on standard error, and list",
                        "every item (waived, skipped and passed ones too) in text and Markdown.").build());
        spec.addOption(command.repositoryOption.bind(OptionSpec.builder("--repository"), String.class)
                .paramLabel("URL")
                .description("Validate a remote git repository: clone it (shallow, one branch) into a temporary",
                        "directory removed afterwards. DIR is then a path inside it (default: its root).").build());
        spec.addOption(command.refOption.bind(OptionSpec.builder("--ref"), String.class)
                .paramLabel("REF")
                .description("Branch or tag to clone with --repository (default: the remote's default branch).")
                .build());
        spec.addMixin("source", command.source.mixin());
        spec.addOption(command.noBaselineOption.bind(OptionSpec.builder("--no-baseline"), boolean.class)
                .description("Judge every finding as new, ignoring the checklist's baseline file",
                        "(DIR/.ascent-baseline.json by default; written by 'ascent baseline').").build());
        spec.addOption(command.allowUrlsOption.bind(OptionSpec.builder("--allow-url"), List.class)
                .auxiliaryTypes(String.class).paramLabel("PREFIX")
                .description("Allow remote schema locations (kubernetes.schemaLocations) under this URL prefix;",
                        "repeatable, added to ASCENT_ALLOWED_URLS. Without it a checklist's URL is never asked",
                        "(docs/security.md).").build());
        spec.addOption(command.timeLimitOption.bind(OptionSpec.builder("--time-limit"), String.class)
                .paramLabel("DURATION")
                .description("Stop a run that takes longer (90s, 10m, 1h): the repository decides how much work a"
                        + " run", "has. Default: ASCENT_TIME_LIMIT, else 10m. A stopped run exits 2 with what it"
                        + " checked.").build());
        // validate judges the kind configuration's host policy as provision does, so it takes the operator's
        // folders as provision does: a checklist that provision accepts with them passes validate with them
        spec.addMixin("kindMounts", command.kindMounts.mixin());
        spec.addMixin("output", command.output.mixin());
        // Last, as picocli adds them to an annotated command: "did you mean" suggests the first of equally near names.
        return HelpOptions.addTo(spec);
    }

    @Override
    public Integer call() throws InterruptedException {
        boolean verbose = verboseOption.value();
        String repository = repositoryOption.value();
        String ref = refOption.value();
        String timeLimit = timeLimitOption.value();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // With --repository, DIR is a path inside the clone; otherwise it is the run's, relative to its directory.
        Path directory = repository == null ? invocation.path(application.directory()) : application.directory();
        boolean noGit = source.noGit();
        Map<Format, Path> destinations;
        try {
            destinations = output.destinations(invocation, directory);
            output.checkVerbosity(verbose);
        } catch (OutputOptions.UsageException e) {
            err.println("ascent validate: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        if (ref != null && repository == null) {
            err.println("ascent validate: --ref names a branch or tag of --repository URL; add --repository");
            return ExitCodes.INVALID_INPUT;
        }
        if (noGit && repository != null) {
            err.println("ascent validate: --no-git and --repository cannot be combined: a clone is a git repository");
            return ExitCodes.INVALID_INPUT;
        }
        // The run's: the JVM's for the command line (Jenkins gives the build's), the client's for the resident engine.
        Map<String, String> environment = invocation.environment();
        EngineConfig.Builder engine;
        try {
            engine = EngineConfig.builderFromEnvironment(environment)
                    .allowedUrls(UrlAllowList.fromEnvironment(environment).plus(UrlAllowList.of(allowUrlsOption.value())));
        } catch (IllegalArgumentException e) {
            boolean fromEnvironment = e.getMessage().startsWith(UrlAllowList.ENVIRONMENT_VARIABLE)
                    || e.getMessage().startsWith(EngineConfig.TIME_LIMIT_VARIABLE);
            err.println("ascent validate: " + (fromEnvironment ? "" : UrlAllowList.OPTION + ": ") + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        if (timeLimit != null) {
            try {
                engine.timeLimit(RunBudget.parse(timeLimit));
            } catch (IllegalArgumentException e) {
                err.println("ascent validate: --time-limit: " + e.getMessage());
                return ExitCodes.INVALID_INPUT;
            }
        }
        EngineConfig config = engine.build();
        // What the run says of the paths it resolved reads as the user wrote them (the resident engine's requests).
        PathNames names = PathNames.of(invocation, repository == null ? application.directory() : null);
        ValidateOptions options = ValidateOptions.builder(directory)
                .checklist(application.checklist().map(invocation::path).orElse(null))
                .kubernetesVersion(application.kubernetesVersion().orElse(null)).noGit(noGit).repository(repository).ref(ref)
                .noBaseline(noBaselineOption.value()).excerpts(destinations.containsKey(Format.HTML))
                .kindMounts(kindMounts.folders(invocation)).build();
        // Ctrl-C or SIGTERM in any phase (the repository's, the manifests') interrupts the run, and its partial
        // report, marked interrupted, is written before the JVM ends.
        try (StopSource.Armed stop = invocation.stop().arm(REPORT_GRACE)) {
            Report report = new Ascent(config)
                    .validate(options, verbose ? new StderrProgress(names.name(err)) : ProgressListener.SILENT);
            stop.writing();
            report = names.name(report);
            return output.writeAndSummarize(invocation, "validate", report, destinations, verbose, out, err);
        }
    }
}

package io.ascent.core;

import io.ascent.core.catalog.CheckCatalog;
import io.ascent.core.baseline.AppliedBaseline;
import io.ascent.core.checklist.Checklist;
import io.ascent.core.excerpt.ExcerptCollector;
import io.ascent.core.checklist.ChecklistLoader;
import io.ascent.core.checklist.ChecklistRule;
import io.ascent.core.checklist.ChecklistSchema;
import io.ascent.core.checklist.LoadedChecklist;
import io.ascent.core.checklist.WaiverApplier;
import io.ascent.core.manifest.ManifestValidationStep;
import io.ascent.core.manifest.api.ApiLifecycleTable;
import io.ascent.core.manifest.api.KubernetesVersions;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.provision.gc.GarbageCollector;
import io.ascent.core.provision.preflight.Doctor;
import io.ascent.core.provision.preflight.Probes;
import io.ascent.core.provision.ProvisionOptions;
import io.ascent.core.provision.Provisioner;
import io.ascent.core.provision.kube.KubeConnections;
import io.ascent.core.report.ErrorKind;
import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import io.ascent.core.report.Redaction;
import io.ascent.core.report.Report;
import io.ascent.core.report.Severity;
import io.ascent.core.report.Status;
import io.ascent.core.repo.GitWarmUp;
import io.ascent.core.repo.HostGitConfiguration;
import io.ascent.core.repo.RemoteCheckout;
import io.ascent.core.repo.RepositoryRule;
import io.ascent.core.run.Phase;
import io.ascent.core.run.RunRecorder;
import io.ascent.core.run.RunRule;
import io.ascent.core.run.RunSink;
import io.ascent.core.validation.RunBudget;
import io.ascent.core.validation.ValidationContext;
import io.ascent.core.validation.ValidationStep;
import io.ascent.core.workspace.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The engine's front door: what the CLI and the Jenkins plugin call. Every run returns a {@link Report}: bad
 * input, an environment that cannot run the work, a check that throws (Ascent's bug) and a cancelled run are all
 * reported in it, never thrown. One instance may run many validations at once.
 */
public final class Ascent {
    /** Id of the item for a check that threw: Ascent's bug, verdict {@code INTERNAL_ERROR} (exit 4). */
    public static final String INTERNAL_ERROR_ID = RunRule.INTERNAL.id();
    /** The id of the item that says a run was stopped at its time limit. */
    public static final String TIME_LIMIT_ID = RunRule.TIME_LIMIT.id();

    private final EngineConfig config;
    private final List<ValidationStep> steps;

    public Ascent() {
        this(EngineConfig.defaults());
    }

    /** The built-in steps with this configuration. */
    public Ascent(EngineConfig config) {
        this(config, ValidationSteps.builtIn(config));
    }

    public Ascent(EngineConfig config, List<ValidationStep> steps) {
        this.config = config;
        this.steps = List.copyOf(steps);
    }

    /** For tests: a fixed clock (waiver expiry) and chosen steps. */
    public Ascent(Clock clock, List<ValidationStep> steps) {
        this(EngineConfig.builder().clock(clock).build(), steps);
    }

    /** {@link #warmUp(boolean)} for a run that reads git. */
    public static void warmUp() {
        warmUp(true);
    }

    /**
     * Starts loading, on daemon threads, what every validation needs first and no input decides: on one thread JGit's
     * process-wide state (its classes, messages and configuration, with a {@link #ignoreHostGitConfiguration()}
     * request applied first), which the report header's repository read ({@link HeaderIdentity}, on a thread of its own
     * beside the run's checklist) and the repository step need; on another the report's redaction (its
     * secret detectors, which the first text the run reports needs: about 50 ms cold), then the compiled checklist
     * schema, then the default time zone's rules and the locale's number formats. Behind JGit's 30-90 ms of class initialisation the schema was ready
     * later than the run's checklist asked for it (docs/performance.md, "Start-up cuts, third round"). With
     * {@code git} false ({@code --no-git}) no JGit: such a run never reads JGit's state, and loading it first made the
     * run's checklist wait for a schema compile that started only after it, then took CPU from the run's own steps
     * (docs/performance.md, "Cold provision").
     * A command line calls this first thing, so that the loading runs on a second core while it parses its
     * arguments: about a third of a small validation's main thread (docs/performance.md, "CLI cold start"). Each
     * piece is loaded once per JVM by whichever thread asks first, so a run never loads one twice and at most waits
     * for the warm-up to finish it; a failure is left for the run's own use to report. The API lifecycle table is
     * not loaded here but once the checklist names manifests: a run without them never reads it, and reading it
     * anyway cost such runs CPU time (docs/performance.md, "Start-up cuts").
     *
     * @param git whether the run may read git (false for {@code --no-git}); only a hint: a run loads what it needs
     */
    public static void warmUp(boolean git) {
        if (git) {
            // A thread of its own: JGit's classes alone took 30-90 ms cold (docs/performance.md, "Start-up cuts, third
            // round"), and the header's repository read, beside the checklist, and the repository step wait for them.
            inBackground("ascent-warm-up-git", GitWarmUp::load);
        }
        inBackground("ascent-warm-up", () -> {
            Redaction.redact(""); // compiles the secret detectors' patterns, which the report's first text needs
            ChecklistSchema.validator();
            // The default time zone's rules (the JDK's tzdb.dat read again), which the run's date needs on the main
            // thread after its checklist. After the schema, which the main thread waits for sooner (docs/performance.md,
            // "Start-up cuts, fourth round").
            LocalDate.now();
            // The default locale's number symbols, which Java 17 loads for the first String.format of the JVM
            // (about 30 ms cold): the repository step's messages are formatted, on the main thread.
            String.format("%.1f", 0.0);
        });
    }

    /**
     * For a process Ascent owns (the command line): from now on no repository is read with the host's system or user
     * git configuration, so a verdict depends on the commit and the checklist only, and JGit starts no {@code git}
     * process to find the system file (docs/repository-rules.md, "What is read"). Process-wide; call it before
     * {@link #warmUp()}. A shared JVM (the Jenkins plugin) does not call it: other JGit users there expect the host's
     * configuration. Cheap: it only records the request, which whatever reads a repository first applies (the
     * warm-up, on its own thread), so the caller's thread never initialises JGit for it.
     */
    public static void ignoreHostGitConfiguration() {
        HostGitConfiguration.request();
    }

    /** Runs {@code work} on a daemon thread; a failure is left for the run's own use to meet and report. */
    private static void inBackground(String name, Runnable work) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } catch (RuntimeException | LinkageError e) {
                // the run loads it again and reports what is wrong
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Validates an application directory against its checklist. When the thread is interrupted (an aborted
     * build) the run stops, cleans up (a clone is removed), and returns the partial report marked
     * {@link Report#interrupted()}, with the thread's interrupt flag set again.
     *
     * @throws InterruptedException never in practice: kept so that callers written for an earlier version compile
     */
    public Report validate(ValidateOptions options, ProgressListener progress) throws InterruptedException {
        RunRecorder run = new RunRecorder(subject(options), progress, config.clock());
        try (RunBudget budget = RunBudget.start(config.timeLimit())) {
            try {
                if (options.repository().isPresent()) {
                    validateRemote(options, run);
                } else {
                    validateLocal(options, options.directory(), run);
                }
            } catch (InterruptedException e) {
                if (!budget.expired()) {
                    run.interrupted();
                    run.warn("interrupted: the run was cancelled; this report is partial");
                    Thread.currentThread().interrupt();
                }
            } catch (RuntimeException | StackOverflowError e) {
                internalError("validate", e, run);
            }
            if (budget.expired()) {
                // Also when a phase ended quietly on the interrupt instead of throwing: its items may be partial.
                overBudget(budget, run);
            }
        }
        return run.report();
    }

    private static String subject(ValidateOptions options) {
        if (options.repository().isEmpty()) {
            return options.directory().toString();
        }
        String directory = options.directory().toString();
        return RemoteCheckout.withoutCredentials(options.repository().get())
                + (directory.equals(".") ? "" : " (" + directory + ")");
    }

    private void validateLocal(ValidateOptions options, Path directory, RunRecorder run) throws InterruptedException {
        if (!Files.isDirectory(directory)) {
            run.item(ChecklistRule.OPTIONS.item()
                    .status(Status.ERROR)
                    .message("'" + options.directory() + "' is not a directory")
                    .location(Location.of(options.directory().toString()))
                    .build());
            return;
        }
        if (options.kubernetesVersion().isPresent()) {
            try {
                KubernetesVersions.parse(options.kubernetesVersion().get());
            } catch (IllegalArgumentException e) {
                run.item(ChecklistRule.OPTIONS.item()
                        .status(Status.ERROR)
                        .message("--kubernetes-version: " + e.getMessage())
                        .location(Location.of(options.directory().toString()))
                        .build());
                return;
            }
        }
        Workspace workspace = Workspace.of(directory);
        // The header's repository read goes to another thread, so that the checklist comes first; joined once the
        // run is judged (also when judging threw), so every report names its commit as before.
        HeaderIdentity identity = HeaderIdentity.start(options, directory);
        try {
            judge(options, workspace, run);
        } finally {
            identity.applyTo(run);
        }
        if (options.excerpts()) {
            // Also for a broken checklist: its lines are what the reader needs to see.
            run.excerpts(ExcerptCollector.collect(workspace, run.items()));
        }
    }

    /** Reads the checklist and runs every step on the workspace, findings passed through waivers and baseline. */
    private void judge(ValidateOptions options, Workspace workspace, RunRecorder run) throws InterruptedException {
        LoadedChecklist[] loaded = new LoadedChecklist[1];
        run.inPhase("checklist", () -> loaded[0] = new ChecklistLoader(config.clock()).load(workspace,
                options.checklist()));
        run.items(loaded[0].items());
        if (!loaded[0].usable()) {
            return;
        }
        Checklist checklist = loaded[0].checklist().orElseThrow();
        run.checklist(checklist.path());
        if (ManifestValidationStep.readsManifests(checklist)) {
            // The manifest checks read the API lifecycle table: read it on a second core while the repository
            // step runs (loaded once per JVM; a run without manifests never reads it).
            inBackground("ascent-api-table", ApiLifecycleTable::builtIn);
        }
        LocalDate today = LocalDate.now(config.clock());
        Optional<String> version = options.kubernetesVersion().or(() -> checklist.kubernetes().version());
        run.header(header -> header.withKubernetesVersion(version.orElse(null)));
        // The header names the version in every form; where it came from is for --verbose and the JSON log.
        version.ifPresent(v -> run.debug("target Kubernetes version " + v
                + (options.kubernetesVersion().isPresent() ? " (from --kubernetes-version)" : " (from the checklist)")));
        ValidationContext context = new ValidationContext(workspace, checklist, version, today, options.noGit(),
                config.continuousIntegration(), options.kindMounts(), options.kindNodeImages());
        WaiverApplier waivers = new WaiverApplier(checklist, today,
                workspace.displayPath(workspace.applicationDir()));
        // A waiver, the team's explicit decision, wins over the baseline: the finding shows as WAIVED with its reason.
        AppliedBaseline baseline = options.noBaseline() ? AppliedBaseline.NONE : AppliedBaseline.load(workspace, checklist, run);
        RunSink judged = run.mappingItems(item -> baseline.apply(waivers.apply(item)));
        for (ValidationStep step : steps) {
            if (Thread.interrupted()) {
                throw new InterruptedException("cancelled before " + step.name());
            }
            runStep(step, context, judged, run);
        }
        // Only once every step ran: a waiver that excused nothing is worth a look (the finding is fixed, or the
        // waiver's path, resource or id is wrong and it silently waives nothing).
        List<Item> unused = waivers.unused(CheckCatalog::ids);
        if (!unused.isEmpty()) {
            // The checklist step's "waivers are current" PASS was said before any finding was judged: with a WARN
            // of the same rule beside it, it would say the opposite of its own problems.
            run.withdraw(item -> item.status() == Status.PASS && item.id().equals(ChecklistRule.WAIVERS.id()));
        }
        run.items(unused);
        baseline.finish(run.items(), run);
    }

    /**
     * The run used up its time limit: what the repository asks for decides how long a run takes, so a run over its
     * budget is reported like bad input (exit 2), with everything checked until then.
     */
    private static void overBudget(RunBudget budget, RunSink sink) {
        sink.item(Item.builder(TIME_LIMIT_ID, RunRule.TIME_LIMIT.title())
                .severity(Severity.ERROR)
                .error(ErrorKind.INPUT, "the run took longer than its time limit of " + describe(budget.limit())
                        + " and was stopped; the items before this one are what it checked until then")
                .remediation("if the repository is simply that large, raise the limit: --time-limit 30m, or "
                        + EngineConfig.TIME_LIMIT_VARIABLE + "=30m")
                .build());
    }

    private static String describe(Duration limit) {
        return limit.toSecondsPart() == 0 && limit.toMinutes() > 0 ? limit.toMinutes() + " min"
                : limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
    }

    /** A step that throws is Ascent's bug: an internal-error item, and the other steps still run. */
    private static void runStep(ValidationStep step, ValidationContext context, RunSink sink, RunRecorder run)
            throws InterruptedException {
        try (Phase phase = run.phase(step.name())) {
            try {
                step.run(context, sink);
            } catch (InterruptedException e) {
                phase.interrupted();
                throw e;
            } catch (RuntimeException | StackOverflowError | AssertionError e) {
                phase.failed();
                internalError(step.name(), e, run);
            } catch (OutOfMemoryError e) {
                // What the step held is garbage once it has thrown; the report of the other steps still fits. Every
                // input is bounded, so this is a limit Ascent lacks: an internal error, not a stack trace and exit 1.
                phase.failed();
                internalError(step.name(), e, run);
            }
        }
    }

    private static void internalError(String step, Throwable e, RunSink sink) {
        sink.item(Item.builder(INTERNAL_ERROR_ID, RunRule.INTERNAL.title())
                .severity(Severity.ERROR)
                .error(ErrorKind.INTERNAL, "the " + step + " step failed with " + e.getClass().getName()
                        + "; this is a bug in Ascent, the other steps still ran")
                .remediation("please report it with the stack trace (shown with --verbose, or in the JSON report's "
                        + "log at DEBUG)")
                .key(step)
                .build());
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        sink.debug("internal error in the " + step + " step: " + trace);
    }

    /**
     * {@code ascent doctor}: checks that this machine can make the cluster the options (and the directory's
     * checklist) ask for, and changes nothing. A missing container engine daemon or kind is
     * an ERROR item of kind ENVIRONMENT (exit 3). A cancelled run returns a partial report marked interrupted.
     */
    public Report doctor(DoctorOptions options, ProgressListener progress) {
        return new Doctor(config.clock(), Probes.of(config.environment())).run(options, progress);
    }

    /**
     * {@code ascent gc}: deletes the kind clusters, temporary work folders and (given a kubeconfig) namespaces Ascent
     * runs left behind, older than asked; nothing that is not Ascent's. A cancelled run returns a partial report
     * marked interrupted.
     */
    public Report gc(GcOptions options, ProgressListener progress) {
        // The same kind as provision and doctor use (ASCENT_KIND, else kind on the PATH): a cluster a configured kind
        // made is found by that kind only.
        // Runs make their work folders where the JVM's temporary files go (Files.createTempDirectory).
        Probes probes = Probes.of(config.environment());
        return new GarbageCollector(config.clock(), probes.commands(), probes.kind(),
                java.nio.file.Path.of(System.getProperty("java.io.tmpdir")), config.environment())
                .run(options, progress);
    }

    /**
     * Proves the application deploys: validates it, then preflight, cluster, deploy, smoke tests and teardown
     * ({@link Provisioner}). Never throws for bad input, a failing cluster or an interruption: the report says so
     * (after an interruption the thread's interrupt flag is set again).
     */
    public Report provision(ProvisionOptions options, ProgressListener progress) {
        return provision(options, progress, new KubeConnections(config.environment()));
    }

    /**
     * As {@link #provision(ProvisionOptions, ProgressListener)}, talking to clusters through {@code connections},
     * which the run closes at its end. A command line passes the ones it started warming up
     * ({@link KubeConnections#warmUp}) from its words before it parsed them: the run then takes that connection
     * instead of opening its own (docs/performance.md, "The connection's warm-up from the first word"). They must be
     * made with this engine's {@link EngineConfig#environment()}.
     */
    public Report provision(ProvisionOptions options, ProgressListener progress, KubeConnections connections) {
        Report report = new Provisioner(config.clock(), this::validate, Probes.of(config.environment()))
                .run(options, progress, connections);
        // As validate does: the lines around each finding located in the repository (its manifests, the
        // checklist), read after the run.
        return options.excerpts() ? report.withExcerpts(ExcerptCollector.collect(Workspace.of(options.directory()),
                report.items())) : report;
    }

    /** {@code --repository URL}: validates the directory inside a shallow clone, removed afterwards. */
    private void validateRemote(ValidateOptions options, RunRecorder run) throws InterruptedException {
        String url = options.repository().orElseThrow();
        String shown = RemoteCheckout.withoutCredentials(url);
        RemoteCheckout checkout;
        try (Phase clone = run.phase("clone")) {
            try {
                checkout = RemoteCheckout.clone(url, options.ref(), config.temporaryDirectory(),
                        config.networkTimeout(), config.gitCredentials(), config.environment());
            } catch (RemoteCheckout.CloneException e) {
                clone.failed();
                run.item(Item.builder(RepositoryRule.REMOTE.id(), RepositoryRule.REMOTE.title())
                        .error(e.environment() ? ErrorKind.ENVIRONMENT : ErrorKind.INPUT, e.getMessage())
                        .location(Location.of(shown))
                        .remediation(e.environment()
                                ? "check that this machine reaches the remote (network, proxy, DNS) and try again"
                                : "check the URL, the ref (a branch or tag) and your credentials").build());
                return;
            } catch (InterruptedException e) {
                clone.interrupted();
                throw e;
            }
        }
        try {
            Path inside = checkout.directory().resolve(options.directory().toString()).normalize();
            if (!inside.startsWith(checkout.directory())) {
                run.item(Item.builder(RepositoryRule.REMOTE.id(), RepositoryRule.REMOTE.title())
                        .status(Status.ERROR)
                        .message("'" + options.directory() + "' leaves the repository; with --repository the "
                                + "directory is a path inside it")
                        .location(Location.of(options.directory().toString())).build());
                return;
            }
            validateLocal(options, inside, run);
        } finally {
            try {
                checkout.close();
            } catch (IOException e) {
                run.warn("could not remove the clone at " + checkout.directory() + ": " + e.getMessage());
            }
        }
    }
}

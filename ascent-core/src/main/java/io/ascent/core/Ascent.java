package io.ascent.core;

import io.ascent.core.checklist.Checklist;
import io.ascent.core.checklist.ChecklistLoader;
import io.ascent.core.checklist.ChecklistRule;
import io.ascent.core.checklist.LoadedChecklist;
import io.ascent.core.checklist.WaiverApplier;
import io.ascent.core.manifest.api.KubernetesVersion;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.provision.ProvisionOptions;
import io.ascent.core.provision.Provisioner;
import io.ascent.core.report.ErrorKind;
import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import io.ascent.core.report.Report;
import io.ascent.core.report.Severity;
import io.ascent.core.report.Status;
import io.ascent.core.repo.RemoteCheckout;
import io.ascent.core.repo.RepositoryRule;
import io.ascent.core.run.Phase;
import io.ascent.core.run.RunRecorder;
import io.ascent.core.run.RunSink;
import io.ascent.core.validation.ValidationContext;
import io.ascent.core.validation.ValidationStep;
import io.ascent.core.workspace.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
    public static final String INTERNAL_ERROR_ID = "ascent.internal";

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

    /**
     * Validates an application directory against its checklist. When the thread is interrupted (an aborted
     * build) the run stops, cleans up (a clone is removed), and returns the partial report marked
     * {@link Report#interrupted()}, with the thread's interrupt flag set again.
     *
     * @throws InterruptedException never in practice: kept so that callers written for an earlier version compile
     */
    public Report validate(ValidateOptions options, ProgressListener progress) throws InterruptedException {
        RunRecorder run = new RunRecorder(subject(options), progress, config.clock());
        try {
            if (options.repository().isPresent()) {
                validateRemote(options, run);
            } else {
                validateLocal(options, options.directory(), run);
            }
        } catch (InterruptedException e) {
            run.interrupted();
            run.warn("interrupted: the run was cancelled; this report is partial");
            Thread.currentThread().interrupt();
        } catch (RuntimeException | StackOverflowError e) {
            internalError("validate", e, run);
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
                KubernetesVersion.parse(options.kubernetesVersion().get());
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
        LoadedChecklist[] loaded = new LoadedChecklist[1];
        run.inPhase("checklist", () -> loaded[0] = new ChecklistLoader(config.clock()).load(workspace,
                options.checklist()));
        run.items(loaded[0].items());
        if (!loaded[0].usable()) {
            return;
        }
        Checklist checklist = loaded[0].checklist().orElseThrow();
        run.checklist(checklist.path());
        LocalDate today = LocalDate.now(config.clock());
        Optional<String> version = options.kubernetesVersion().or(() -> checklist.kubernetes().version());
        version.ifPresent(v -> run.info("target Kubernetes version " + v
                + (options.kubernetesVersion().isPresent() ? " (from --kubernetes-version)" : " (from the checklist)")));
        ValidationContext context = new ValidationContext(workspace, checklist, version, today, options.noGit());
        WaiverApplier waivers = new WaiverApplier(checklist, today);
        RunSink waived = run.mappingItems(waivers::apply);
        for (ValidationStep step : steps) {
            if (Thread.interrupted()) {
                throw new InterruptedException("cancelled before " + step.name());
            }
            runStep(step, context, waived, run);
        }
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
            }
        }
    }

    private static void internalError(String step, Throwable e, RunSink sink) {
        sink.item(Item.builder(INTERNAL_ERROR_ID, "Ascent ran every check without an internal error")
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
     * Proves the application deploys: validates it, then preflight, cluster, deploy, smoke tests and teardown
     * ({@link Provisioner}). Never throws for bad input, a failing cluster or an interruption: the report says so
     * (after an interruption the thread's interrupt flag is set again).
     */
    public Report provision(ProvisionOptions options, ProgressListener progress) {
        return new Provisioner(config.clock(), this::validate).run(options, progress);
    }

    /** {@code --repository URL}: validates the directory inside a shallow clone, removed afterwards. */
    private void validateRemote(ValidateOptions options, RunRecorder run) throws InterruptedException {
        String url = options.repository().orElseThrow();
        String shown = RemoteCheckout.withoutCredentials(url);
        RemoteCheckout checkout;
        try (Phase clone = run.phase("clone")) {
            try {
                checkout = RemoteCheckout.clone(url, options.ref(), config.temporaryDirectory(),
                        config.networkTimeout());
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

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
import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import io.ascent.core.report.Report;
import io.ascent.core.report.Status;
import io.ascent.core.repo.RemoteCheckout;
import io.ascent.core.repo.RepositoryRule;
import io.ascent.core.validation.ValidationContext;
import io.ascent.core.validation.ValidationStep;
import io.ascent.core.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The engine's front door: what the CLI and the Jenkins plugin call. Every run returns a {@link Report}; bad input
 * is reported in it, never thrown.
 */
public final class Ascent {

    private final Clock clock;
    private final List<ValidationStep> steps;

    public Ascent() {
        this(Clock.systemDefaultZone(), ValidationSteps.builtIn());
    }

    /** For tests: a fixed clock (waiver expiry) and chosen steps. */
    public Ascent(Clock clock, List<ValidationStep> steps) {
        this.clock = clock;
        this.steps = List.copyOf(steps);
    }

    /**
     * Validates an application directory against its checklist.
     *
     * @throws InterruptedException when the run is cancelled (an aborted build)
     */
    public Report validate(ValidateOptions options, ProgressListener progress) throws InterruptedException {
        if (options.repository().isPresent()) {
            return validateRemote(options, progress);
        }
        Report.Builder report = Report.builder(options.directory().toString());
        if (!Files.isDirectory(options.directory())) {
            return report.add(ChecklistRule.OPTIONS.item()
                    .status(Status.ERROR)
                    .message("'" + options.directory() + "' is not a directory")
                    .location(Location.of(options.directory().toString()))
                    .build()).build();
        }
        if (options.kubernetesVersion().isPresent()) {
            try {
                KubernetesVersion.parse(options.kubernetesVersion().get());
            } catch (IllegalArgumentException e) {
                return report.add(ChecklistRule.OPTIONS.item()
                        .status(Status.ERROR)
                        .message("--kubernetes-version: " + e.getMessage())
                        .location(Location.of(options.directory().toString()))
                        .build()).build();
            }
        }
        Workspace workspace = Workspace.of(options.directory());
        progress.phaseStarted("checklist");
        long start = System.nanoTime();
        LoadedChecklist loaded = new ChecklistLoader(clock).load(workspace, options.checklist());
        progress.phaseFinished("checklist", Duration.ofNanos(System.nanoTime() - start));
        report.addAll(loaded.items());
        if (!loaded.usable()) {
            return report.build();
        }
        Checklist checklist = loaded.checklist().orElseThrow();
        report.checklist(checklist.path());
        LocalDate today = LocalDate.now(clock);
        Optional<String> version = options.kubernetesVersion().or(() -> checklist.kubernetes().version());
        version.ifPresent(v -> report.info("target Kubernetes version " + v
                + (options.kubernetesVersion().isPresent() ? " (from --kubernetes-version)" : " (from the checklist)")));
        ValidationContext context = new ValidationContext(workspace, checklist, version, today, progress,
                options.noGit());
        List<Item> found = new ArrayList<>();
        for (ValidationStep step : steps) {
            progress.phaseStarted(step.name());
            long stepStart = System.nanoTime();
            found.addAll(step.run(context));
            progress.phaseFinished(step.name(), Duration.ofNanos(System.nanoTime() - stepStart));
        }
        report.addAll(new WaiverApplier(checklist, today).apply(found));
        return report.build();
    }

    /**
     * Proves the application deploys: validates it, then preflight, cluster, deploy, smoke tests and teardown
     * ({@link Provisioner}). Never throws for bad input, a failing cluster or an interruption: the report says so
     * (after an interruption the thread's interrupt flag is set again).
     */
    public Report provision(ProvisionOptions options, ProgressListener progress) {
        return new Provisioner(clock, this::validate).run(options, progress);
    }

    /** {@code --repository URL}: validates the directory inside a shallow clone, removed afterwards. */
    private Report validateRemote(ValidateOptions options, ProgressListener progress) throws InterruptedException {
        String subject = RemoteCheckout.withoutCredentials(options.repository().orElseThrow());
        progress.phaseStarted("clone");
        long start = System.nanoTime();
        try (RemoteCheckout checkout = RemoteCheckout.clone(options.repository().get(), options.ref())) {
            progress.phaseFinished("clone", Duration.ofNanos(System.nanoTime() - start));
            Path inside = checkout.directory().resolve(options.directory().toString()).normalize();
            if (!inside.startsWith(checkout.directory())) {
                return Report.builder(subject).add(Item.builder(RepositoryRule.REMOTE.id(), RepositoryRule.REMOTE.title())
                        .status(Status.ERROR)
                        .message("'" + options.directory() + "' leaves the repository; with --repository the "
                                + "directory is a path inside it")
                        .location(Location.of(options.directory().toString())).build()).build();
            }
            Report local = validate(options.withDirectory(inside), progress);
            return new Report(subject + (options.directory().toString().equals(".") ? ""
                    : " (" + options.directory() + ")"), local.checklist(), local.createdAt(), local.items(),
                    local.log(), local.environmentFailed());
        } catch (IOException e) {
            return Report.builder(subject).add(Item.builder(RepositoryRule.REMOTE.id(), RepositoryRule.REMOTE.title())
                    .status(Status.ERROR)
                    .message(e.getMessage())
                    .location(Location.of(subject))
                    .remediation("check the URL, the ref (a branch or tag) and your credentials").build()).build();
        }
    }
}

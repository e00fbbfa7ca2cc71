package io.ascent.core;

import io.ascent.core.checklist.Checklist;
import io.ascent.core.checklist.ChecklistLoader;
import io.ascent.core.checklist.LoadedChecklist;
import io.ascent.core.checklist.WaiverApplier;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import io.ascent.core.report.Report;
import io.ascent.core.report.Status;
import io.ascent.core.validation.ValidationContext;
import io.ascent.core.validation.ValidationStep;
import io.ascent.core.workspace.Workspace;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The engine's front door: what the CLI and the Jenkins plugin call. Every run returns a {@link Report}; bad input
 * is reported in it, never thrown.
 */
public final class Ascent {
    private static final Pattern KUBERNETES_VERSION = Pattern.compile("^v?1\\.[0-9]{1,2}(\\.[0-9]{1,3})?$");

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
        Report.Builder report = Report.builder(options.directory().toString());
        if (!Files.isDirectory(options.directory())) {
            return report.add(Item.builder("checklist.file", "Application directory exists")
                    .status(Status.ERROR)
                    .message("'" + options.directory() + "' is not a directory")
                    .location(Location.of(options.directory().toString()))
                    .build()).build();
        }
        if (options.kubernetesVersion().filter(v -> !KUBERNETES_VERSION.matcher(v).matches()).isPresent()) {
            return report.add(Item.builder("checklist.options", "Options are valid")
                    .status(Status.ERROR)
                    .message("--kubernetes-version '" + options.kubernetesVersion().get()
                            + "' is not a Kubernetes version; write X.Y or X.Y.Z, such as 1.31")
                    .location(Location.of(options.directory().toString()))
                    .build()).build();
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
        ValidationContext context = new ValidationContext(workspace, checklist, version, today, progress);
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
}

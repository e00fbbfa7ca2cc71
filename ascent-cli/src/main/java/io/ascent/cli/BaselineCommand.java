package io.ascent.cli;

import io.ascent.core.Ascent;
import io.ascent.core.EngineConfig;
import io.ascent.core.ValidateOptions;
import io.ascent.core.baseline.Baseline;
import io.ascent.core.baseline.BaselineJson;
import io.ascent.core.checklist.Checklist;
import io.ascent.core.checklist.ChecklistLoader;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import io.ascent.core.report.Status;
import io.ascent.core.report.Verdict;
import io.ascent.core.report.render.PlainText;
import io.ascent.core.workspace.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ascent baseline [DIR]}: validates DIR, ignoring any baseline, and records every finding's fingerprint in
 * the checklist's {@code baseline} file ({@code DIR/.ascent-baseline.json} by default), so that later runs fail only
 * on new findings.
 */
@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = {"Record today's findings so that later runs fail only on new ones.",
            "They go to the checklist's 'baseline' file, DIR/" + Baseline.FILE_NAME + " by default",
            "(commit it): later runs of 'ascent validate' show those findings as BASELINED and fail only on",
            "new ones, and warn about entries whose finding is gone. Checklist findings (an expired waiver)",
            "are never baselined."},
        footerHeading = "%nExit status:%n",
        footer = {"  0 written, 2 invalid input (the run's ERROR items are printed, nothing is written),",
            "  3 environment or the file cannot be written, 4 internal error, 130 interrupted"})
final class BaselineCommand implements Callable<Integer>, SharedOptions {

    @Spec
    private CommandSpec spec;

    private final Invocation invocation;

    private final ApplicationOptions application = new ApplicationOptions();

    private final GitSourceOption source = new GitSourceOption();

    BaselineCommand(Invocation invocation) {
        this.invocation = invocation;
    }

    @Override
    public void addSharedOptions(CommandLine commandLine) {
        commandLine.addMixin("application", application.mixin());
        commandLine.addMixin("source", source.mixin());
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path directory = invocation.path(application.directory());
        Optional<Path> checklistFile = application.checklist().map(invocation::path);
        boolean noGit = source.noGit();
        EngineConfig config;
        try {
            // The run's environment: the JVM's for the command line, the client's for the resident engine.
            config = EngineConfig.fromEnvironment(invocation.environment());
        } catch (IllegalArgumentException e) {
            err.println("ascent baseline: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        ValidateOptions options = ValidateOptions.builder(directory).checklist(checklistFile.orElse(null))
                .kubernetesVersion(application.kubernetesVersion().orElse(null)).noGit(noGit).noBaseline(true).build();
        // What the run says of the paths it resolved reads as the user wrote them (the resident engine's requests).
        Report report = PathNames.of(invocation, application.directory())
                .name(new Ascent(config).validate(options, ProgressListener.SILENT));
        Verdict verdict = report.verdict();
        if (verdict != Verdict.PASSED && verdict != Verdict.FAILED) {
            err.println("ascent baseline: nothing written: the run ended " + verdict.name().replace('_', ' ')
                    + " (exit " + verdict.exitStatus() + "); a baseline records findings, not errors. Fix these first:");
            for (Item item : report.items()) {
                if (item.status() == Status.ERROR) {
                    err.println("  " + (item.location() == null ? "" : PlainText.line(item.location().toString())
                            + ": ") + PlainText.line(item.message()) + " [" + PlainText.line(item.id()) + "]");
                }
            }
            return verdict.exitStatus();
        }
        // The run read the checklist, so it is usable; its 'baseline' key stayed inside the repository.
        Workspace workspace = Workspace.of(directory);
        Checklist loaded = new ChecklistLoader(Clock.systemUTC()).load(workspace, checklistFile)
                .checklist().orElseThrow();
        Path target = directory.resolve(loaded.baseline()).normalize();
        // the file as the command line names it: under DIR as the user wrote it, not as the engine resolved it
        Path shown = application.directory().resolve(loaded.baseline()).normalize();
        if (Files.isSymbolicLink(target) || Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            // A repository could commit the name as a link to make Ascent write somewhere else.
            err.println("ascent baseline: " + shown + " is not a regular file (a link, folder or device); "
                    + "remove it first");
            return ExitCodes.INVALID_INPUT;
        }
        if (workspace.resolveInside(loaded.baseline()).isEmpty()) {
            // A folder on the way that is a link out of the repository (the path itself was checked with the
            // checklist, which the run read).
            err.println("ascent baseline: " + shown + " is outside the repository; name a file inside it in the "
                    + "checklist's 'baseline'");
            return ExitCodes.INVALID_INPUT;
        }
        Baseline baseline = Baseline.of(report.items());
        StringWriter text = new StringWriter();
        try {
            BaselineJson.write(baseline, text);
            ReportFiles.write(Map.of(target, text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            err.println("ascent baseline: cannot write " + shown + ": " + e.getMessage());
            return ExitCodes.ENVIRONMENT;
        }
        Map<String, Integer> byCheck = new TreeMap<>();
        baseline.entries().forEach(entry -> byCheck.merge(entry.id(), entry.count(), Integer::sum));
        out.println("ascent baseline: wrote " + shown + " with " + baseline.findings()
                + (baseline.findings() == 1 ? " finding" : " findings") + (byCheck.isEmpty() ? "" : ":"));
        byCheck.forEach((id, count) -> out.println("  " + PlainText.line(id) + " " + count));
        out.println("Commit it: 'ascent validate " + application.directory() + (noGit ? " --no-git" : "")
                + "' now fails only on findings not in it.");
        return ExitCodes.OK;
    }
}

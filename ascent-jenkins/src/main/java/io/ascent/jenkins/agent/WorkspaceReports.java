package io.ascent.jenkins.agent;

import io.ascent.core.Ascent;
import io.ascent.core.checklist.ChecklistRule;
import io.ascent.core.report.Location;
import io.ascent.core.report.Report;
import io.ascent.core.report.Status;
import io.ascent.core.report.render.Format;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the agent-side callables of {@code ascentValidate} and {@code ascentProvision} share about the workspace:
 * paths from the Pipeline that must stay inside it, and the report files written into it.
 */
final class WorkspaceReports {

    private WorkspaceReports() {
    }

    /**
     * The request's paths resolved inside the workspace.
     *
     * @param directory the application directory
     * @param checklist the checklist, or empty for the directory's own
     * @param reports   the folder for the report files
     * @param refusal   when set, a path left the workspace and this report says which; the others are then null
     */
    record Paths(Path directory, Optional<Path> checklist, Path reports, Report refusal) {
    }

    /**
     * A run on the agent ready to start, or refused before it starts.
     *
     * @param root    the workspace
     * @param paths   the request's paths inside it
     * @param engine  the engine configured for the agent
     * @param refusal when set, the answer to return without running: a path left the workspace, or the agent's
     *                allow-list is malformed; the other fields may then be null
     */
    record Prepared(Path root, Paths paths, Ascent engine, AgentReport refusal) {
    }

    /**
     * Resolves the request's paths and configures the engine in the run's {@code environment}
     * ({@link BuildEnvironment#onAgent}), as both callables start.
     */
    static Prepared prepare(File workspace, ValidateRequest request, Map<String, String> environment)
            throws IOException {
        Path root = workspace.toPath().toAbsolutePath().normalize();
        Paths paths = resolve(root, request);
        if (paths.refusal() != null) {
            return new Prepared(root, paths, null, new AgentReport(paths.refusal(), Map.of()));
        }
        try {
            return new Prepared(root, paths, ValidateCallable.engine(request, environment), null);
        } catch (IllegalArgumentException e) {
            return new Prepared(root, paths, null, new AgentReport(refused(request.directory(), e.getMessage(),
                    "fix that variable in the environment the agent process is started with (not a node property "
                            + "or withEnv: Ascent reads its operator settings from the agent process)"), Map.of()));
        }
    }

    /** Resolves {@code dir}, {@code checklist} and {@code reports} against the workspace, refusing any that leaves it. */
    static Paths resolve(Path root, ValidateRequest request) throws IOException {
        Optional<Path> directory = inside(root, request.directory());
        if (directory.isEmpty()) {
            return refusal(request, "dir '" + request.directory() + "' leaves the workspace");
        }
        Optional<Path> checklist = Optional.empty();
        if (!request.checklist().isEmpty()) {
            checklist = inside(root, directory.get().resolve(request.checklist()).toString());
            if (checklist.isEmpty()) {
                return refusal(request, "checklist '" + request.checklist() + "' leaves the workspace");
            }
        }
        Optional<Path> reports = inside(root, request.reports());
        if (reports.isEmpty()) {
            return refusal(request, "reports '" + request.reports() + "' leaves the workspace");
        }
        return new Paths(directory.get(), checklist, reports.get(), null);
    }

    private static Paths refusal(ValidateRequest request, String message) {
        return new Paths(null, Optional.empty(), null, refused(request.directory(), message));
    }

    /** The path resolved against the workspace, or empty when it leaves it (also through a symbolic link). */
    static Optional<Path> inside(Path root, String path) throws IOException {
        Path resolved = root.resolve(path).normalize();
        if (!resolved.startsWith(root)) {
            return Optional.empty();
        }
        Path existing = resolved;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !existing.toRealPath().startsWith(root.toRealPath())) {
            return Optional.empty();
        }
        return Optional.of(resolved);
    }

    /**
     * Writes the report in each format into {@code folder}.
     *
     * @return each file by format label, relative to the workspace with {@code /}
     */
    static Map<String, String> write(Path root, Path folder, List<Format> formats, Report report)
            throws IOException {
        Map<String, String> written = new LinkedHashMap<>();
        for (Format format : formats) {
            Path target = folder.resolve(format.fileName());
            format.write(report, target);
            written.put(format.label(), root.relativize(target).toString().replace(File.separatorChar, '/'));
        }
        return written;
    }

    /** The report under the name the Pipeline gave (the engine names it by the agent's absolute path). */
    static Report named(String directory, Report report) {
        return report.withSubject(directory);
    }

    /** A report of one ERROR item: a path from the Pipeline that leaves the workspace. */
    static Report refused(String directory, String message) {
        return refused(directory, message, "use a path inside the workspace");
    }

    private static Report refused(String directory, String message, String remediation) {
        return Report.builder(directory).add(ChecklistRule.OPTIONS.item()
                .status(Status.ERROR)
                .message(message)
                .location(Location.of(directory))
                .remediation(remediation)
                .build()).build();
    }
}

package io.ascent.jenkins.agent;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.ascent.core.Ascent;
import io.ascent.core.ValidateOptions;
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
import java.util.Map;
import java.util.Optional;
import jenkins.MasterToSlaveFileCallable;

/**
 * Runs the engine where the workspace is (the agent), streams its progress to the build log, writes the report files
 * into the workspace and returns the report. Paths given by the Pipeline stay inside the workspace.
 */
public final class ValidateCallable extends MasterToSlaveFileCallable<AgentReport> {

    private static final long serialVersionUID = 1L;

    private final ValidateRequest request;
    private final TaskListener listener;

    public ValidateCallable(ValidateRequest request, TaskListener listener) {
        this.request = request;
        this.listener = listener;
    }

    ValidateRequest request() {
        return request;
    }

    /**
     * @throws InterruptedException when the build is aborted (remoting interrupts this thread)
     * @throws IOException          when a report file cannot be written
     */
    @Override
    public AgentReport invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        Path root = workspace.toPath().toAbsolutePath().normalize();
        Optional<Path> directory = inside(root, request.directory());
        if (directory.isEmpty()) {
            return new AgentReport(refused("dir '" + request.directory() + "' leaves the workspace"), Map.of());
        }
        Optional<Path> checklist = Optional.empty();
        if (!request.checklist().isEmpty()) {
            checklist = inside(root, directory.get().resolve(request.checklist()).toString());
            if (checklist.isEmpty()) {
                return new AgentReport(refused("checklist '" + request.checklist() + "' leaves the workspace"),
                        Map.of());
            }
        }
        Optional<Path> reports = inside(root, request.reports());
        if (reports.isEmpty()) {
            return new AgentReport(refused("reports '" + request.reports() + "' leaves the workspace"), Map.of());
        }
        ValidateOptions options = new ValidateOptions(directory.get(), checklist,
                request.kubernetesVersion().isEmpty() ? Optional.empty() : Optional.of(request.kubernetesVersion()));
        Report report = new Ascent().validate(options, new LogProgress(listener.getLogger()));
        return new AgentReport(report, write(root, reports.get(), report));
    }

    private Map<String, String> write(Path root, Path folder, Report report) throws IOException {
        Map<String, String> written = new LinkedHashMap<>();
        for (Format format : request.formats()) {
            Path target = folder.resolve(format.fileName());
            format.write(report, target);
            written.put(format.label(), root.relativize(target).toString().replace(File.separatorChar, '/'));
        }
        return written;
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

    private Report refused(String message) {
        return Report.builder(request.directory()).add(ChecklistRule.OPTIONS.item()
                .status(Status.ERROR)
                .message(message)
                .location(Location.of(request.directory()))
                .remediation("use a path inside the workspace")
                .build()).build();
    }
}

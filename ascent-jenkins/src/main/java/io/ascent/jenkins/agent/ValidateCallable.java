package io.ascent.jenkins.agent;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.ascent.core.Ascent;
import io.ascent.core.EngineConfig;
import io.ascent.core.ValidateOptions;
import io.ascent.core.checklist.ChecklistRule;
import io.ascent.core.network.UrlAllowList;
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
        // The engine's options are built here, not on the controller: paths are resolved on the machine (and file
        // system) that holds the workspace.
        ValidateOptions options = ValidateOptions.builder(directory.get())
                .checklist(checklist.orElse(null))
                .kubernetesVersion(request.kubernetesVersion().isEmpty() ? null : request.kubernetesVersion())
                .build();
        EngineConfig config;
        try {
            EngineConfig agent = EngineConfig.defaults();
            config = EngineConfig.builder().cacheDirectory(agent.cacheDirectory())
                    .allowedUrls(agent.allowedUrls().plus(request.allowedUrls())).build();
        } catch (IllegalArgumentException e) {
            return new AgentReport(refused("the agent's " + UrlAllowList.ENVIRONMENT_VARIABLE + ": "
                    + e.getMessage()), Map.of());
        }
        Report report = named(new Ascent(config).validate(options, new LogProgress(listener.getLogger())));
        if (report.interrupted()) {
            // The engine returns a partial report and sets the flag again; the aborted build wants the exception.
            Thread.interrupted();
            throw new InterruptedException("ascentValidate was interrupted");
        }
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

    /** The report under the name the Pipeline gave (the engine names it by the agent's absolute path). */
    private Report named(Report report) {
        return new Report(request.directory(), report.checklist(), report.createdAt(), report.items(), report.log(),
                report.environmentFailed(), report.phases(), report.interrupted());
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

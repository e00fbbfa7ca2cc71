package io.ascent.jenkins.agent;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.ascent.core.Ascent;
import io.ascent.core.EngineConfig;
import io.ascent.core.ValidateOptions;
import io.ascent.core.report.Report;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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
    private final BuildEnvironment environment;

    /** @param environment the build's, which the engine runs in on the agent instead of the agent JVM's */
    public ValidateCallable(ValidateRequest request, TaskListener listener, BuildEnvironment environment) {
        this.request = request;
        this.listener = listener;
        this.environment = java.util.Objects.requireNonNull(environment, "environment");
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
        return run(workspace, environment.onThisAgent());
    }

    /** {@link #invoke} in the run's environment {@code build} ({@link BuildEnvironment#onAgent}). */
    AgentReport run(File workspace, Map<String, String> build) throws IOException, InterruptedException {
        WorkspaceReports.Prepared run = WorkspaceReports.prepare(workspace, request, build);
        if (run.refusal() != null) {
            return run.refusal();
        }
        WorkspaceReports.Paths paths = run.paths();
        // The engine's options are built here, not on the controller: paths are resolved on the machine (and file
        // system) that holds the workspace.
        ValidateOptions options = ValidateOptions.builder(paths.directory())
                .checklist(paths.checklist().orElse(null))
                .kubernetesVersion(request.kubernetesVersion().isEmpty() ? null : request.kubernetesVersion())
                // The report page shows the lines around each finding; the workspace may be gone when it is read.
                .excerpts(true)
                // The kind host policy's operator folders, as ascentProvision gets them: the global setting's and
                // the agent process's own ASCENT_KIND_MOUNTS (operator variables are the agent's: BuildEnvironment).
                .kindMounts(new KindOperatorSettings(request.kindMounts(), List.of()).mountFolders(build))
                // and the node images the administrator accepts (the engine adds the agent's own)
                .kindNodeImages(request.kindNodeImages())
                .build();
        Report report = named(run.engine().validate(options, new LogProgress(listener.getLogger())));
        if (report.interrupted()) {
            // The engine returns a partial report and sets the flag again; the aborted build wants the exception.
            Thread.interrupted();
            throw new InterruptedException("ascentValidate was interrupted");
        }
        return new AgentReport(report, write(run.root(), paths.reports(), report));
    }

    /**
     * The engine as the agent runs it in the run's {@code environment}: the cache it names, the URLs the
     * administrator allows plus the agent's, and the time limit of {@value EngineConfig#TIME_LIMIT_VARIABLE} (the
     * agent process's, an operator setting: {@link BuildEnvironment}), as {@code ascent validate} and
     * {@code ascent provision} read it; 10 minutes when unset.
     *
     * @throws IllegalArgumentException when the agent's allow-list or time limit is malformed (the message starts
     *                                  with "the agent's " and the variable's name)
     */
    static Ascent engine(ValidateRequest request, Map<String, String> environment) {
        try {
            EngineConfig agent = EngineConfig.fromEnvironment(environment);
            return new Ascent(EngineConfig.builder().environment(environment).cacheDirectory(agent.cacheDirectory())
                    .allowedUrls(agent.allowedUrls().plus(request.allowedUrls())).timeLimit(agent.timeLimit())
                    .build());
        } catch (IllegalArgumentException e) {
            // EngineConfig's messages start with the variable's name
            throw new IllegalArgumentException("the agent's " + e.getMessage(), e);
        }
    }

    private Map<String, String> write(Path root, Path folder, Report report) throws IOException {
        return WorkspaceReports.write(root, folder, request.formats(), report);
    }

    /** The path resolved against the workspace, or empty when it leaves it (also through a symbolic link). */
    static Optional<Path> inside(Path root, String path) throws IOException {
        return WorkspaceReports.inside(root, path);
    }

    private Report named(Report report) {
        return WorkspaceReports.named(request.directory(), report);
    }
}

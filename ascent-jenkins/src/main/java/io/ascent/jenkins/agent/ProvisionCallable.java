package io.ascent.jenkins.agent;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.ascent.core.provision.Keep;
import io.ascent.core.provision.ProvisionOptions;
import io.ascent.core.report.Report;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jenkins.MasterToSlaveFileCallable;

/**
 * {@code ascentProvision} without a block, on the agent: the engine's whole scenario (validate, preflight, cluster,
 * deploy, tests, teardown) for the application directory in the workspace, progress streamed to the build log and
 * the report files written as {@code ascentValidate} writes them. An existing cluster's kubeconfig from a credential
 * (a Secret file's, or one made here from a Secret text's token) is written to a private folder under
 * {@code <workspace>@tmp} (mode 0600) for the run only and removed afterwards.
 */
public final class ProvisionCallable extends MasterToSlaveFileCallable<AgentReport> {

    private static final long serialVersionUID = 1L;

    private final ValidateRequest request;
    private final String driver;
    private final String kindPath;
    private final KindOperatorSettings kind;
    private final TaskListener listener;
    /** An existing cluster's credential, or null; only its id is ever shown. */
    private final ClusterCredential credential;
    private final BuildEnvironment environment;
    /** The smoke tests to run, by name ({@code ascent provision --test}); empty for all of them. */
    private List<String> tests = List.of();

    /**
     * @param request              the application directory, checklist, version and report files, workspace-relative
     * @param driver               {@code kind}, {@code existing}, or empty: {@code existing} when a credential is
     *                             given, else the checklist's {@code provision.cluster.driver}
     * @param kindPath             the kind executable the administrator configured; empty: {@code kind} on the PATH
     * @param kind                 the mount folders and node image repositories the administrator allows, added to
     *                             the agent environment's own
     * @param credential           an existing cluster's kubeconfig or token, or null
     * @param environment          the build's, which the engine, kind, docker, kubectl and exec plugins run in on
     *                             the agent instead of the agent JVM's
     */
    public ProvisionCallable(ValidateRequest request, String driver, String kindPath, KindOperatorSettings kind,
            TaskListener listener, ClusterCredential credential, BuildEnvironment environment) {
        this.environment = java.util.Objects.requireNonNull(environment, "environment");
        this.request = request;
        this.driver = driver;
        this.kindPath = kindPath;
        this.kind = kind;
        this.listener = listener;
        this.credential = credential;
    }

    /**
     * Runs only these smoke tests of the checklist's {@code provision.tests}, as {@code ascent provision --test}
     * does: the others are SKIP items, and a name the checklist does not have is the engine's input error (exit 2)
     * at {@code provision.tests}, found before anything is created. Set apart from the constructor so that the
     * constructor's parameters stay those of the agent's environment.
     *
     * @param names the names, or empty for every test
     * @return this callable
     */
    public ProvisionCallable onlyTests(List<String> names) {
        this.tests = List.copyOf(names);
        return this;
    }

    /**
     * @throws InterruptedException when the build is aborted; the engine has torn the cluster down and the report
     *                              files (marked interrupted) are written
     * @throws IOException          when a report file or the run's private folder cannot be written
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
        Path root = run.root();
        WorkspaceReports.Paths paths = run.paths();
        // <workspace>@tmp, as WorkspaceList.tempDir names it; the run's kubeconfigs live there, never in the workspace.
        Path work = CreateClusterCallable.PrivateFiles.directory(root.resolveSibling(root.getFileName() + "@tmp")
                .resolve("ascent-" + UUID.randomUUID()));
        Report report;
        try {
            ProvisionOptions.Builder options = ProvisionOptions.builder(paths.directory())
                    .checklist(paths.checklist().orElse(null))
                    .kubernetesVersion(request.kubernetesVersion().isEmpty() ? null : request.kubernetesVersion())
                    .workDirectory(work)
                    .kind(kindPath)
                    // ASCENT_KIND_NODE_IMAGES the engine reads from the run's environment itself (the agent's value)
                    .kindMounts(kind.mountFolders(build))
                    .kindNodeImages(kind.nodeImages())
                    .excerpts(true)
                    .tests(tests)
                    // An agent must not collect clusters: the kubeconfig to reach a kept one goes with this folder.
                    .keep(Keep.NEVER);
            if (credential != null) {
                options.kubeconfig(credential.writeTo(work.resolve("credential-kubeconfig")));
            }
            options.driver(driverName());
            report = WorkspaceReports.named(request.directory(),
                    run.engine().provision(options.build(), new LogProgress(listener.getLogger())));
        } finally {
            CreateClusterCallable.PrivateFiles.deleteTree(work);
        }
        Map<String, String> files = WorkspaceReports.write(root, paths.reports(), request.formats(), report);
        if (report.interrupted()) {
            // The engine tore down and set the flag again; the aborted build wants the exception.
            Thread.interrupted();
            throw new InterruptedException("ascentProvision was interrupted; the engine tore the cluster down");
        }
        return new AgentReport(report, files);
    }

    /** The driver asked for; {@code existing} when only a credential says where the cluster is; else the checklist's. */
    String driverName() {
        if (!driver.isEmpty()) {
            return driver;
        }
        return credential != null ? "existing" : null;
    }

    ValidateRequest request() {
        return request;
    }

    List<String> tests() {
        return tests;
    }
}

package io.ascent.core.provision.kind;

import io.ascent.core.progress.ProgressListener;
import io.ascent.core.provision.ClusterDriver;
import io.ascent.core.provision.CleanupCall;
import io.ascent.core.provision.ClusterRequest;
import io.ascent.core.provision.ProvisionException;
import io.ascent.core.provision.ProvisionedCluster;
import io.ascent.core.provision.command.CommandFailedException;
import io.ascent.core.provision.command.CommandResult;
import io.ascent.core.provision.command.CommandRunner;
import io.ascent.core.provision.command.ProcessCommandRunner;
import io.ascent.core.report.Item;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Makes a throw-away cluster with the {@code kind} command line.
 *
 * <p>{@link #create}: writes {@code kind-config.yaml} in the run's work folder (the checklist's kind configuration
 * with the node image pinned by digest), runs {@code kind create cluster --name RUN --config … --kubeconfig
 * WORK/kubeconfig} (kind writes only that file, never {@code ~/.kube/config}), then checks readiness itself
 * ({@link ClusterReadiness}). Whatever fails after kind started (kind's error, the timeout, readiness,
 * interruption) exports kind's logs to {@code WORK/kind-logs} and deletes the cluster before the exception
 * leaves. {@link #delete} runs {@code kind delete cluster} to its end within {@link #DELETE_TIMEOUT}, even on an
 * interrupted thread, and once more if a stop signal cut it off.
 */
public final class KindDriver implements ClusterDriver {

    /** How long {@code kind delete cluster} and {@code kind export logs} may take. */
    public static final Duration DELETE_TIMEOUT = Duration.ofMinutes(2);
    /**
     * The namespace a run deploys to in its kind cluster where a manifest names none: the cluster is the run's own,
     * so its {@code default}.
     */
    public static final String NAMESPACE = "default";
    static final String CONFIG_FILE = "kind-config.yaml";
    static final String KUBECONFIG_FILE = "kubeconfig";
    static final String LOGS_FOLDER = "kind-logs";
    /** How long the command runner may take beyond a timeout to kill the command and read the last of its output. */
    private static final Duration KILL_GRACE = Duration.ofSeconds(15);
    /** Exit statuses of a process killed by SIGHUP, SIGINT, SIGQUIT, SIGKILL or SIGTERM (128 + the number). */
    private static final Set<Integer> STOP_SIGNAL_STATUSES = Set.of(129, 130, 131, 137, 143);

    private final CommandRunner commands;
    private final String kind;
    private final KindNodeImages images;
    private final java.util.Map<String, String> environment;

    /**
     * @param commands    runs {@code kind} in the run's environment
     * @param kind        the {@code kind} executable: a name looked up on the run's {@code PATH}, or a path
     * @param images      the kind release table
     * @param environment the run's, which the connection to the new cluster reads its proxy variables from
     */
    public KindDriver(CommandRunner commands, String kind, KindNodeImages images,
            java.util.Map<String, String> environment) {
        this.commands = commands;
        this.kind = kind;
        this.images = images;
        this.environment = java.util.Map.copyOf(environment);
    }

    /** The {@code kind} on the {@code PATH} of {@code environment}, run in it. */
    public static KindDriver local(java.util.Map<String, String> environment) {
        return new KindDriver(new ProcessCommandRunner(environment), "kind", KindNodeImages.builtIn(), environment);
    }

    @Override
    public String name() {
        return "kind";
    }

    @Override
    public List<Item> checkRequest(ClusterRequest request) throws ProvisionException {
        return KindConfig.check(request.kindConfig());
    }

    @Override
    public List<String> plan(ClusterRequest request) {
        Path work = request.workDirectory();
        String image = request.nodeImage().orElse("kind's image for " + request.kubernetesVersion()
                .map(v -> "Kubernetes " + v).orElse("its default version"));
        List<String> lines = new ArrayList<>();
        lines.add("write " + work.resolve(CONFIG_FILE) + " (kind.x-k8s.io/v1alpha4"
                + request.kindConfig().map(c -> ", from " + c.displayPath()).orElse("") + ", node image pinned by "
                + "digest: " + image + "):");
        try {
            KindConfig.Rendered rendered = KindConfig.render(request.kindConfig(), image);
            rendered.yaml().lines().forEach(line -> lines.add("  | " + line));
            rendered.rewrites().forEach(rewrite -> lines.add("  changed by Ascent's host policy: " + rewrite));
        } catch (ProvisionException e) {
            lines.add("  (not written: " + e.getMessage() + ")"); // checkRequest has refused it already
        }
        lines.addAll(List.of(
                String.join(" ", createArgv(request)),
                "wait up to " + request.timeout().toSeconds() + " s for every node Ready and every kube-system "
                        + "Deployment and DaemonSet available",
                "on failure: " + kind + " export logs " + work.resolve(LOGS_FOLDER) + " --name " + request.runName(),
                "teardown: " + kind + " delete cluster --name " + request.runName() + " (at most "
                        + DELETE_TIMEOUT.toSeconds() + " s)"));
        return lines;
    }

    private List<String> createArgv(ClusterRequest request) {
        Path work = request.workDirectory();
        return List.of(kind, "create", "cluster", "--name", request.runName(), "--config",
                work.resolve(CONFIG_FILE).toString(), "--kubeconfig", work.resolve(KUBECONFIG_FILE).toString(),
                "--wait", "0s");
    }

    @Override
    public ProvisionedCluster create(ClusterRequest request, ProgressListener progress)
            throws ProvisionException, InterruptedException {
        Path work = request.workDirectory();
        String image = chooseImage(request);
        String config = KindConfig.render(request.kindConfig(), image).yaml();
        try {
            Files.createDirectories(work);
            Files.writeString(work.resolve(CONFIG_FILE), config, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ProvisionException(ProvisionException.Kind.ENVIRONMENT, "cannot write the kind configuration "
                    + "in " + work + ": " + e.getMessage(), "check free disk and permissions of the work folder");
        }
        ProvisionedCluster cluster = new ProvisionedCluster(name(), request.runName(), work.resolve(KUBECONFIG_FILE),
                Optional.empty(), NAMESPACE, true);
        long start = System.nanoTime();
        progress.info("kind: creating cluster " + request.runName() + " with " + image);
        boolean created = false;
        try {
            CommandResult result = commands.run(createArgv(request), kubeconfigOnly(cluster), request.timeout());
            if (!result.succeeded()) {
                throw createFailed(request, result);
            }
            Duration left = request.timeout().minusNanos(System.nanoTime() - start);
            ClusterReadiness.await(cluster.kubeconfig(), left.isNegative() ? Duration.ZERO : left, progress,
                    environment);
            created = true;
            progress.info("kind: cluster " + request.runName() + " ready in "
                    + Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s");
            return cluster;
        } finally {
            if (!created) {
                releaseAfterFailedCreate(cluster, work.resolve(LOGS_FOLDER), progress);
            }
        }
    }

    private String chooseImage(ClusterRequest request) throws ProvisionException, InterruptedException {
        CommandResult version = commands.run(List.of(kind, "version"), Duration.ofSeconds(30));
        if (!version.succeeded()) {
            throw new ProvisionException(ProvisionException.Kind.ENVIRONMENT,
                    new CommandFailedException(version).getMessage(),
                    "install kind; `ascent doctor` checks everything kind needs");
        }
        NodeImageChoice choice = NodeImageChoice.choose(images, KindRelease.parse(version.stdout()),
                request.kubernetesVersion(), request.nodeImage());
        if (choice.reference().isEmpty()) {
            throw new ProvisionException(choice.verdict() == NodeImageChoice.Verdict.UNKNOWN
                    ? ProvisionException.Kind.ENVIRONMENT : ProvisionException.Kind.INPUT,
                    choice.message(), choice.remediation().orElse("pin provision.cluster.nodeImage"));
        }
        return choice.reference().get();
    }

    private ProvisionException createFailed(ClusterRequest request, CommandResult result) {
        CommandFailedException failure = new CommandFailedException(result);
        String why = result.timedOut() ? "kind did not create cluster " + request.runName() + " within "
                + request.timeout().toSeconds() + " s" : "kind could not create cluster " + request.runName();
        return new ProvisionException(ProvisionException.Kind.ENVIRONMENT, why + ": " + failure.getMessage(),
                "read kind's output above and the exported logs in " + request.workDirectory().resolve(LOGS_FOLDER)
                        + "; `ascent doctor` checks the container engine, cgroups and node image", failure);
    }

    /** Exports logs and deletes; a failure to do either is added to the log, never hides the first failure. */
    private void releaseAfterFailedCreate(ProvisionedCluster cluster, Path logs, ProgressListener progress) {
        boolean interrupted = Thread.interrupted(); // cleanup must run on a cancelled build's thread too
        try {
            collect(cluster, logs);
            delete(cluster, progress);
        } catch (ProvisionException e) {
            progress.info("kind: " + e.getMessage());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Runs {@code kind delete cluster} to its end within {@link #DELETE_TIMEOUT}, whatever happens to the calling
     * thread meanwhile. A delete that a stop signal cut off (Ctrl-C reaches kind too, as the terminal's process
     * group; a Jenkins abort signals the whole process tree) is run once more in the time left: kind deletes what
     * remains, and exits 0 when nothing does.
     */
    @Override
    public void delete(ProvisionedCluster cluster, ProgressListener progress) throws ProvisionException {
        List<String> argv = List.of(kind, "delete", "cluster", "--name", cluster.name(), "--kubeconfig",
                cluster.kubeconfig().toString());
        progress.info("kind: deleting cluster " + cluster.name());
        long deadline = System.nanoTime() + DELETE_TIMEOUT.toNanos();
        CommandResult result = runToEnd(argv, cluster, DELETE_TIMEOUT);
        Duration left = Duration.ofNanos(deadline - System.nanoTime());
        if (!result.succeeded() && cutOffBySignal(result) && left.toSeconds() > 0) {
            progress.info("kind: the delete of cluster " + cluster.name() + " was stopped by a signal ("
                    + new CommandFailedException(result).getMessage().lines().findFirst().orElse("") + "); "
                    + "deleting it again");
            result = runToEnd(argv, cluster, left);
        }
        if (!result.succeeded()) {
            throw new ProvisionException(ProvisionException.Kind.ENVIRONMENT,
                    "cluster " + cluster.name() + " may still exist: " + new CommandFailedException(result).getMessage(),
                    "delete it by hand: `kind delete cluster --name " + cluster.name() + "` (or `ascent gc` removes "
                            + "every Ascent cluster older than a given age)");
        }
    }

    /**
     * Whether a stop signal ended the command rather than kind itself: killed by one (status 128 + its number), or
     * stopped while the run was being interrupted (kind may catch the signal and exit 1).
     */
    private static boolean cutOffBySignal(CommandResult result) {
        return !result.timedOut() && !result.notFound() && (Thread.currentThread().isInterrupted()
                || STOP_SIGNAL_STATUSES.contains(result.exitCode()));
    }

    @Override
    public List<Path> collectDiagnostics(ProvisionedCluster cluster, Path into) throws InterruptedException {
        return collect(cluster, into);
    }

    private List<Path> collect(ProvisionedCluster cluster, Path into) {
        List<Path> written = new ArrayList<>();
        CommandResult result = runToEnd(List.of(kind, "export", "logs", into.toString(), "--name",
                cluster.name()), cluster, DELETE_TIMEOUT);
        if (result.succeeded() && Files.isDirectory(into)) {
            written.add(into);
        }
        return written;
    }

    /**
     * Runs a cleanup command to its end even when the calling thread is interrupted (an aborted build's teardown,
     * a signal): the caller waits at most {@code timeout} plus the runner's kill grace and keeps its interrupt.
     */
    private CommandResult runToEnd(List<String> argv, ProvisionedCluster cluster, Duration timeout) {
        try {
            return CleanupCall.run("kind", timeout.plus(KILL_GRACE),
                    () -> commands.run(argv, kubeconfigOnly(cluster), timeout));
        } catch (ExecutionException e) {
            return new CommandResult(argv, -1, "", String.valueOf(e.getCause()), false, false);
        } catch (TimeoutException e) {
            return new CommandResult(argv, -1, "", "still running after " + timeout.toSeconds() + " s", false, true);
        }
    }

    /** kind and the tools it calls see only the run's kubeconfig, never the user's default one. */
    private static Map<String, String> kubeconfigOnly(ProvisionedCluster cluster) {
        return Map.of("KUBECONFIG", cluster.kubeconfig().toString());
    }
}

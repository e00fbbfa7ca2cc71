package io.ascent.core.provision.preflight;

import io.ascent.core.provision.ClusterRequest;
import io.ascent.core.provision.command.CommandResult;
import io.ascent.core.provision.kind.KindNodeImages;
import io.ascent.core.provision.kind.KindRelease;
import io.ascent.core.provision.kind.NodeImageChoice;
import io.ascent.core.provision.kind.NodeVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What preflight's checks share: the request, the probes, and facts probed once and remembered (the engine's
 * {@code info}, {@code kind version}, the node image choice), so each check can run alone and several checks cost
 * one {@code docker info}. Not thread-safe: one run, one thread.
 */
public final class PreflightContext {

    /** How long a probe command may take; {@code docker info} against a hung daemon blocks forever otherwise. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(20);
    /** Providers kind accepts in {@code KIND_EXPERIMENTAL_PROVIDER} (kind {@code pkg/cluster/provider.go}). */
    static final List<String> PROVIDERS = List.of("docker", "podman", "nerdctl", "finch", "nerdctl.lima");

    private final ClusterRequest request;
    private final Probes probes;
    private final KindNodeImages images;
    private EngineProbe engine;
    private CommandResult kindVersion;
    private NodeImageChoice nodeImage;
    private boolean environmentFailed;

    public PreflightContext(ClusterRequest request, Probes probes, KindNodeImages images) {
        this.request = request;
        this.probes = probes;
        this.images = images;
    }

    public ClusterRequest request() {
        return request;
    }

    public Probes probes() {
        return probes;
    }

    public KindNodeImages images() {
        return images;
    }

    /** Marks the run as one the environment cannot do (exit 3). */
    public void environmentCannotRun() {
        environmentFailed = true;
    }

    public boolean environmentFailed() {
        return environmentFailed;
    }

    /**
     * Which engine kind would use and what it said. Like kind, an explicit {@code KIND_EXPERIMENTAL_PROVIDER}
     * wins; otherwise the first of docker, podman, nerdctl whose client is installed, whether or not its daemon
     * answers (kind only runs {@code docker -v}).
     */
    public EngineProbe engine() throws InterruptedException {
        if (engine == null) {
            engine = probeEngine();
        }
        return engine;
    }

    private EngineProbe probeEngine() throws InterruptedException {
        Optional<String> chosen = probes.env("KIND_EXPERIMENTAL_PROVIDER").map(p -> p.strip().toLowerCase(Locale.ROOT));
        if (chosen.isPresent() && !PROVIDERS.contains(chosen.get())) {
            return EngineProbe.unknownProvider(chosen.get());
        }
        List<String> candidates = chosen.map(List::of).orElse(List.of("docker", "podman", "nerdctl"));
        CommandResult last = null;
        CommandResult refused = null;
        for (String provider : candidates) {
            List<String> argv = provider.equals("podman") ? List.of("podman", "info", "--format", "json")
                    : List.of(provider, "info", "--format", "{{json .}}");
            CommandResult result = probes.commands().run(argv, PROBE_TIMEOUT);
            if (!result.notFound()) {
                return EngineProbe.of(provider, chosen.isPresent(), result);
            }
            last = result;
            if (refused == null && !result.refusal().isEmpty()) {
                refused = result; // found through a relative PATH entry: the one to name if no other is found
            }
        }
        return EngineProbe.noClient(candidates, chosen.isPresent(), refused != null ? refused : last);
    }

    /** {@code kind version}'s result, run once. */
    public CommandResult kindVersion() throws InterruptedException {
        if (kindVersion == null) {
            kindVersion = probes.commands().run(List.of(probes.kind(), "version"), PROBE_TIMEOUT);
        }
        return kindVersion;
    }

    /** The installed kind release, when kind answers {@code kind version}. */
    public Optional<KindRelease> kind() throws InterruptedException {
        CommandResult result = kindVersion();
        return result.succeeded() ? KindRelease.parse(result.stdout()) : Optional.empty();
    }

    /** The node image the cluster would run, chosen once. */
    public NodeImageChoice nodeImage() throws InterruptedException {
        if (nodeImage == null) {
            nodeImage = NodeImageChoice.choose(images, kind(), request.kubernetesVersion(), request.nodeImage());
        }
        return nodeImage;
    }

    /** The Kubernetes version the nodes will run: the chosen image's, else the requested one. */
    public Optional<NodeVersion> nodeVersion() throws InterruptedException {
        return nodeImage().version().or(() -> request.kubernetesVersion().flatMap(NodeVersion::parse));
    }

    /**
     * Whether the engine runs on this machine, so that this machine's {@code /sys/fs/cgroup}, {@code /proc} and
     * disk describe the engine's host: no {@code DOCKER_HOST}/{@code CONTAINER_HOST} pointing elsewhere and not
     * Docker Desktop's VM.
     */
    public boolean engineIsLocal() throws InterruptedException {
        for (String variable : List.of("DOCKER_HOST", "CONTAINER_HOST")) {
            Optional<String> host = probes.env(variable);
            if (host.isPresent() && !host.get().startsWith("unix://")) {
                return false;
            }
        }
        if (probes.env("DOCKER_CONTEXT").filter(c -> !c.equals("default") && !c.equals("rootless")).isPresent()) {
            return false;
        }
        return engine().info().map(info -> !info.isDockerDesktop()).orElse(true);
    }

    /** This machine's cgroup layout and init, read from {@code /sys/fs/cgroup} and PID 1. */
    public LocalHost localHost() {
        return LocalHost.read(probes.files());
    }

    /** The folder whose file system holds the engine's images, when local; else the run's work folder. */
    Path diskToCheck() throws InterruptedException {
        if (engineIsLocal()) {
            Optional<Path> root = engine().info().flatMap(EngineInfo::rootDirectoryIfKnown).map(Path::of)
                    .filter(probes.files()::exists);
            if (root.isPresent()) {
                return root.get();
            }
        }
        Path work = request.workDirectory().toAbsolutePath();
        while (work != null && !probes.files().exists(work)) {
            work = work.getParent();
        }
        return work == null ? Path.of(".").toAbsolutePath() : work;
    }
}

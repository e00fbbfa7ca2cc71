package io.ascent.core.provision.preflight;

import io.ascent.core.progress.ProgressListener;
import io.ascent.core.provision.ClusterRequest;
import io.ascent.core.provision.kind.KindNodeImages;
import io.ascent.core.report.Item;
import io.ascent.core.run.Phase;
import io.ascent.core.run.RunRecorder;
import io.ascent.core.run.RunSink;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checks to run before a driver creates anything, in order. {@code ascent doctor} runs them alone; the
 * provisioner runs them as its first phase and stops when {@link PreflightResult#passed()} is false.
 *
 * <pre>{@code
 * PreflightResult result = PreflightChecks.forDriver("kind").run(request, Probes.local(), sink);
 * }</pre>
 */
public final class PreflightChecks {

    private final String driver;
    private final List<PreflightCheck> checks;
    private final KindNodeImages images;

    private PreflightChecks(String driver, List<PreflightCheck> checks, KindNodeImages images) {
        this.driver = driver;
        this.checks = List.copyOf(checks);
        this.images = images;
    }

    /**
     * The checks of a driver: for {@code kind} the container engine, its host's cgroups, kind and its node image,
     * kubectl skew, inotify limits and free disk; for {@code existing} none yet (its driver adds its own with
     * {@link #with}).
     *
     * @throws IllegalArgumentException for a driver Ascent does not have
     */
    public static PreflightChecks forDriver(String driver) {
        return switch (driver) {
            case "kind" -> new PreflightChecks(driver, List.of(new ContainerEngineCheck(), new KindCheck(),
                    new NodeImageCheck(), new CgroupCheck(), new KubectlCheck(), new InotifyCheck(), new DiskCheck()),
                    KindNodeImages.builtIn());
            case "existing" -> new PreflightChecks(driver, List.of(), KindNodeImages.builtIn());
            default -> throw new IllegalArgumentException("no driver '" + driver + "'; expected kind or existing");
        };
    }

    /** These checks and {@code more} after them. */
    public PreflightChecks with(PreflightCheck... more) {
        List<PreflightCheck> all = new ArrayList<>(checks);
        all.addAll(List.of(more));
        return new PreflightChecks(driver, all, images);
    }

    /** The ids of the checks, in order. */
    public List<String> checkIds() {
        return checks.stream().map(PreflightCheck::id).toList();
    }

    /**
     * Runs every check; changes nothing on the agent. Each check becomes one item with its duration, put into
     * {@code sink} as soon as it is known, inside a {@code preflight} phase. What makes the agent unable to create
     * any cluster (no engine daemon, no kind) is an ERROR item of kind ENVIRONMENT: the run exits 3.
     *
     * @throws InterruptedException when the run is cancelled; the phase is recorded as interrupted
     */
    public PreflightResult run(ClusterRequest request, Probes probes, RunSink sink) throws InterruptedException {
        PreflightContext context = new PreflightContext(request, probes, images);
        List<Item> items = new ArrayList<>();
        Phase phase = sink.phase("preflight");
        try {
            for (PreflightCheck check : checks) {
                long checkStart = System.nanoTime();
                Item item = check.run(context);
                item = new Item(item.id(), item.title(), item.status(), item.severity(), item.message(),
                        item.location(), item.remediation(), Duration.ofNanos(System.nanoTime() - checkStart),
                        item.waiver(), item.key(), item.errorKind());
                items.add(item);
                sink.item(item);
            }
        } catch (InterruptedException e) {
            phase.interrupted();
            throw e;
        } finally {
            phase.close();
        }
        boolean kind = driver.equals("kind");
        return new PreflightResult(items, context.environmentFailed(),
                kind ? context.engine().info() : Optional.empty(),
                kind ? context.kind() : Optional.empty(),
                kind ? Optional.of(context.nodeImage()) : Optional.empty());
    }

    /** {@link #run(ClusterRequest, Probes, RunSink)} for a caller without a run of its own: only progress lines. */
    public PreflightResult run(ClusterRequest request, Probes probes, ProgressListener progress)
            throws InterruptedException {
        return run(request, probes, new RunRecorder("preflight", progress, Clock.systemUTC()));
    }
}

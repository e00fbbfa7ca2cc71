package io.ascent.core.provision.preflight;

import io.ascent.core.progress.ProgressListener;
import io.ascent.core.provision.ClusterRequest;
import io.ascent.core.provision.kind.KindNodeImages;
import io.ascent.core.report.Item;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checks to run before a driver creates anything, in order. {@code ascent doctor} runs them alone; the
 * provisioner runs them as its first phase and stops when {@link PreflightResult#passed()} is false.
 *
 * <pre>{@code
 * PreflightResult result = Preflight.forDriver("kind").run(request, Probes.local(), progress);
 * }</pre>
 */
public final class Preflight {

    private final String driver;
    private final List<PreflightCheck> checks;
    private final KindNodeImages images;

    private Preflight(String driver, List<PreflightCheck> checks, KindNodeImages images) {
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
    public static Preflight forDriver(String driver) {
        return switch (driver) {
            case "kind" -> new Preflight(driver, List.of(new ContainerEngineCheck(), new KindCheck(),
                    new NodeImageCheck(), new CgroupCheck(), new KubectlCheck(), new InotifyCheck(), new DiskCheck()),
                    KindNodeImages.builtIn());
            case "existing" -> new Preflight(driver, List.of(), KindNodeImages.builtIn());
            default -> throw new IllegalArgumentException("no driver '" + driver + "'; expected kind or existing");
        };
    }

    /** These checks and {@code more} after them. */
    public Preflight with(PreflightCheck... more) {
        List<PreflightCheck> all = new ArrayList<>(checks);
        all.addAll(List.of(more));
        return new Preflight(driver, all, images);
    }

    /** The ids of the checks, in order. */
    public List<String> checkIds() {
        return checks.stream().map(PreflightCheck::id).toList();
    }

    /**
     * Runs every check; changes nothing on the agent. Each check becomes one item with its duration; the progress
     * listener sees a {@code preflight} phase and one line per finding.
     *
     * @throws InterruptedException when the run is cancelled
     */
    public PreflightResult run(ClusterRequest request, Probes probes, ProgressListener progress)
            throws InterruptedException {
        PreflightContext context = new PreflightContext(request, probes, images);
        progress.phaseStarted("preflight");
        long start = System.nanoTime();
        List<Item> items = new ArrayList<>();
        try {
            for (PreflightCheck check : checks) {
                long checkStart = System.nanoTime();
                Item item = check.run(context);
                item = new Item(item.id(), item.title(), item.status(), item.severity(), item.message(),
                        item.location(), item.remediation(), Duration.ofNanos(System.nanoTime() - checkStart),
                        item.waiver(), item.key());
                items.add(item);
                progress.info("preflight: " + item.status().label() + " " + item.id() + ": " + item.message());
            }
        } finally {
            progress.phaseFinished("preflight", Duration.ofNanos(System.nanoTime() - start));
        }
        boolean kind = driver.equals("kind");
        return new PreflightResult(items, context.environmentFailed(),
                kind ? context.engine().info() : Optional.empty(),
                kind ? context.kind() : Optional.empty(),
                kind ? Optional.of(context.nodeImage()) : Optional.empty());
    }
}

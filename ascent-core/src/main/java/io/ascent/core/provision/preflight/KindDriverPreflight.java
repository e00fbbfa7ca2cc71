package io.ascent.core.provision.preflight;

import io.ascent.core.progress.ProgressListener;
import io.ascent.core.provision.ClusterRequest;
import io.ascent.core.provision.DriverPreflight;
import io.ascent.core.report.Item;
import io.ascent.core.run.RunRecorder;
import java.time.Clock;
import java.util.List;

/**
 * The kind driver's preflight phase of {@code ascent provision}: the same {@link PreflightChecks} {@code ascent doctor}
 * runs for kind (container engine, cgroups, kind and its node image, kubectl, inotify, disk), so a run stops before
 * any cluster is created with exactly the items doctor prints.
 */
public final class KindDriverPreflight implements DriverPreflight {

    private final Probes probes;
    private final Clock clock;

    public KindDriverPreflight(Probes probes, Clock clock) {
        this.probes = probes;
        this.clock = clock;
    }

    @Override
    public List<Item> check(ClusterRequest request, ProgressListener progress) throws InterruptedException {
        // The provisioner records the items and the phase itself; this recorder only collects them.
        PreflightResult result = PreflightChecks.forDriver("kind").run(request, probes,
                new RunRecorder("preflight", ProgressListener.SILENT, clock));
        result.items().forEach(item -> progress.info("preflight: " + item.status().label() + " " + item.message()));
        return result.items();
    }
}

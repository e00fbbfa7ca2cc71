package io.ascent.core.provision;

import io.ascent.core.progress.ProgressListener;
import io.ascent.core.provision.command.ProcessCommandRunner;
import io.ascent.core.provision.existing.ExistingClusterDriver;
import io.ascent.core.provision.kind.KindDriver;
import io.ascent.core.provision.kind.KindNodeImages;
import io.ascent.core.provision.kube.KubeConnections;
import io.ascent.core.provision.preflight.Probes;
import io.ascent.core.report.Item;
import io.ascent.core.run.RunRecorder;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The drivers {@code --driver} and {@code provision.cluster.driver} can name, each with the preflight that runs
 * before it creates anything.
 */
public final class ClusterDrivers {

    /** The name of the kind driver, and the executable it runs unless told otherwise. */
    public static final String KIND = "kind";

    /** A driver and its preflight. */
    public record Choice(ClusterDriver driver, Preflight preflight) {
    }

    private ClusterDrivers() {
    }

    /** The names a user may write. */
    public static List<String> names() {
        return List.of(KIND, ExistingClusterDriver.NAME);
    }

    /**
     * The driver called {@code name}, kind being the {@code kind} on the PATH; empty when this build has none of that
     * name.
     *
     * @param connections the run's connections, which the driver, its preflight and the deploy phase share
     */
    public static Optional<Choice> forName(String name, KubeConnections connections) {
        return forName(name, connections, KIND);
    }

    /**
     * The driver called {@code name}, or empty when this build has none of that name.
     *
     * @param connections the run's connections, which the driver, its preflight and the deploy phase share
     * @param kind        the kind executable (a Jenkins agent's may not be on the PATH)
     */
    public static Optional<Choice> forName(String name, KubeConnections connections, String kind) {
        if (ExistingClusterDriver.NAME.equals(name)) {
            ExistingClusterDriver driver = new ExistingClusterDriver(connections);
            return Optional.of(new Choice(driver, driver.preflight()));
        }
        if (KIND.equals(name)) {
            return Optional.of(new Choice(new KindDriver(new ProcessCommandRunner(), kind, KindNodeImages.builtIn()),
                    ClusterDrivers::kindPreflight));
        }
        return Optional.empty();
    }

    /**
     * kind's checks (container engine, cgroups, kind and its node image, kubectl, inotify, disk) as the provisioner's
     * preflight phase: the provisioner opens the phase and records the items, so the checks' own sink is thrown away.
     */
    private static List<Item> kindPreflight(ClusterRequest request, ProgressListener progress)
            throws InterruptedException {
        return io.ascent.core.provision.preflight.Preflight.forDriver(KIND).run(request, Probes.local(),
                new RunRecorder(request.runName(), ProgressListener.SILENT, Clock.systemUTC())).items();
    }
}

package io.ascent.core.provision;

import io.ascent.core.provision.existing.ExistingClusterDriver;
import io.ascent.core.provision.kube.KubeConnections;
import java.util.List;
import java.util.Optional;

/**
 * The drivers {@code --driver} and {@code provision.cluster.driver} can name, each with the preflight that runs
 * before it creates anything.
 */
public final class ClusterDrivers {

    /** A driver and its preflight. */
    public record Choice(ClusterDriver driver, Preflight preflight) {
    }

    private ClusterDrivers() {
    }

    /** The names a user may write. */
    public static List<String> names() {
        return List.of("kind", ExistingClusterDriver.NAME);
    }

    /**
     * The driver called {@code name}, or empty when this build has none of that name.
     *
     * @param connections the run's connections, which the driver, its preflight and the deploy phase share
     */
    public static Optional<Choice> forName(String name, KubeConnections connections) {
        if (ExistingClusterDriver.NAME.equals(name)) {
            ExistingClusterDriver driver = new ExistingClusterDriver(connections);
            return Optional.of(new Choice(driver, driver.preflight()));
        }
        // "kind": its driver and preflight (container engine, cgroups, node image table) are registered here.
        return Optional.empty();
    }
}

package io.ascent.core.provision;

import io.ascent.core.provision.existing.ExistingClusterDriver;
import io.ascent.core.provision.kind.KindDriver;
import io.ascent.core.provision.kind.KindNodeImages;
import io.ascent.core.provision.kube.KubeConnections;
import io.ascent.core.provision.preflight.KindDriverPreflight;
import io.ascent.core.provision.preflight.Probes;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The drivers {@code --driver} and {@code provision.cluster.driver} can name, each with the preflight that runs
 * before it creates anything.
 */
public final class ClusterDrivers {

    /** The kind driver's name. */
    public static final String KIND = "kind";

    /** A driver and its preflight. */
    public record Choice(ClusterDriver driver, DriverPreflight preflight) {
    }

    private ClusterDrivers() {
    }

    /** The names a user may write. */
    public static List<String> names() {
        return List.of(KIND, ExistingClusterDriver.NAME);
    }

    /**
     * The driver called {@code name} on this machine in the run's {@code environment}, kind running {@code kind},
     * or empty when this build has none of that name.
     *
     * @param connections the run's connections, which the driver, its preflight and the deploy phase share
     * @param kind        the kind executable (a Jenkins agent's may not be on the PATH); a bare name is looked up on
     *                    the environment's {@code PATH}
     * @param environment the run's environment (a Jenkins build's), which kind, docker and kubectl get
     */
    public static Optional<Choice> forName(String name, KubeConnections connections, String kind,
            Map<String, String> environment) {
        return forName(name, connections, Probes.of(environment).withKind(kind), Clock.systemUTC());
    }

    /**
     * The driver called {@code name}, or empty when this build has none of that name.
     *
     * @param connections the run's connections, which the driver, its preflight and the deploy phase share
     * @param probes      the agent: the commands the kind driver and its preflight run (the same {@code kind}
     *                    executable, {@link Probes#kind()}), the files and environment preflight reads
     * @param clock       times the preflight items
     */
    public static Optional<Choice> forName(String name, KubeConnections connections, Probes probes, Clock clock) {
        if (ExistingClusterDriver.NAME.equals(name)) {
            ExistingClusterDriver driver = new ExistingClusterDriver(connections);
            return Optional.of(new Choice(driver, driver.preflight()));
        }
        if (KIND.equals(name)) {
            return Optional.of(new Choice(new KindDriver(probes.commands(), probes.kind(), KindNodeImages.builtIn(),
                    probes.environment()),
                    new KindDriverPreflight(probes, clock)));
        }
        return Optional.empty();
    }
}

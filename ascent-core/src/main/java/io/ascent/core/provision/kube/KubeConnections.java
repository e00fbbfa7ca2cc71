package io.ascent.core.provision.kube;

import io.ascent.core.provision.ProvisionException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The connections of one run, opened once each: preflight, the driver and the deploy phase talk to the same
 * cluster, and loading a kubeconfig and building its TLS client is the costly part of a request. Per run, never
 * shared between runs (credentials may rotate between builds). Thread-safe.
 */
public final class KubeConnections {

    private record Key(Optional<Path> kubeconfig, Optional<String> context) {
    }

    private final Map<Key, KubeConnection> open = new HashMap<>();
    private Thread warmUp;

    /** The connection through {@code kubeconfig} and {@code context}, or the pod's service account when empty. */
    public synchronized KubeConnection connect(Optional<Path> kubeconfig, Optional<String> context)
            throws ProvisionException {
        Key key = new Key(kubeconfig.map(p -> p.toAbsolutePath().normalize()), context);
        KubeConnection connection = open.get(key);
        if (connection == null) {
            connection = kubeconfig.isPresent() ? ClusterConnector.fromKubeconfig(kubeconfig.get(), context)
                    : ClusterConnector.inCluster();
            open.put(key, connection);
        }
        return connection;
    }

    /**
     * Opens the connection through {@code kubeconfig} and {@code context} on a background thread and asks the
     * server's {@code /version} once, ignoring every failure: loading the API client, reading the kubeconfig,
     * building its TLS client and the first handshake then overlap with the static validation that runs before
     * preflight, and preflight finds the connection open. Only reads: nothing is created before validation
     * passes. A failure here is met again, and reported, when preflight connects for real.
     */
    public synchronized void warmUp(Path kubeconfig, Optional<String> context) {
        if (warmUp != null) {
            return;
        }
        warmUp = new Thread(() -> {
            try {
                connect(Optional.of(kubeconfig), context).get("/version");
            } catch (ProvisionException | KubeException | RuntimeException e) {
                // reported by preflight, which makes the same connection and request
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ascent-connection-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /** Stops a {@link #warmUp} still under way (the run ended before preflight). */
    public void stopWarmUp() {
        Thread running;
        synchronized (this) {
            running = warmUp;
        }
        if (running != null) {
            running.interrupt();
        }
    }
}

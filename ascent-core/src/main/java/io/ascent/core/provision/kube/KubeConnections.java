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
}

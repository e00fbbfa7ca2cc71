package io.ascent.controlplane;

import io.kubernetes.client.openapi.ApiClient;
import java.nio.file.Path;

/**
 * What a test gets from {@link ControlPlaneExtension}: the kubeconfig of the
 * shared control plane, a namespace created for this test alone, and a client.
 * The provisioner's tests can hand {@code kubeconfig} and {@code namespace} to
 * the code under test as they are.
 */
public record ClusterAccess(Path kubeconfig, String namespace, ApiClient client) {
}

package io.ascent.jenkins.agent;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * What {@code ascentProvision} asks for, defaults resolved on the controller.
 *
 * @param runName           the run's {@code RunName} ({@code ascent-20261130-013502-k3f9qz}), naming the cluster or
 *                          namespace
 * @param kubernetesVersion the nodes' version, or empty
 * @param nodeImage         a pinned kind node image, or empty
 * @param timeout           how long creating the cluster may take
 */
public record ProvisionRequest(String runName, String kubernetesVersion, String nodeImage, Duration timeout)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public ProvisionRequest {
        Objects.requireNonNull(runName, "runName");
        Objects.requireNonNull(kubernetesVersion, "kubernetesVersion");
        Objects.requireNonNull(nodeImage, "nodeImage");
        Objects.requireNonNull(timeout, "timeout");
    }
}

package io.ascent.jenkins.agent;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * What {@code ascentProvision}'s block form asks for, defaults resolved on the controller.
 *
 * @param runName           the run's {@code RunName} ({@code ascent-20261130-013502-k3f9qz}), naming the cluster or
 *                          namespace
 * @param kubernetesVersion the nodes' version, or empty for the checklist's
 * @param nodeImage         a pinned kind node image, or empty for the checklist's
 * @param timeout           how long creating the cluster may take
 * @param directory         the application directory, relative to the workspace: its checklist's
 *                          {@code provision.cluster} (the kind configuration above all) shapes the cluster
 * @param checklist         the checklist relative to {@code directory}, or empty for its {@code ascent.yaml}
 * @param kind              the operator's kind settings from the global configuration
 */
public record ProvisionRequest(String runName, String kubernetesVersion, String nodeImage, Duration timeout,
        String directory, String checklist, KindOperatorSettings kind) implements Serializable {

    private static final long serialVersionUID = 1L;

    public ProvisionRequest {
        Objects.requireNonNull(runName, "runName");
        Objects.requireNonNull(kubernetesVersion, "kubernetesVersion");
        Objects.requireNonNull(nodeImage, "nodeImage");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(checklist, "checklist");
        Objects.requireNonNull(kind, "kind");
    }
}

package io.ascent.core.provision.wait;

import io.ascent.core.provision.kube.ResourceType;
import io.ascent.core.report.Location;

/**
 * One applied object to wait for.
 *
 * @param type      where the server serves its kind
 * @param namespace its namespace, or {@code null} when cluster-scoped
 * @param name      its name
 * @param location  where the manifest declares it, for the report
 */
public record WaitTarget(ResourceType type, String namespace, String name, Location location) {

    /** {@code Deployment/web}. */
    public String displayName() {
        return type.kind() + "/" + name;
    }

    /** Whether pods belong to it, so that their problems are its problems. */
    boolean ownsPods() {
        return switch (type.kind()) {
            case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "Pod" -> true;
            default -> false;
        };
    }
}

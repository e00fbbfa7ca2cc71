package io.ascent.jenkins.agent;

import io.ascent.core.provision.ProvisionedCluster;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A provisioned cluster as the Pipeline keeps it between creating the cluster and tearing it down: plain fields
 * only, since the step's execution is saved with the build's program state. Holds where the kubeconfig is, never
 * what it contains.
 */
public final class ClusterHandle implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String driver;
    private final String name;
    private final String kubeconfig;
    private final String context;
    private final String namespace;
    private final boolean ownsCluster;
    private final String workDirectory;

    ClusterHandle(ProvisionedCluster cluster, Path workDirectory) {
        this.driver = cluster.driver();
        this.name = cluster.name();
        this.kubeconfig = cluster.kubeconfig().toString();
        this.context = cluster.context().orElse(null);
        this.namespace = cluster.namespace();
        this.ownsCluster = cluster.ownsCluster();
        this.workDirectory = workDirectory.toString();
    }

    ProvisionedCluster cluster() {
        return new ProvisionedCluster(driver, name, Path.of(kubeconfig), Optional.ofNullable(context), namespace,
                ownsCluster);
    }

    /** The run's private folder under {@code <workspace>@tmp}, removed at teardown. */
    Path workDirectory() {
        return Path.of(workDirectory);
    }

    /** The kubeconfig file on the agent, for {@code KUBECONFIG}. */
    public String kubeconfig() {
        return kubeconfig;
    }

    public String name() {
        return name;
    }

    public String namespace() {
        return namespace;
    }
}

package io.ascent.jenkins.agent;

import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.ascent.core.provision.ProvisionException;
import java.io.File;
import java.io.IOException;
import jenkins.MasterToSlaveFileCallable;

/**
 * Tears the run's cluster down on the agent and removes the run's private folder (its kubeconfig) whatever the
 * provisioner answers. Runs at the end of the block: after success, failure and abort alike.
 */
public final class DeleteClusterCallable extends MasterToSlaveFileCallable<Void> {

    private static final long serialVersionUID = 1L;

    private final ClusterHandle cluster;
    private final ProvisionCall call;
    private final TaskListener listener;
    private final BuildEnvironment environment;

    /** @param environment the build's, which the provisioner deletes the cluster in on the agent */
    public DeleteClusterCallable(ClusterHandle cluster, ProvisionCall call, TaskListener listener,
            BuildEnvironment environment) {
        this.cluster = cluster;
        this.call = call;
        this.listener = listener;
        this.environment = java.util.Objects.requireNonNull(environment, "environment");
    }

    /**
     * @throws AbortException when the cluster could not be deleted (the message says how to delete it by hand); the
     *                        run's files are removed anyway
     */
    @Override
    public Void invoke(File temporary, VirtualChannel channel) throws IOException {
        try {
            call.delete(cluster.cluster(), environment.onThisAgent(), new LogProgress(listener.getLogger()));
            listener.getLogger().println("[ascent] cluster " + cluster.name() + " deleted");
            return null;
        } catch (ProvisionException e) {
            throw new AbortException("[ascent] teardown: " + e.getMessage()
                    + e.remediation().map(r -> " (" + r + ")").orElse(""));
        } finally {
            CreateClusterCallable.PrivateFiles.deleteTree(cluster.workDirectory());
        }
    }
}

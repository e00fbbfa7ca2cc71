package io.ascent.jenkins.agent;

import io.ascent.core.progress.ProgressListener;
import io.ascent.core.provision.ClusterRequest;
import io.ascent.core.provision.ProvisionException;
import io.ascent.core.provision.ProvisionedCluster;
import java.io.Serializable;
import java.util.Map;

/**
 * What {@code ascentProvision} needs from the provisioner, run on the agent: a cluster up, and down again. It mirrors
 * the engine's {@code provision.ClusterDriver} contract (create once, delete once whatever happens, delete finishes
 * even when interrupted). It is serializable because it travels to the agent inside the callables.
 *
 * <p>The plugin binds it to the engine with {@link EngineProvisionBinding} ({@code kind} with the configured
 * executable, or {@code existing} when a kubeconfig is given); {@link #unbound()} is what {@link ProvisionBinding#find}
 * falls back to when no binding is registered at all, and says so when called.
 */
public interface ProvisionCall extends Serializable {

    /**
     * @param environment the build's on the agent ({@link BuildEnvironment#onAgent}): kind, docker and the
     *                    connections run in it, not in the agent JVM's
     * @throws ProvisionException   when the request is wrong or the environment cannot make the cluster
     * @throws InterruptedException when the build is aborted; whatever was half-created is already released
     */
    ProvisionedCluster create(ClusterRequest request, Map<String, String> environment, ProgressListener progress)
            throws ProvisionException, InterruptedException;

    /**
     * @param environment the build's on the agent, as for {@link #create}
     * @throws ProvisionException when the cluster could not be deleted; the message says how to delete it by hand
     */
    void delete(ProvisionedCluster cluster, Map<String, String> environment, ProgressListener progress)
            throws ProvisionException;

    /** No binding is registered: every call fails with a message saying so. */
    static ProvisionCall unbound() {
        return new Unbound();
    }

    /** Fails every call: the build says the provisioner is missing rather than pretending to provision. */
    final class Unbound implements ProvisionCall {
        private static final long serialVersionUID = 1L;

        @Override
        public ProvisionedCluster create(ClusterRequest request, Map<String, String> environment,
                ProgressListener progress) throws ProvisionException {
            throw new ProvisionException(ProvisionException.Kind.ENVIRONMENT,
                    "this Ascent plugin was built without the provisioner (no ProvisionBinding is registered)",
                    "use a plugin build that includes the provisioner");
        }

        @Override
        public void delete(ProvisionedCluster cluster, Map<String, String> environment, ProgressListener progress) {
            // nothing was created
        }
    }
}

package io.ascent.jenkins.agent;

import hudson.Extension;

/**
 * Binds {@code ascentProvision} to the engine's cluster drivers: the block form creates the run's cluster with
 * {@link EngineProvisionCall} on the agent and deletes it when the block ends.
 */
@Extension
public final class EngineProvisionBinding extends ProvisionBinding {

    @Override
    public ProvisionCall call(String kindPath) {
        return new EngineProvisionCall(kindPath);
    }
}

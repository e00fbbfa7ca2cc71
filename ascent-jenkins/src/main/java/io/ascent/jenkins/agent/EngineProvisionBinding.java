package io.ascent.jenkins.agent;

import hudson.Extension;

/**
 * Binds {@code ascentProvision} to the engine's cluster drivers: the block form creates the run's cluster with
 * {@link EngineProvisionCall} on the agent and deletes it when the block ends. Its ordinal is below the default so
 * that another binding (a test's fake kind, registered with {@code @TestExtension}) comes first in
 * {@link ProvisionBinding#find}.
 */
@Extension(ordinal = -100)
public final class EngineProvisionBinding extends ProvisionBinding {

    @Override
    public ProvisionCall call(String kindPath) {
        return new EngineProvisionCall(kindPath);
    }
}

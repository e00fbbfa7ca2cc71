package io.ascent.jenkins.agent;

import hudson.ExtensionList;
import hudson.ExtensionPoint;

/**
 * Where {@code ascentProvision} gets its {@link ProvisionCall}: the first registered binding, else
 * {@link ProvisionCall#unbound()}. The engine's provisioner is bound by one {@code @Extension} implementation
 * returning a call that delegates to it; tests of the real build register a fake with {@code @TestExtension}.
 */
public abstract class ProvisionBinding implements ExtensionPoint {

    /**
     * @param kindPath the kind executable the operator configured
     * @return what creates and deletes clusters on the agent; serializable
     */
    public abstract ProvisionCall call(String kindPath);

    /** The bound provisioner, or one that fails saying it is missing. */
    public static ProvisionCall find(String kindPath) {
        for (ProvisionBinding binding : ExtensionList.lookup(ProvisionBinding.class)) {
            return binding.call(kindPath);
        }
        return ProvisionCall.unbound();
    }
}

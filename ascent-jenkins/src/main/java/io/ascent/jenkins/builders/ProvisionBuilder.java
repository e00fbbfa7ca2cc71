package io.ascent.jenkins.builders;

import hudson.EnvVars;
import io.ascent.jenkins.agent.BuildEnvironment;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import io.ascent.jenkins.config.AscentGlobalConfiguration;
import io.ascent.jenkins.steps.ProvisionStep;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * The freestyle form of {@code ascentProvision} without a block: the engine's whole scenario on the agent (validate,
 * preflight, cluster, deploy, tests, teardown), judged by the same thresholds as {@code ascentValidate}. An aborted
 * build interrupts the agent thread and the engine still tears down. Its settings are a {@link ProvisionStep}, the
 * object the Pipeline step binds.
 */
public class ProvisionBuilder extends Builder implements SimpleBuildStep {

    private final ProvisionStep settings;

    @DataBoundConstructor
    public ProvisionBuilder(ProvisionStep settings) {
        this.settings = settings == null ? new ProvisionStep() : settings;
    }

    /** A job saved without settings (none set in an early form) reads back with a new step's defaults. */
    protected Object readResolve() {
        return settings == null ? new ProvisionBuilder(null) : this;
    }

    public ProvisionStep getSettings() {
        return settings;
    }

    @Override
    public void perform(Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener)
            throws InterruptedException, IOException {
        AscentGlobalConfiguration global = AscentGlobalConfiguration.get();
        // env: the build's environment (the agent's overridden by the build's and its wrappers'), as the engine's
        settings.provision(run, workspace, listener, null, global, settings.clusterAccess(global),
                BuildEnvironment.of(env));
    }

    @Extension
    @Symbol("ascentProvision")
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {


        // Jenkins declares the raw type.
        @SuppressWarnings("rawtypes")
        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @Override
        public String getDisplayName() {
            return "Ascent: provision a Kubernetes cluster for the run";
        }
    }
}

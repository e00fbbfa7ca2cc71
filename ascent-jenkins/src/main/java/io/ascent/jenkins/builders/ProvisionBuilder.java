package io.ascent.jenkins.builders;

import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.slaves.WorkspaceList;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import io.ascent.jenkins.agent.ProvisionBinding;
import io.ascent.jenkins.config.AscentGlobalConfiguration;
import io.ascent.jenkins.steps.ProvisionStep;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * The freestyle form of {@code ascentProvision} without a block: creates the run's cluster on the agent and deletes
 * it again in a {@code finally}, so an aborted build (its executor thread interrupted) still tears down. Its settings
 * are a {@link ProvisionStep}, the object the Pipeline step binds.
 */
public class ProvisionBuilder extends Builder implements SimpleBuildStep {

    private final ProvisionStep settings;

    @DataBoundConstructor
    public ProvisionBuilder(ProvisionStep settings) {
        this.settings = settings == null ? new ProvisionStep() : settings;
    }

    public ProvisionStep getSettings() {
        return settings;
    }

    @Override
    public void perform(Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener)
            throws InterruptedException, IOException {
        AscentGlobalConfiguration global = AscentGlobalConfiguration.get();
        settings.createAndDelete(run, WorkspaceList.tempDir(workspace), listener, global,
                ProvisionBinding.find(global.getKindPath()));
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

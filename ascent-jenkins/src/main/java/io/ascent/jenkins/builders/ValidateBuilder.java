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
import io.ascent.jenkins.steps.ValidateStep;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * The freestyle form of {@code ascentValidate}. Its settings are a {@link ValidateStep}, the same object the Pipeline
 * step binds, so no setting is declared twice; the form nests the step's own fields and checks.
 */
public class ValidateBuilder extends Builder implements SimpleBuildStep {

    private final ValidateStep settings;

    @DataBoundConstructor
    public ValidateBuilder(ValidateStep settings) {
        this.settings = settings == null ? new ValidateStep() : settings;
    }

    /** A job saved without settings (none set in an early form) reads back with a new step's defaults. */
    protected Object readResolve() {
        return settings == null ? new ValidateBuilder(null) : this;
    }

    public ValidateStep getSettings() {
        return settings;
    }

    /**
     * @throws hudson.AbortException when {@code failOn} is reached (the build fails with the report kept)
     * @throws InterruptedException  when the build is aborted
     */
    @Override
    public void perform(Run<?, ?> run, FilePath workspace, EnvVars env, Launcher launcher, TaskListener listener)
            throws InterruptedException, IOException {
        // env: the build's environment (the agent's overridden by the build's and its wrappers'), as the engine's
        settings.prepare(AscentGlobalConfiguration.get()).perform(run, workspace, listener, null,
                BuildEnvironment.of(env));
    }

    @Extension
    @Symbol("ascentValidate")
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {


        // Jenkins declares the raw type.
        @SuppressWarnings("rawtypes")
        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @Override
        public String getDisplayName() {
            return "Ascent: validate an application against its checklist";
        }
    }
}

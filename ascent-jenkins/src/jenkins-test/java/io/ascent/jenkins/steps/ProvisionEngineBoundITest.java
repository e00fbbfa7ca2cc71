package io.ascent.jenkins.steps;

import hudson.model.Result;
import io.ascent.jenkins.config.AscentGlobalConfiguration;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The plugin's own binding is the engine's: with a kind that does not exist, the block form fails before its block
 * (at preflight, or at {@code kind create cluster} where this machine has a container engine and kind on its PATH),
 * never saying the provisioner is missing.
 */
@WithJenkins
class ProvisionEngineBoundITest {

    @Test
    void shouldFailBeforeTheBlockWhenTheAgentCannotMakeACluster(JenkinsRule r) throws Exception {
        AscentGlobalConfiguration.get().setKindPath("/nonexistent/kind");
        WorkflowJob job = r.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition("node { ascentProvision { echo 'inside the block' } }", true));
        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);
        r.assertLogContains("[ascent] creating cluster ", run);
        r.assertLogNotContains("built without the provisioner", run);
        r.assertLogNotContains("inside the block", run);
    }
}

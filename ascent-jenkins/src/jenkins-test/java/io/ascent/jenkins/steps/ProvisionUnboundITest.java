package io.ascent.jenkins.steps;

import hudson.model.Result;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Without a bound provisioner the step fails saying so, and the block never runs. */
@WithJenkins
class ProvisionUnboundITest {

    @Test
    void shouldFailSayingTheProvisionerIsMissing(JenkinsRule r) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition("node { ascentProvision { echo 'inside the block' } }", true));
        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);
        r.assertLogContains("built without the provisioner", run);
        r.assertLogNotContains("inside the block", run);
    }
}

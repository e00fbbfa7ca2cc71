package io.ascent.jenkins.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.util.Secret;
import io.ascent.jenkins.agent.ProvisionBinding;
import io.ascent.jenkins.agent.ProvisionCall;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * The block's masking after a controller restart: the decorator is saved with the block's context in the program
 * and read back, so what the block prints after the restart is still masked.
 */
class ProvisionMaskingRestartITest {

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @TestExtension
    public static final class FakeBinding extends ProvisionBinding {
        @Override
        public ProvisionCall call(String kindPath) {
            return new ProvisionStepITest.FakeKind();
        }
    }

    @Test
    void shouldStillMaskTheTokenAfterARestartInsideTheBlock() throws Throwable {
        ProvisionStepITest.CALLS.clear();
        sessions.then(r -> {
            SystemCredentialsProvider.getInstance().getCredentials().add(new StringCredentialsImpl(
                    CredentialsScope.GLOBAL, "ci-token", "a token", Secret.fromString("SECRET-TOKEN-restart.abc")));
            SystemCredentialsProvider.getInstance().save();
            WorkflowJob job = r.createProject(WorkflowJob.class, "app");
            job.setDefinition(new CpsFlowDefinition("node {\n  ascentProvision(credentialsId: 'ci-token', "
                    + "serverUrl: 'https://api.example.com:6443') {\n"
                    + "    sh 'echo started; while [ ! -f go ]; do sleep 1; done; cat \"$KUBECONFIG\"'\n"
                    + "  }\n}", true));
            WorkflowRun run = job.scheduleBuild2(0).waitForStart();
            r.waitForMessage("started", run);
        });
        sessions.then(r -> {
            WorkflowJob job = r.jenkins.getItemByFullName("app", WorkflowJob.class);
            WorkflowRun run = job.getBuildByNumber(1);
            r.jenkins.getWorkspaceFor(job).child("go").write("", "UTF-8");
            r.assertBuildStatusSuccess(r.waitForCompletion(run));
            r.assertLogContains("token: ****", run);
            r.assertLogNotContains("SECRET-TOKEN", run);
            assertThat(ProvisionStepITest.CALLS).containsExactly("create <run>", "delete <run>");
        });
    }
}

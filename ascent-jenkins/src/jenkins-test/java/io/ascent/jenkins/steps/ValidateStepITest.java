package io.ascent.jenkins.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.ascent.jenkins.model.AscentResultAction;
import java.io.File;
import java.util.List;
import java.util.stream.StreamSupport;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** {@code ascentValidate} in real Pipelines, on the committed examples. */
@WithJenkins
class ValidateStepITest {

    private static WorkflowRun run(JenkinsRule r, String script, Result expected) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition(Examples.inRepository(script), true));
        return r.assertBuildStatus(expected, job.scheduleBuild2(0));
    }

    private static List<WarningAction> warnings(WorkflowRun run) {
        return StreamSupport.stream(new DepthFirstScanner().allNodes(run.getExecution()).spliterator(), false)
                .map(node -> node.getPersistentAction(WarningAction.class)).filter(w -> w != null).toList();
    }

    @Test
    void shouldValidateHelloWebAndReturnAResultTheSandboxMayRead(JenkinsRule r) throws Exception {
        WorkflowRun run = run(r, "def r = ascentValidate(dir: 'examples/hello-web', reports: '"
                + Examples.reports("hello") + "')\n"
                + "echo \"passed=${r.passed} result=${r.result} failed=${r.failedIds} sarif=${r.reportFiles.sarif}\"",
                Result.SUCCESS);
        r.assertLogContains("passed=true result=SUCCESS failed=[]", run);
        r.assertLogContains("sarif=" + Examples.reports("hello") + "ascent.sarif", run);
        r.assertLogContains("[ascent] checklist done in", run);
        assertThat(Examples.REPOSITORY.resolve(Examples.reports("hello")).resolve("ascent-junit.xml")).exists();

        AscentResultAction action = run.getAction(AscentResultAction.class);
        assertThat(action.getCounts().failed()).isZero();
        assertThat(new File(run.getRootDir(), "ascent/ascent.json")).exists();
        assertThat(warnings(run)).isEmpty();

        JenkinsRule.WebClient web = r.createWebClient();
        assertThat(web.getPage(run).asNormalizedText()).contains("Ascent report").contains(action.getHeadline());
        assertThat(web.getPage(run, "ascent/").asNormalizedText()).contains("examples/hello-web").contains("pass (");
    }

    @Test
    void shouldFailTheStageAndBuildAndShowEachFailedItemAtItsLine(JenkinsRule r) throws Exception {
        WorkflowRun run = run(r, "ascentValidate(dir: 'examples/broken-schema', reports: '"
                + Examples.reports("broken") + "')\necho 'not reached'", Result.FAILURE);
        r.assertLogContains("examples/broken-schema/ascent.yaml:9:3", run);
        r.assertLogNotContains("not reached", run);
        assertThat(warnings(run)).singleElement().satisfies(warning -> {
            assertThat(warning.getResult()).isEqualTo(Result.FAILURE);
            assertThat(warning.getMessage()).startsWith("Ascent: ").contains("checklist.schema");
        });
        JenkinsRule.WebClient web = r.createWebClient();
        assertThat(web.getPage(run, "ascent/").asNormalizedText()).contains("examples/broken-schema/ascent.yaml:9:3");
        assertThat(web.getPage(run).asNormalizedText()).contains("examples/broken-schema/ascent.yaml:9:3");
    }

    @Test
    void shouldOnlyMarkTheStageUnstableWhenFailOnIsNever(JenkinsRule r) throws Exception {
        WorkflowRun run = run(r, "def r = ascentValidate(dir: 'examples/broken-schema', failOn: 'never', "
                + "unstableOn: 'fail', reports: '" + Examples.reports("unstable") + "')\n"
                + "echo \"passed=${r.passed} errors=${r.errorCount}\"", Result.UNSTABLE);
        r.assertLogContains("passed=false errors=", run);
        assertThat(warnings(run)).singleElement().extracting(WarningAction::getResult).isEqualTo(Result.UNSTABLE);
    }

    @Test
    void shouldMarkTheDeclarativeStageUnstable(JenkinsRule r) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition("pipeline {\n agent any\n stages {\n  stage('Checklist') {\n"
                + "   steps {\n    ws('" + Examples.REPOSITORY + "') {\n"
                + "     ascentValidate dir: 'examples/broken-schema', failOn: 'never', reports: '"
                + Examples.reports("declarative") + "'\n    }\n   }\n  }\n }\n}", true));
        WorkflowRun run = r.assertBuildStatus(Result.UNSTABLE, job.scheduleBuild2(0));
        assertThat(warnings(run)).singleElement().extracting(WarningAction::getResult).isEqualTo(Result.UNSTABLE);
        r.assertLogContains("examples/broken-schema/ascent.yaml:12:12", run);
    }

    @Test
    void shouldRefuseABadThresholdBeforeRunning(JenkinsRule r) throws Exception {
        WorkflowRun run = run(r, "ascentValidate(dir: 'examples/hello-web', failOn: 'sometimes')", Result.FAILURE);
        r.assertLogContains("failOn: 'sometimes' is not one of fail, warn, never", run);
        assertThat(run.getAction(AscentResultAction.class)).isNull();
    }

    @Test
    void shouldKeepTwoValidationsOfOneBuildApart(JenkinsRule r) throws Exception {
        WorkflowRun run = run(r, "ascentValidate(dir: 'examples/hello-web', reports: '" + Examples.reports("one")
                + "')\nascentValidate(dir: 'examples/broken-schema', failOn: 'never', reports: '"
                + Examples.reports("two") + "')", Result.UNSTABLE);
        assertThat(run.getActions(AscentResultAction.class)).extracting(AscentResultAction::getUrlName)
                .containsExactly("ascent", "ascent-2");
    }
}

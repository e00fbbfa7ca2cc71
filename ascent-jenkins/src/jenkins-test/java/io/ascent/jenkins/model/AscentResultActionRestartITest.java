package io.ascent.jenkins.model;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import java.nio.file.Path;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/** The build page after a controller restart: counts from build.xml, the report from its JSON file. */
class AscentResultActionRestartITest {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @Test
    void shouldShowTheReportAfterARestart() throws Throwable {
        String[] headline = new String[1];
        sessions.then(r -> {
            WorkflowJob job = r.createProject(WorkflowJob.class, "app");
            job.setDefinition(new CpsFlowDefinition("node { ws('" + REPOSITORY + "') { ascentValidate(dir: "
                    + "'examples/broken-schema', failOn: 'never', reports: 'ascent-jenkins/target/jenkins/"
                    + "it-reports/restart/') } }", true));
            WorkflowRun run = r.assertBuildStatus(Result.UNSTABLE, job.scheduleBuild2(0));
            headline[0] = run.getAction(AscentResultAction.class).getHeadline();
        });
        sessions.then(r -> {
            WorkflowRun run = r.jenkins.getItemByFullName("app", WorkflowJob.class).getBuildByNumber(1);
            AscentResultAction action = run.getAction(AscentResultAction.class);
            assertThat(action.getHeadline()).isEqualTo(headline[0]);
            assertThat(action.report()).isPresent();
            assertThat(action.getSummary().getItems()).isNotEmpty();
            assertThat(r.createWebClient().getPage(run, "ascent/").asNormalizedText())
                    .contains("examples/broken-schema/ascent.yaml:9:3");
        });
    }
}

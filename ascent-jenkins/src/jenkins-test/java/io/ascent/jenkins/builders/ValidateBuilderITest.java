package io.ascent.jenkins.builders;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.ascent.jenkins.model.AscentResultAction;
import io.ascent.jenkins.steps.ValidateStep;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The freestyle build step: its form round trip (nested settings) and a build on the committed examples. */
@WithJenkins
class ValidateBuilderITest {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    private static FreeStyleProject project(JenkinsRule r, String dir, String failOn) throws Exception {
        ValidateStep settings = new ValidateStep();
        settings.setDir(dir);
        settings.setFailOn(failOn);
        settings.setReports("ascent-jenkins/target/jenkins/it-reports/freestyle/");
        FreeStyleProject project = r.createFreeStyleProject();
        project.setCustomWorkspace(REPOSITORY.toString());
        project.getBuildersList().add(new ValidateBuilder(settings));
        return project;
    }

    @Test
    void shouldKeepEverySettingThroughTheConfigurationForm(JenkinsRule r) throws Exception {
        FreeStyleProject project = project(r, "examples/hello-web", "warn");
        ValidateBuilder before = project.getBuildersList().get(ValidateBuilder.class);
        before.getSettings().setKubernetesVersion("1.30");
        before.getSettings().setUnstableOn("never");
        r.configRoundtrip(project);
        r.assertEqualDataBoundBeans(before, project.getBuildersList().get(ValidateBuilder.class));
    }

    @Test
    void shouldValidateAndKeepTheReportWithTheBuild(JenkinsRule r) throws Exception {
        FreeStyleBuild build = r.buildAndAssertSuccess(project(r, "examples/hello-web", "fail"));
        assertThat(build.getAction(AscentResultAction.class).getCounts().failed()).isZero();
        r.assertLogContains("[ascent] validating examples/hello-web", build);
    }

    @Test
    void shouldFailTheBuildByTheThreshold(JenkinsRule r) throws Exception {
        FreeStyleBuild build = r.buildAndAssertStatus(Result.FAILURE, project(r, "examples/broken-schema", "fail"));
        r.assertLogContains("examples/broken-schema/ascent.yaml:9:3", build);
        assertThat(build.getAction(AscentResultAction.class)).isNotNull();
    }
}

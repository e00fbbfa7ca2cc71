package io.ascent.jenkins.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.ascent.core.network.UrlAllowList;
import io.ascent.core.report.render.Format;
import io.ascent.jenkins.agent.ValidateRequest;
import io.ascent.jenkins.config.AscentGlobalConfiguration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidateStepTest {

    private static final UrlAllowList ALLOWED = UrlAllowList.of(List.of("https://schemas.example.org/"));

    private static AscentGlobalConfiguration global(String version) {
        AscentGlobalConfiguration global = mock(AscentGlobalConfiguration.class);
        when(global.getKubernetesVersion()).thenReturn(version);
        when(global.formats()).thenReturn(List.of(Format.JSON, Format.SARIF));
        when(global.allowedUrls()).thenReturn(ALLOWED);
        when(global.kindOperatorSettings()).thenReturn(io.ascent.jenkins.agent.KindOperatorSettings.NONE);
        return global;
    }

    @Test
    void shouldDefaultEverySettingAsDocumented() {
        ValidateStep step = new ValidateStep();
        assertThat(step.getDir()).isEqualTo(".");
        assertThat(step.getChecklist()).isEmpty();
        assertThat(step.getKubernetesVersion()).isEmpty();
        assertThat(step.getFailOn()).isEqualTo("fail");
        assertThat(step.getUnstableOn()).isEqualTo("warn");
        assertThat(step.getReports()).isEqualTo("target/ascent/");

        ValidationRun run = step.prepare(global(""));
        assertThat(run.request()).isEqualTo(new ValidateRequest(".", "", "", "target/ascent/",
                List.of(Format.JSON, Format.SARIF), ALLOWED));
        assertThat(run.thresholds()).isEqualTo(new Thresholds(Threshold.FAIL, Threshold.WARN));
    }

    @Test
    void shouldBindEveryArgument() {
        ValidateStep step = new ValidateStep();
        step.setDir(" examples/hello-web ");
        step.setChecklist("ci/ascent.yaml");
        step.setKubernetesVersion("1.30");
        step.setFailOn("warn");
        step.setUnstableOn("never");
        step.setReports("out/ascent");

        ValidationRun run = step.prepare(global("1.28"));
        assertThat(run.request()).isEqualTo(new ValidateRequest("examples/hello-web", "ci/ascent.yaml", "1.30",
                "out/ascent", List.of(Format.JSON, Format.SARIF), ALLOWED));
        assertThat(run.thresholds()).isEqualTo(new Thresholds(Threshold.WARN, Threshold.NEVER));
    }

    @Test
    void shouldPassTheAdministratorsKindMountFoldersAndNodeImagesToTheAgent() {
        AscentGlobalConfiguration global = global("");
        when(global.kindOperatorSettings()).thenReturn(new io.ascent.jenkins.agent.KindOperatorSettings(
                List.of("/srv/cache", "/srv/images"), List.of("mirror.example.com/kindest/node")));

        assertThat(new ValidateStep().prepare(global).request().kindMounts())
                .containsExactly("/srv/cache", "/srv/images");
        assertThat(new ValidateStep().prepare(global).request().kindNodeImages())
                .containsExactly("mirror.example.com/kindest/node");
    }

    @Test
    void shouldTakeTheOperatorsVersionWhenTheStepNamesNone() {
        assertThat(new ValidateStep().prepare(global("1.28")).request().kubernetesVersion()).isEqualTo("1.28");
    }

    @Test
    void shouldTurnBlankArgumentsBackIntoDefaults() {
        ValidateStep step = new ValidateStep();
        step.setDir("");
        step.setFailOn(" ");
        step.setUnstableOn(null);
        step.setReports(null);
        assertThat(step.getDir()).isEqualTo(".");
        assertThat(step.getFailOn()).isEqualTo("fail");
        assertThat(step.getUnstableOn()).isEqualTo("warn");
        assertThat(step.getReports()).isEqualTo("target/ascent/");
    }

    @Test
    void shouldRefuseBadArgumentsWhenBoundNamingTheField() {
        ValidateStep step = new ValidateStep();
        assertThatThrownBy(() -> step.setFailOn("sometimes")).hasMessage(
                "failOn: 'sometimes' is not one of fail, warn, never");
        assertThatThrownBy(() -> step.setUnstableOn("WARN")).hasMessageStartingWith("unstableOn: ");
        assertThatThrownBy(() -> step.setDir("../other")).hasMessage("dir: '..' would leave the workspace");
        assertThatThrownBy(() -> step.setReports("/tmp/x")).hasMessage(
                "reports: use a path relative to the workspace");
        assertThatThrownBy(() -> step.setChecklist("a/../../b")).hasMessageStartingWith("checklist: ");
        assertThatThrownBy(() -> step.setKubernetesVersion("one.thirty"))
                .hasMessageStartingWith("kubernetesVersion: ");
    }

    @Test
    void shouldShowOnlyTheDirectoryInThePipelineGraph() {
        ValidateStep.DescriptorImpl descriptor = new ValidateStep.DescriptorImpl();
        assertThat(descriptor.argumentsToString(Map.of("dir", "examples/hello-web", "failOn", "warn")))
                .isEqualTo("examples/hello-web");
        assertThat(descriptor.getFunctionName()).isEqualTo("ascentValidate");
        assertThat(descriptor.doFillFailOnItems()).extracting(option -> option.value)
                .containsExactly("fail", "warn", "never");
    }

    @Test
    void shouldAnswerFormChecksWithThePlainTextProblem() {
        assertThat(FieldChecks.threshold("fail")).isEmpty();
        assertThat(FieldChecks.threshold("x")).contains("'x' is not one of fail, warn, never");
        assertThat(FieldChecks.relativePath("C:\\work")).isPresent();
        assertThat(FieldChecks.relativePath("a/..b/c")).isEmpty();
        assertThat(FieldChecks.kubernetesVersion("")).isEmpty();
        assertThat(FieldChecks.form(FieldChecks.threshold("x")).kind).isEqualTo(hudson.util.FormValidation.Kind.ERROR);
    }

    @Test
    void shouldCheckFormsOnlyForUsersWhoMayConfigureTheJob() {
        hudson.model.Item item = mock(hudson.model.Item.class);
        org.mockito.Mockito.doThrow(new org.springframework.security.access.AccessDeniedException("no"))
                .when(item).checkPermission(hudson.model.Item.CONFIGURE);
        ValidateStep.DescriptorImpl descriptor = new ValidateStep.DescriptorImpl();
        assertThatThrownBy(() -> descriptor.doCheckFailOn("fail", item))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> descriptor.doCheckDir(".", item))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);

        hudson.model.Item allowed = mock(hudson.model.Item.class);
        assertThat(descriptor.doCheckUnstableOn("sometimes", allowed).kind)
                .isEqualTo(hudson.util.FormValidation.Kind.ERROR);
        assertThat(descriptor.doCheckReports("target/ascent/", allowed).kind)
                .isEqualTo(hudson.util.FormValidation.Kind.OK);
        org.mockito.Mockito.verify(allowed, org.mockito.Mockito.times(2)).checkPermission(hudson.model.Item.CONFIGURE);
    }
}

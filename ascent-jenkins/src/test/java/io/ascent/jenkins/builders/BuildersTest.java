package io.ascent.jenkins.builders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.ascent.core.report.render.Format;
import io.ascent.jenkins.agent.AgentReport;
import io.ascent.jenkins.agent.ValidateCallable;
import io.ascent.jenkins.config.AscentGlobalConfiguration;
import io.ascent.jenkins.model.AscentResultAction;
import io.ascent.jenkins.model.Reports;
import io.ascent.jenkins.steps.ValidateStep;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.MockedStatic;

class BuildersTest {

    @TempDir
    Path buildDirectory;

    @Test
    void shouldValidateInAFreestyleBuildWithTheStepsSettingsAndFailTheBuild() throws Exception {
        Run<?, ?> run = mock(Run.class);
        when(run.getRootDir()).thenReturn(buildDirectory.toFile());
        when(run.getUrl()).thenReturn("job/app/3/");
        when(run.getActions(AscentResultAction.class)).thenReturn(new ArrayList<>());
        TaskListener listener = mock(TaskListener.class);
        when(listener.getLogger()).thenReturn(new PrintStream(new ByteArrayOutputStream(), true));
        FilePath workspace = mock(FilePath.class);
        when(workspace.act(any(ValidateCallable.class))).thenReturn(new AgentReport(Reports.failing(1), Map.of()));
        AscentGlobalConfiguration global = mock(AscentGlobalConfiguration.class);
        when(global.getKubernetesVersion()).thenReturn("");
        when(global.formats()).thenReturn(List.of(Format.JSON));
        when(global.allowedUrls()).thenReturn(io.ascent.core.network.UrlAllowList.none());
        when(global.kindOperatorSettings()).thenReturn(io.ascent.jenkins.agent.KindOperatorSettings.NONE);

        // the freestyle build's EnvVars: the agent's environment overridden by the build's and its wrappers'
        hudson.EnvVars env = new hudson.EnvVars(Map.of("KUBECONFIG", "/ws@tmp/kc", "PATH", "/tools/bin"));
        ValidateStep settings = new ValidateStep();
        settings.setDir("examples/hello-web");
        ValidateBuilder builder = new ValidateBuilder(settings);
        assertThat(builder.getSettings()).isSameAs(settings);
        try (MockedStatic<AscentGlobalConfiguration> config = mockStatic(AscentGlobalConfiguration.class)) {
            config.when(AscentGlobalConfiguration::get).thenReturn(global);
            assertThatThrownBy(() -> builder.perform(run, workspace, env, null, listener))
                    .isInstanceOf(AbortException.class).hasMessageContaining("1 failed of 1 item");
        }
        org.mockito.ArgumentCaptor<ValidateCallable> callable = org.mockito.ArgumentCaptor.forClass(
                ValidateCallable.class);
        verify(workspace).act(callable.capture());
        assertThat(callable.getValue()).as("the build's environment goes to the agent").extracting("environment")
                .isEqualTo(io.ascent.jenkins.agent.BuildEnvironment.of(env));
        verify(run).setResult(Result.FAILURE);
        verify(run).addAction(any(AscentResultAction.class));
    }

    @Test
    void shouldStartFromDefaultSettingsWhenTheFormSendsNone() {
        assertThat(new ValidateBuilder(null).getSettings().getFailOn()).isEqualTo("fail");
        assertThat(new ProvisionBuilder(null).getSettings().getTimeoutMinutes()).isEqualTo(10);
    }
}

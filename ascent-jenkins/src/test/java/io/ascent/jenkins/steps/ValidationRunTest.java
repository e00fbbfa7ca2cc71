package io.ascent.jenkins.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.ascent.core.report.Report;
import io.ascent.core.report.render.Format;
import io.ascent.jenkins.agent.AgentReport;
import io.ascent.jenkins.agent.BuildEnvironment;
import io.ascent.jenkins.agent.ValidateCallable;
import io.ascent.jenkins.agent.ValidateRequest;
import io.ascent.jenkins.model.AscentResultAction;
import io.ascent.jenkins.model.Reports;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

class ValidationRunTest {

    /** This JVM's environment as a build's (what the callables ran in before builds had their own). */
    static final BuildEnvironment THIS_JVM = BuildEnvironment.of(System.getenv());

    @TempDir
    Path buildDirectory;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final TaskListener listener = mock(TaskListener.class);
    private final Run<?, ?> run = mock(Run.class);
    private final FlowNode node = mock(FlowNode.class);
    private final FilePath workspace = mock(FilePath.class);
    private final ValidateRequest request = new ValidateRequest("examples/app", "", "", "target/ascent/",
            List.of(Format.JSON, Format.SARIF), io.ascent.core.network.UrlAllowList.none());

    private ValidationRun validation(Threshold failOn, Threshold unstableOn, Report report) throws Exception {
        when(listener.getLogger()).thenReturn(new PrintStream(log, true, StandardCharsets.UTF_8));
        when(run.getRootDir()).thenReturn(buildDirectory.toFile());
        when(run.getUrl()).thenReturn("job/app/7/");
        when(run.getActions(AscentResultAction.class)).thenReturn(new ArrayList<>());
        when(workspace.act(any(ValidateCallable.class))).thenReturn(new AgentReport(report,
                Map.of("json", "target/ascent/ascent-report.json", "sarif", "target/ascent/ascent.sarif")));
        return new ValidationRun(request, new Thresholds(failOn, unstableOn));
    }

    private String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldReturnCountsIdsAndFilesForAPassingReport() throws Exception {
        ValidateResult result = validation(Threshold.FAIL, Threshold.WARN, Reports.passing())
                .perform(run, workspace, listener, node, THIS_JVM);
        assertThat(result.isPassed()).isTrue();
        assertThat(result.getResult()).isEqualTo("SUCCESS");
        assertThat(result.getTotalCount()).isEqualTo(1);
        assertThat(result.getPassCount()).isEqualTo(1);
        assertThat(result.getFailedIds()).isEmpty();
        assertThat(result.getReportFiles()).containsEntry("sarif", "target/ascent/ascent.sarif");
        verify(run, never()).setResult(any());
        verify(node, never()).addOrReplaceAction(any());
        verify(run).addAction(any(AscentResultAction.class));
        assertThat(log()).contains("[ascent] 1 passed of 1 item: Ascent report")
                .contains("[ascent] sarif report: target/ascent/ascent.sarif");
    }

    @Test
    void shouldRunTheRequestOnTheWorkspacesMachine() throws Exception {
        validation(Threshold.FAIL, Threshold.WARN, Reports.passing()).perform(run, workspace, listener, node, THIS_JVM);
        ArgumentCaptor<ValidateCallable> callable = ArgumentCaptor.forClass(ValidateCallable.class);
        verify(workspace).act(callable.capture());
        assertThat(callable.getValue()).isNotNull();
    }

    @Test
    void shouldSendThePipelineStepsEnvVarsToTheAgentNotThisJvms() throws Exception {
        // ascentValidate inside withEnv / tool: the render tools are found on that PATH
        hudson.EnvVars build = new hudson.EnvVars(Map.of("PATH", "/tools/helm/bin:/usr/bin", "BUILD_MARK", "yes"));
        org.jenkinsci.plugins.workflow.steps.StepContext context = mock(
                org.jenkinsci.plugins.workflow.steps.StepContext.class);
        when(context.get(Run.class)).thenAnswer(invocation -> run);
        when(context.get(FilePath.class)).thenReturn(workspace);
        when(context.get(TaskListener.class)).thenReturn(listener);
        when(context.get(FlowNode.class)).thenReturn(node);
        when(context.get(hudson.EnvVars.class)).thenReturn(build);

        new ValidateStep.Execution(context, validation(Threshold.FAIL, Threshold.WARN, Reports.passing())).run();

        ArgumentCaptor<ValidateCallable> callable = ArgumentCaptor.forClass(ValidateCallable.class);
        verify(workspace).act(callable.capture());
        assertThat(callable.getValue()).extracting("environment").isEqualTo(BuildEnvironment.of(build));
    }

    @Test
    void shouldMarkTheStageUnstableAndListWarningsWithoutFailing() throws Exception {
        ValidateResult result = validation(Threshold.FAIL, Threshold.WARN, Reports.warningsOnly())
                .perform(run, workspace, listener, node, THIS_JVM);
        assertThat(result.getResult()).isEqualTo("UNSTABLE");
        assertThat(result.isPassed()).isTrue();
        assertThat(result.getWarnCount()).isEqualTo(1);
        verify(run).setResult(Result.UNSTABLE);
        ArgumentCaptor<WarningAction> warning = ArgumentCaptor.forClass(WarningAction.class);
        verify(node).addOrReplaceAction(warning.capture());
        assertThat(warning.getValue().getResult()).isEqualTo(Result.UNSTABLE);
        assertThat(warning.getValue().getMessage()).isEqualTo("Ascent: 1 warning of 1 item");
    }

    @Test
    void shouldFailTheStepAfterKeepingTheReportAndPrintingEachFailedItemAtItsLine() throws Exception {
        ValidationRun validation = validation(Threshold.FAIL, Threshold.WARN, Reports.mixed());
        assertThatThrownBy(() -> validation.perform(run, workspace, listener, node, THIS_JVM))
                .isInstanceOf(AbortException.class)
                .hasMessage("[ascent] 1 failed, 1 error, 1 warning, 1 waived, 1 skipped, 1 passed of 6 items "
                        + "(failOn: fail)");
        verify(run).addAction(any(AscentResultAction.class));
        assertThat(buildDirectory.resolve("ascent/ascent.json")).exists();
        verify(run).setResult(Result.FAILURE);
        ArgumentCaptor<WarningAction> warning = ArgumentCaptor.forClass(WarningAction.class);
        verify(node).addOrReplaceAction(warning.capture());
        assertThat(warning.getValue().getMessage())
                .isEqualTo("Ascent: 2 gating items (repo.required, manifest.parse)");
        assertThat(log())
                .contains("[ascent] FAIL examples/app: no file matches 'LICENSE*' [repo.required]")
                .contains("[ascent] ERROR examples/app/deploy/app.yaml:3:7: invalid YAML [manifest.parse]")
                .doesNotContain("no readinessProbe");
    }

    @Test
    void shouldReturnTheFailedIdsWhenFailOnIsNever() throws Exception {
        ValidateResult result = validation(Threshold.NEVER, Threshold.FAIL, Reports.failing(2))
                .perform(run, workspace, listener, node, THIS_JVM);
        assertThat(result.isPassed()).isFalse();
        assertThat(result.getResult()).isEqualTo("UNSTABLE");
        assertThat(result.getFailCount()).isEqualTo(2);
        assertThat(result.getFailedIds()).containsExactly("check.1", "check.2");
    }

    @Test
    void shouldSurviveTheTripThroughThePipelinesProgramState() throws Exception {
        ValidateResult result = validation(Threshold.NEVER, Threshold.NEVER, Reports.mixed())
                .perform(run, workspace, listener, node, THIS_JVM);
        ValidateResult copy = io.ascent.jenkins.agent.Serialization.roundTrip(result);
        assertThat(copy).usingRecursiveComparison().isEqualTo(result);
        assertThat(copy.getErrorCount()).isEqualTo(1);
        assertThat(copy.getWaivedCount()).isEqualTo(1);
        assertThat(copy.getSkipCount()).isEqualTo(1);
    }
}

package io.ascent.jenkins.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import hudson.model.Result;
import hudson.model.Run;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class StageResultTest {

    private final Run<?, ?> run = mock(Run.class);
    private final FlowNode node = mock(FlowNode.class);

    @Test
    void shouldMarkTheStageAndTheBuildUnstableWithTheMessage() {
        StageResult.mark(run, node, Result.UNSTABLE, "Ascent: 2 gating items (a, b)");
        ArgumentCaptor<WarningAction> warning = ArgumentCaptor.forClass(WarningAction.class);
        verify(node).addOrReplaceAction(warning.capture());
        assertThat(warning.getValue().getResult()).isEqualTo(Result.UNSTABLE);
        assertThat(warning.getValue().getMessage()).isEqualTo("Ascent: 2 gating items (a, b)");
        verify(run).setResult(Result.UNSTABLE);
    }

    @Test
    void shouldKeepAnExistingWorseWarning() {
        when(node.getPersistentAction(WarningAction.class)).thenReturn(new WarningAction(Result.FAILURE));
        StageResult.mark(run, node, Result.UNSTABLE, "m");
        verify(node, never()).addOrReplaceAction(any());
        verify(run).setResult(Result.UNSTABLE);
    }

    @Test
    void shouldReplaceAnExistingMilderWarning() {
        when(node.getPersistentAction(WarningAction.class)).thenReturn(new WarningAction(Result.UNSTABLE));
        StageResult.mark(run, node, Result.FAILURE, "m");
        ArgumentCaptor<WarningAction> warning = ArgumentCaptor.forClass(WarningAction.class);
        verify(node).addOrReplaceAction(warning.capture());
        assertThat(warning.getValue().getResult()).isEqualTo(Result.FAILURE);
    }

    @Test
    void shouldLeaveASuccessfulBuildAndStageAlone() {
        StageResult.mark(run, node, Result.SUCCESS, "m");
        verifyNoInteractions(run, node);
    }

    @Test
    void shouldMarkOnlyTheBuildInAFreestyleJob() {
        StageResult.mark(run, null, Result.UNSTABLE, "m");
        verify(run).setResult(Result.UNSTABLE);
    }
}

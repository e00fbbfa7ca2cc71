package io.ascent.jenkins.steps;

import hudson.model.Result;
import hudson.model.Run;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;

/**
 * Marks the build and, in a Pipeline, the step's stage with a result worse than SUCCESS, the way junit and
 * warnings-ng do: a {@link WarningAction} on the step's flow node (what Blue Ocean and the stage view show) and the
 * run's result, which only ever gets worse. An existing warning that is already worse is kept.
 */
final class StageResult {

    private StageResult() {
    }

    static void mark(Run<?, ?> run, FlowNode node, Result result, String message) {
        if (result.isBetterOrEqualTo(Result.SUCCESS)) {
            return;
        }
        if (node != null) {
            WarningAction existing = node.getPersistentAction(WarningAction.class);
            if (existing == null || existing.getResult().isBetterThan(result)) {
                node.addOrReplaceAction(new WarningAction(result).withMessage(message));
            }
        }
        run.setResult(result);
    }
}

package io.ascent.jenkins.steps;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.ascent.core.report.Report;
import io.ascent.jenkins.agent.AgentReport;
import io.ascent.jenkins.agent.BuildEnvironment;
import io.ascent.jenkins.agent.ValidateCallable;
import io.ascent.jenkins.agent.ValidateRequest;
import io.ascent.jenkins.model.AscentResultAction;
import io.ascent.jenkins.model.ConsoleReport;
import java.io.IOException;
import java.io.Serializable;
import java.util.Objects;
import org.jenkinsci.plugins.workflow.graph.FlowNode;

/**
 * One {@code ascentValidate}, from the Pipeline step or the freestyle builder: runs the engine on the agent, keeps the
 * report with the build, prints where to look, and turns the report into the build's (and stage's) result.
 */
public final class ValidationRun implements Serializable {

    private static final long serialVersionUID = 1L;

    private final ValidateRequest request;
    private final Thresholds thresholds;

    public ValidationRun(ValidateRequest request, Thresholds thresholds) {
        this.request = Objects.requireNonNull(request, "request");
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
    }

    ValidateRequest request() {
        return request;
    }

    Thresholds thresholds() {
        return thresholds;
    }

    /**
     * @param node the step's flow node in a Pipeline, {@code null} in a freestyle build
     * @param environment the build's, which the engine runs in on the agent instead of the agent JVM's
     * @return what the Pipeline script gets back
     * @throws AbortException       when {@code failOn} is reached, after the report is kept and the result set
     * @throws InterruptedException when the build is aborted
     */
    public ValidateResult perform(Run<?, ?> run, FilePath workspace, TaskListener listener, FlowNode node,
            BuildEnvironment environment) throws IOException, InterruptedException {
        listener.getLogger().println("[ascent] validating " + request.directory() + " on "
                + (workspace.isRemote() ? "the agent" : "the controller"));
        AgentReport agent = workspace.act(new ValidateCallable(request, listener, environment));
        return conclude(run, listener, node, agent, thresholds);
    }

    /**
     * What {@code ascentValidate} and {@code ascentProvision} do with the agent's report: keep it with the build (the
     * build page's summary and the phases timeline), print where to look, mark the stage and set the build's result.
     *
     * @throws AbortException when {@code failOn} is reached, after the report is kept and the result set
     */
    static ValidateResult conclude(Run<?, ?> run, TaskListener listener, FlowNode node, AgentReport agent,
            Thresholds thresholds) throws IOException {
        Report report = agent.report();
        AscentResultAction action = AscentResultAction.attach(run, report);
        ConsoleReport.print(listener, run, action, report, agent.files());
        Result result = thresholds.resultFor(report);
        StageResult.mark(run, node, result, ConsoleReport.stageMessage(report));
        if (result == Result.FAILURE) {
            throw new AbortException("[ascent] " + ConsoleReport.verdictLine(report) + " (failOn: "
                    + thresholds.failOn().label() + ")");
        }
        return new ValidateResult(report, result.toString(), agent.files());
    }
}

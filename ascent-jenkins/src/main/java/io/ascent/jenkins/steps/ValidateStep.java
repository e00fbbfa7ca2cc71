package io.ascent.jenkins.steps;

import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Run;
import hudson.util.FormValidation;
import hudson.model.TaskListener;
import io.ascent.jenkins.agent.BuildEnvironment;
import io.ascent.jenkins.agent.ValidateRequest;
import io.ascent.jenkins.config.AscentGlobalConfiguration;
import java.io.Serializable;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code ascentValidate(dir: '.', checklist: 'ascent.yaml', kubernetesVersion: '1.30', failOn: 'fail',
 * unstableOn: 'warn', reports: 'target/ascent/')}, and the one settings object of validation: the freestyle
 * {@code ValidateBuilder} holds an instance of this class instead of repeating its fields. Every field is optional;
 * a bad value is refused when the step is bound, before anything runs.
 */
public class ValidateStep extends Step implements Serializable {

    private static final long serialVersionUID = 1L;

    private String dir = ".";
    private String checklist = "";
    private String kubernetesVersion = "";
    private String failOn = Threshold.FAIL.label();
    private String unstableOn = Threshold.WARN.label();
    private String reports = "target/ascent/";

    @DataBoundConstructor
    public ValidateStep() {
        // every setting is optional
    }

    public String getDir() {
        return dir;
    }

    /** The application directory, relative to the workspace. */
    @DataBoundSetter
    public void setDir(String dir) {
        this.dir = path("dir", dir, ".");
    }

    public String getChecklist() {
        return checklist;
    }

    /** The checklist relative to {@code dir}; empty for {@code ascent.yaml} (or {@code ascent.yml}) there. */
    @DataBoundSetter
    public void setChecklist(String checklist) {
        this.checklist = path("checklist", checklist, "");
    }

    public String getKubernetesVersion() {
        return kubernetesVersion;
    }

    /** Overrides the checklist's target version; empty for the global default, then the checklist's. */
    @DataBoundSetter
    public void setKubernetesVersion(String kubernetesVersion) {
        String value = kubernetesVersion == null ? "" : kubernetesVersion.trim();
        refuse("kubernetesVersion", FieldChecks.kubernetesVersions(value));
        this.kubernetesVersion = value;
    }

    public String getFailOn() {
        return failOn;
    }

    /** {@code fail} (default), {@code warn} or {@code never}: from which items the build fails. */
    @DataBoundSetter
    public void setFailOn(String failOn) {
        this.failOn = threshold("failOn", failOn, Threshold.FAIL);
    }

    public String getUnstableOn() {
        return unstableOn;
    }

    /** {@code fail}, {@code warn} (default) or {@code never}: from which items the build is unstable. */
    @DataBoundSetter
    public void setUnstableOn(String unstableOn) {
        this.unstableOn = threshold("unstableOn", unstableOn, Threshold.WARN);
    }

    public String getReports() {
        return reports;
    }

    /** The workspace folder the report files go to. */
    @DataBoundSetter
    public void setReports(String reports) {
        this.reports = path("reports", reports, "target/ascent/");
    }

    /**
     * Settings read back from a form saved before a field existed (a freestyle job's {@code config.xml}, read by
     * XStream; a running Pipeline's {@code program.dat}, by Java serialization rules) have that field null: both
     * create the object without running its field initialisers. Each such field gets the default a new step has,
     * so an old job runs as it did. Inherited by {@link ProvisionStep}, which adds its own.
     */
    protected Object readResolve() {
        dir = dir == null ? "." : dir;
        checklist = checklist == null ? "" : checklist;
        kubernetesVersion = kubernetesVersion == null ? "" : kubernetesVersion;
        failOn = failOn == null ? Threshold.FAIL.label() : failOn;
        unstableOn = unstableOn == null ? Threshold.WARN.label() : unstableOn;
        reports = reports == null ? "target/ascent/" : reports;
        return this;
    }

    /** This step's settings with the operator's defaults filled in. */
    public ValidationRun prepare(AscentGlobalConfiguration global) {
        String version = kubernetesVersion.isEmpty() ? global.getKubernetesVersion() : kubernetesVersion;
        return new ValidationRun(new ValidateRequest(dir, checklist, version, reports, global.formats(),
                global.allowedUrls(), global.kindOperatorSettings().mounts(),
                global.kindOperatorSettings().nodeImages()),
                new Thresholds(Threshold.of(failOn), Threshold.of(unstableOn)));
    }

    @Override
    public StepExecution start(StepContext context) {
        return new Execution(context, prepare(AscentGlobalConfiguration.get()));
    }

    private static String threshold(String field, String value, Threshold fallback) {
        if (value == null || value.isBlank()) {
            return fallback.label();
        }
        try {
            return Threshold.of(value.trim()).label();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
        }
    }

    private static String path(String field, String value, String fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        refuse(field, FieldChecks.relativePath(value));
        return value.trim();
    }

    private static void refuse(String field, Optional<String> problem) {
        if (problem.isPresent()) {
            throw new IllegalArgumentException(field + ": " + problem.get());
        }
    }

    /** Runs the validation on a pool thread, so the Pipeline's CPS thread never waits on the agent. */
    static final class Execution extends SynchronousNonBlockingStepExecution<ValidateResult> {

        private static final long serialVersionUID = 1L;

        private final ValidationRun validation;

        Execution(StepContext context, ValidationRun validation) {
            super(context);
            this.validation = validation;
        }

        ValidationRun validation() {
            return validation;
        }

        @Override
        protected ValidateResult run() throws Exception {
            StepContext context = getContext();
            return validation.perform(context.get(Run.class), context.get(FilePath.class),
                    context.get(TaskListener.class), context.get(FlowNode.class),
                    // the build's environment where the step runs; asked for here, never kept in the saved execution
                    BuildEnvironment.of(context.get(EnvVars.class)));
        }
    }

    /** Also the descriptor of the freestyle builder's settings, so both pages share these checks. */
    @Extension
    @Symbol("ascentValidate")
    public static final class DescriptorImpl extends SettingsDescriptor {

        @Override
        public String getFunctionName() {
            return "ascentValidate";
        }

        @Override
        public String getDisplayName() {
            return "Validate an application against its Ascent Checklist";
        }

        /** Validation may name several versions or a range (upgrade planning); provisioning names one. */
        @Override
        @POST
        public FormValidation doCheckKubernetesVersion(@QueryParameter String value, @AncestorInPath Item item) {
            return FieldChecks.check(item, FieldChecks.kubernetesVersions(value));
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            // EnvVars as the sh step requires it (DurableTaskStep): the environment helm and kustomize run in
            return Set.of(Run.class, FilePath.class, TaskListener.class, FlowNode.class, EnvVars.class);
        }

        /** Keeps the step's label in the Pipeline graph short: the directory only. */
        @Override
        public String argumentsToString(Map<String, Object> namedArgs) {
            Object directory = namedArgs.get("dir");
            return directory == null ? "." : directory.toString();
        }
    }
}

package io.ascent.jenkins.steps;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.slaves.WorkspaceList;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import io.ascent.core.provision.ClusterDrivers;
import io.ascent.core.provision.RunName;
import io.ascent.jenkins.agent.AgentReport;
import io.ascent.jenkins.agent.ApiServer;
import io.ascent.jenkins.agent.BuildEnvironment;
import io.ascent.jenkins.agent.ClusterCredential;
import io.ascent.jenkins.agent.ClusterHandle;
import io.ascent.jenkins.agent.CreateClusterCallable;
import io.ascent.jenkins.agent.DeleteClusterCallable;
import io.ascent.jenkins.agent.ProvisionBinding;
import io.ascent.jenkins.agent.ProvisionCall;
import io.ascent.jenkins.agent.ProvisionCallable;
import io.ascent.jenkins.agent.ProvisionRequest;
import io.ascent.jenkins.config.AscentGlobalConfiguration;
import io.ascent.jenkins.config.ClusterAccess;
import io.ascent.jenkins.config.ClusterAccessChecks;
import io.ascent.jenkins.masking.SecretMasker;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.log.TaskListenerDecorator;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.jenkinsci.plugins.workflow.steps.GeneralNonBlockingStepExecution;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code ascentProvision(kubernetesVersion: '1.30') { sh 'kubectl get pods' }}: a cluster for the run, created on
 * the agent, {@code KUBECONFIG} pointing at it inside the block (a file under {@code <workspace>@tmp}, mode 0600),
 * and torn down off the CPS thread when the block ends: after success, failure or abort. Without a block it runs the
 * engine's whole scenario for {@code dir} (validate, preflight, cluster, deploy, tests, teardown) and judges the
 * report as {@code ascentValidate} does; {@code dir}, {@code checklist}, {@code failOn}, {@code unstableOn} and
 * {@code reports} are the settings {@link ValidateStep} defines.
 */
public class ProvisionStep extends ValidateStep {

    private static final long serialVersionUID = 1L;

    private String driver = "";
    private String nodeImage = "";
    private int timeoutMinutes = 10;
    private String credentialsId = "";
    private String serverUrl = "";
    private String caCertificate = "";
    /**
     * The names comma separated, kept as text as the global configuration keeps its lists: saved settings (a freestyle
     * job's XML, a running Pipeline's program) hold a plain string, and settings saved before this field existed
     * read back as empty ({@link #readResolve}), which means all tests.
     */
    private String tests = "";

    @DataBoundConstructor
    public ProvisionStep() {
        // every setting is optional
    }

    public String getDriver() {
        return driver;
    }

    /**
     * Without a block: {@code kind}, {@code existing}, or empty for {@code existing} when a cluster credential is
     * configured, else the checklist's {@code provision.cluster.driver}. The block form picks {@code existing} when a
     * credential is configured, else {@code kind}.
     */
    @DataBoundSetter
    public void setDriver(String driver) {
        String value = driver == null ? "" : driver.trim();
        if (!value.isEmpty() && !ClusterDrivers.names().contains(value)) {
            throw new IllegalArgumentException("driver: '" + value + "' is not one of " + ClusterDrivers.names());
        }
        this.driver = value;
    }

    public String getNodeImage() {
        return nodeImage;
    }

    /** A kind node image pinned by digest; empty for the one the kind release pins for the version. */
    @DataBoundSetter
    public void setNodeImage(String nodeImage) {
        this.nodeImage = nodeImage == null ? "" : nodeImage.trim();
    }

    public int getTimeoutMinutes() {
        return timeoutMinutes;
    }

    /** How long creating the cluster may take, 1 to 120 minutes (default 10). */
    @DataBoundSetter
    public void setTimeoutMinutes(int timeoutMinutes) {
        if (timeoutMinutes < 1 || timeoutMinutes > 120) {
            throw new IllegalArgumentException("timeoutMinutes: " + timeoutMinutes + " is not between 1 and 120");
        }
        this.timeoutMinutes = timeoutMinutes;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    /**
     * An existing cluster's credential for this step: a Secret file (a kubeconfig) or a Secret text (a service
     * account token, with {@code serverUrl}); empty for the one the administrator configured, if any.
     */
    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = credentialsId == null ? "" : credentialsId.trim();
    }

    public String getServerUrl() {
        return serverUrl;
    }

    /** The API server the step's token credential is sent to ({@code https://...}). */
    @DataBoundSetter
    public void setServerUrl(String serverUrl) {
        String value = serverUrl == null ? "" : serverUrl.trim();
        if (!value.isEmpty()) {
            ApiServer.url(value);
        }
        this.serverUrl = value;
    }

    public String getCaCertificate() {
        return caCertificate;
    }

    /** The CA certificates (PEM) of the step's token credential's API server; empty for the agent's trust store. */
    @DataBoundSetter
    public void setCaCertificate(String caCertificate) {
        String value = caCertificate == null ? "" : caCertificate.trim();
        ApiServer.certificates(value);
        this.caCertificate = value;
    }

    public List<String> getTests() {
        return names(List.of(tests));
    }

    /**
     * As {@link ValidateStep#readResolve}: a field the saved form did not have gets a new step's default; all tests,
     * no credential of the step's own, the checklist's driver, and a 10-minute create timeout (an absent
     * {@code int} reads as 0, which the setter never lets through).
     */
    @Override
    protected Object readResolve() {
        super.readResolve();
        driver = driver == null ? "" : driver;
        nodeImage = nodeImage == null ? "" : nodeImage;
        timeoutMinutes = timeoutMinutes == 0 ? 10 : timeoutMinutes;
        credentialsId = credentialsId == null ? "" : credentialsId;
        serverUrl = serverUrl == null ? "" : serverUrl;
        caCertificate = caCertificate == null ? "" : caCertificate;
        tests = tests == null ? "" : tests;
        return this;
    }

    /**
     * Runs only these smoke tests of the checklist's {@code provision.tests}, as {@code ascent provision --test}
     * does; empty (the default) for all of them. A Pipeline gives a list ({@code tests: ['content-check']}); the
     * form's text field is comma separated, as the form fields of core's and junit's lists are, and Stapler hands
     * the whole text over as one entry, so every entry is split at commas. Names are only trimmed here: whether the
     * checklist has them is the engine's question (an unknown name fails the build at {@code provision.tests}).
     */
    @DataBoundSetter
    public void setTests(List<String> tests) {
        this.tests = String.join(",", names(tests == null ? List.of() : tests));
    }

    /** The form's text: the names comma separated. */
    public String getTestsText() {
        return String.join(", ", getTests());
    }

    /** Each entry split at commas, trimmed, empty ones and repeats dropped, in order. */
    private static List<String> names(List<String> entries) {
        List<String> names = new ArrayList<>();
        for (String entry : entries) {
            for (String name : (entry == null ? "" : entry).split(",")) {
                String trimmed = name.strip();
                if (!trimmed.isEmpty() && !names.contains(trimmed)) {
                    names.add(trimmed);
                }
            }
        }
        return List.copyOf(names);
    }

    /**
     * The step's credential with its server when it names one, else the administrator's: a credential and the server
     * it is sent to always come from the same place, so a Pipeline cannot send the operator's token elsewhere.
     */
    public ClusterAccess clusterAccess(AscentGlobalConfiguration global) {
        if (!credentialsId.isEmpty() || !serverUrl.isEmpty() || !caCertificate.isEmpty()) {
            return new ClusterAccess(credentialsId, serverUrl, caCertificate);
        }
        return global.clusterAccess();
    }

    ProvisionRequest request(AscentGlobalConfiguration global, String runName) {
        String version = getKubernetesVersion().isEmpty() ? global.getKubernetesVersion() : getKubernetesVersion();
        return new ProvisionRequest(runName, version, nodeImage, Duration.ofMinutes(timeoutMinutes), getDir(),
                getChecklist(), global.kindOperatorSettings());
    }

    /**
     * A fresh {@link RunName} ({@code ascent-20261130-013502-k3f9qz}), as {@code ascent provision} names its runs, so
     * that {@code ascent gc} recognises a cluster or namespace a killed build left behind. The build is named in the
     * log line beside it, not in the name: a job's name would make the cluster a name gc cannot tell from a person's.
     */
    static String runName() {
        return RunName.next(Clock.systemUTC()).value();
    }

    /**
     * The form without a block (Pipeline and freestyle): the engine's whole scenario on the agent (validate,
     * preflight, cluster, deploy, tests, teardown), its report kept and judged as {@code ascentValidate}'s is.
     *
     * @param node the step's flow node in a Pipeline, {@code null} in a freestyle build
     * @param access the existing cluster's credential, {@link #clusterAccess}; {@link ClusterAccess#NONE} for kind
     * @param environment the build's ({@code EnvVars} of the step context or of the freestyle build), which the
     *                    engine runs in on the agent instead of the agent JVM's
     * @throws hudson.AbortException when {@code failOn} is reached or the credential cannot be read
     * @throws InterruptedException  when the build is aborted (the engine has torn the cluster down)
     */
    public ValidateResult provision(Run<?, ?> run, FilePath workspace, TaskListener listener, FlowNode node,
            AscentGlobalConfiguration global, ClusterAccess access, BuildEnvironment environment)
            throws IOException, InterruptedException {
        ValidationRun settings = prepare(global);
        ClusterCredential credential = access.read(run, listener);
        listener.getLogger().println("[ascent] provisioning " + settings.request().directory() + " on "
                + (workspace.isRemote() ? "the agent" : "the controller"));
        // An abort interrupts the agent thread; the engine tears down and the callable rethrows the interruption.
        AgentReport agent = workspace.act(new ProvisionCallable(settings.request(), driver,
                global.getKindPath(), global.kindOperatorSettings(), listener, credential, environment)
                .onlyTests(getTests()));
        return ValidationRun.conclude(run, listener, node, agent, settings.thresholds());
    }

    /**
     * The block form: creates the run's cluster on the agent that holds {@code workspace}, as the checklist of
     * {@code dir} asks for it, after the host policy and preflight.
     *
     * @param credential the existing cluster's credential, or null for kind
     */
    private ClusterHandle create(Run<?, ?> run, FilePath workspace, TaskListener listener,
            AscentGlobalConfiguration global, ClusterCredential credential, ProvisionCall provisioner,
            BuildEnvironment environment) throws IOException, InterruptedException {
        ProvisionRequest request = request(global, runName());
        listener.getLogger().println("[ascent] creating cluster " + request.runName() + " for "
                + run.getExternalizableId());
        // An abort while creating interrupts the agent thread; the callable releases what was half-created.
        ClusterHandle cluster = workspace.act(new CreateClusterCallable(request, provisioner, listener, credential,
                environment));
        listener.getLogger().println("[ascent] cluster " + cluster.name() + " is ready; namespace "
                + cluster.namespace());
        return cluster;
    }

    @Override
    public StepExecution start(StepContext context) {
        AscentGlobalConfiguration global = AscentGlobalConfiguration.get();
        return new Execution(context, this, clusterAccess(global), ProvisionBinding.find(global.getKindPath()));
    }

    /**
     * Without a block, runs the whole scenario on a pool thread. With one, creates the cluster on a pool thread, runs
     * the block with {@code KUBECONFIG}, and tears down in a
     * {@link GeneralNonBlockingStepExecution.TailCall}, which also runs off the CPS thread.
     */
    static final class Execution extends GeneralNonBlockingStepExecution {

        private static final long serialVersionUID = 1L;

        static final String BLOCK_RUNS_NO_TESTS = "[ascent] tests: ascentProvision with a block runs no smoke "
                + "tests (it creates a cluster for the block's own steps); remove tests, or call ascentProvision "
                + "without a block to run the whole scenario with these tests";

        private final ProvisionStep step;
        /** Ids and URLs only: the credential itself is read when the step runs. */
        private final ClusterAccess access;
        private final ProvisionCall provisioner;
        private ClusterHandle cluster;
        private volatile boolean tornDown;

        Execution(StepContext context, ProvisionStep step, ClusterAccess access, ProvisionCall provisioner) {
            super(context);
            this.step = step;
            this.access = access;
            this.provisioner = provisioner;
        }

        @Override
        public boolean start() {
            if (getContext().hasBody() && !step.getTests().isEmpty()) {
                // A user who names tests expects them to run; ignoring them would report a run that never happened.
                getContext().onFailure(new AbortException(BLOCK_RUNS_NO_TESTS));
                return true;
            }
            if (getContext().hasBody()) {
                run(this::create);
            } else {
                run(this::provision);
            }
            return false;
        }

        private void provision() throws Exception {
            StepContext context = getContext();
            context.onSuccess(step.provision(context.get(Run.class), context.get(FilePath.class),
                    context.get(TaskListener.class), context.get(FlowNode.class), AscentGlobalConfiguration.get(),
                    access, buildEnvironment(context)));
        }

        private void create() throws Exception {
            StepContext context = getContext();
            Run<?, ?> run = context.get(Run.class);
            TaskListener listener = context.get(TaskListener.class);
            ClusterCredential credential = access.read(run, listener);
            // Made before the cluster, so that nothing between creating it and starting the block can fail.
            Optional<SecretMasker> masker = credential == null ? Optional.empty()
                    : SecretMasker.of(credential.secrets(), run.getCharset());
            cluster = step.create(run, context.get(FilePath.class), listener, AscentGlobalConfiguration.get(),
                    credential, provisioner, buildEnvironment(context));
            try {
                startBlock(context, listener, credential, masker);
            } catch (Exception | Error e) {
                // The block never started, so its Teardown callback never runs: a cluster exists and must go.
                try {
                    new Teardown().finished(context);
                } catch (Exception | Error teardown) {
                    e.addSuppressed(teardown);
                }
                throw e;
            }
        }

        private void startBlock(StepContext context, TaskListener listener, ClusterCredential credential,
                Optional<SecretMasker> masker) throws Exception {
            EnvironmentExpander environment = EnvironmentExpander.merge(context.get(EnvironmentExpander.class),
                    new KubeconfigExpander(cluster.kubeconfig()));
            BodyInvoker body = context.newBodyInvoker().withContext(environment);
            if (masker.isPresent()) {
                // The block may print KUBECONFIG's content or a request's Authorization header: "Secrets never reach
                // any output". Merged with an enclosing withCredentials' or another step's decorator, not replacing it.
                listener.getLogger().println("[ascent] masking the secrets of credential '" + credential.id()
                        + "' in the block's output");
                body = body.withContext(TaskListenerDecorator.merge(context.get(TaskListenerDecorator.class),
                        masker.get()));
            }
            body.withCallback(new Teardown()).start();
        }

        /**
         * Jenkins stops the innermost running step, so inside the block the block's own step is stopped and the
         * {@link Teardown} runs when the block ends. This runs when no step of the block was running: the step fails
         * at once and the cluster is torn down on a pool thread (deleting twice is harmless, and skipped here).
         */
        @Override
        public void stop(Throwable cause) throws Exception {
            super.stop(cause);
            if (cluster != null) {
                run(() -> new Teardown().finished(getContext()));
            }
        }

        /**
         * The build's environment where the step runs ({@code EnvVars}: the agent's, overridden by the build's and
         * every enclosing {@code withEnv}, {@code withKubeConfig}, {@code withCredentials}, {@code tool}). Asked for
         * each use and never kept in this execution, which Jenkins saves to disk: it may hold a bound credential.
         */
        static BuildEnvironment buildEnvironment(StepContext context) throws IOException, InterruptedException {
            return BuildEnvironment.of(context.get(EnvVars.class));
        }

        Optional<ClusterHandle> cluster() {
            return Optional.ofNullable(cluster);
        }

        /** Deletes the cluster and the run's files after the block, however it ended. */
        final class Teardown extends TailCall {
            private static final long serialVersionUID = 1L;

            @Override
            protected void finished(StepContext context) throws Exception {
                if (cluster == null || tornDown) {
                    return;
                }
                tornDown = true;
                FilePath temporary = WorkspaceList.tempDir(context.get(FilePath.class));
                TaskListener listener = context.get(TaskListener.class);
                listener.getLogger().println("[ascent] deleting cluster " + cluster.name());
                // the step's own environment, as when the cluster was made (the block's withEnv ended with it)
                temporary.act(new DeleteClusterCallable(cluster, provisioner, listener, buildEnvironment(context)));
            }
        }
    }

    @Extension
    @Symbol("ascentProvision")
    public static final class DescriptorImpl extends SettingsDescriptor {

        @Override
        public String getFunctionName() {
            return "ascentProvision";
        }

        @Override
        public String getDisplayName() {
            return "Provision a Kubernetes cluster for the run";
        }

        @Override
        public boolean takesImplicitBlockArgument() {
            return true;
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            // EnvVars as the sh step requires it (DurableTaskStep): the environment kind, docker and kubectl run in
            return Set.of(Run.class, FilePath.class, TaskListener.class, FlowNode.class, EnvVars.class);
        }

        /** Empty (the checklist's, or {@code existing} with a credential), then each driver the engine has. */
        public ListBoxModel doFillDriverItems() {
            ListBoxModel model = new ListBoxModel();
            model.add("");
            ClusterDrivers.names().forEach(model::add);
            return model;
        }

        /** The Secret file and Secret text credentials visible to the job; ids and names only. */
        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            if (item == null ? !Jenkins.get().hasPermission(Jenkins.ADMINISTER)
                    : !item.hasPermission(Item.CONFIGURE)) {
                return new StandardListBoxModel().includeCurrentValue(credentialsId);
            }
            return ClusterAccessChecks.credentials(item, credentialsId);
        }

        @POST
        public FormValidation doCheckServerUrl(@QueryParameter String value, @QueryParameter String credentialsId,
                @AncestorInPath Item item) {
            return FieldChecks.check(item, ClusterAccessChecks.serverUrl(value, credentialsId, item));
        }

        @POST
        public FormValidation doCheckCaCertificate(@QueryParameter String value, @AncestorInPath Item item) {
            return FieldChecks.check(item, ClusterAccessChecks.caCertificate(value));
        }
    }
}

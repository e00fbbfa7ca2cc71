package io.ascent.jenkins.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.slaves.WorkspaceList;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.provision.ClusterRequest;
import io.ascent.core.provision.ProvisionException;
import io.ascent.core.provision.ProvisionedCluster;
import io.ascent.core.provision.RunName;
import io.ascent.jenkins.agent.CreateClusterCallable;
import io.ascent.jenkins.agent.DeleteClusterCallable;
import io.ascent.jenkins.agent.KindOperatorSettings;
import io.ascent.core.report.Report;
import io.ascent.jenkins.agent.AgentReport;
import io.ascent.jenkins.agent.BuildEnvironment;
import io.ascent.jenkins.agent.ProvisionCall;
import io.ascent.jenkins.agent.ProvisionCallable;
import io.ascent.jenkins.agent.ProvisionRequest;
import io.ascent.jenkins.model.AscentResultAction;
import io.ascent.jenkins.model.Reports;
import io.ascent.jenkins.config.AscentGlobalConfiguration;
import io.ascent.jenkins.config.ClusterAccess;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.log.TaskListenerDecorator;
import org.jenkinsci.plugins.workflow.steps.BodyExecution;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.mockito.MockedStatic;

class ProvisionStepTest {

    /** This JVM's environment as a build's (what the callables ran in before builds had their own). */
    static final BuildEnvironment THIS_JVM = BuildEnvironment.of(System.getenv());

    private static final String SECRET = "token: SECRET-TOKEN-abc123";

    @TempDir
    Path parent;
    /** The workspace on the agent, and its temporary folder {@code <workspace>@tmp}. */
    private Path workspaceDirectory;
    private Path temporary;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final TaskListener listener = mock(TaskListener.class);
    private final Run<?, ?> run = mock(Run.class);
    private final StepContext context = mock(StepContext.class);
    private final FilePath workspace = mock(FilePath.class);
    private final FilePath temporaryPath = mock(FilePath.class);
    private final BodyInvoker invoker = mock(BodyInvoker.class);
    private final AscentGlobalConfiguration global = mock(AscentGlobalConfiguration.class);
    private final FakeProvisioner provisioner = new FakeProvisioner();
    private final List<MockedStatic<?>> statics = new ArrayList<>();

    /** Creates a kubeconfig where a driver would, and records what it was asked. */
    static final class FakeProvisioner implements ProvisionCall {
        private static final long serialVersionUID = 1L;
        final List<String> calls = new ArrayList<>();
        /** The environment each create and delete ran in. */
        final List<java.util.Map<String, String>> environments = new ArrayList<>();
        ClusterRequest request;
        ProvisionException failDelete;
        boolean interruptCreate;

        @Override
        public ProvisionedCluster create(ClusterRequest request, java.util.Map<String, String> environment,
                ProgressListener progress) throws InterruptedException {
            this.request = request;
            calls.add("create " + request.runName());
            environments.add(environment);
            progress.info("kind create cluster --name " + request.runName());
            if (interruptCreate) {
                throw new InterruptedException("aborted");
            }
            Path kubeconfig = request.workDirectory().resolve("kubeconfig");
            try {
                Files.writeString(kubeconfig, "apiVersion: v1\nusers: [{user: {token: cluster-token}}]\n");
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            return new ProvisionedCluster("kind", request.runName(), kubeconfig, Optional.empty(), "default", true);
        }

        @Override
        public void delete(ProvisionedCluster cluster, java.util.Map<String, String> environment,
                ProgressListener progress) throws ProvisionException {
            calls.add("delete " + cluster.name());
            environments.add(environment);
            if (failDelete != null) {
                throw failDelete;
            }
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        when(listener.getLogger()).thenReturn(new PrintStream(log, true, StandardCharsets.UTF_8));
        when(run.getExternalizableId()).thenReturn("team/My App#12");
        when(run.getCharset()).thenReturn(StandardCharsets.UTF_8);
        when(context.get(Run.class)).thenReturn(run);
        when(context.get(TaskListener.class)).thenReturn(listener);
        when(context.get(FilePath.class)).thenReturn(workspace);
        when(context.get(EnvVars.class)).thenReturn(new EnvVars(System.getenv()));
        when(context.hasBody()).thenReturn(true);
        when(context.newBodyInvoker()).thenReturn(invoker);
        when(invoker.withContext(any())).thenReturn(invoker);
        when(invoker.withCallback(any(BodyExecutionCallback.class))).thenReturn(invoker);
        when(invoker.start()).thenReturn(mock(BodyExecution.class));
        when(global.getKubernetesVersion()).thenReturn("1.30");
        workspaceDirectory = Files.createDirectories(parent.resolve("ws"));
        temporary = parent.resolve("ws@tmp");
        when(global.kindOperatorSettings()).thenReturn(KindOperatorSettings.NONE);
        when(workspace.act(any(CreateClusterCallable.class))).thenAnswer(
                call -> call.<CreateClusterCallable>getArgument(0).invoke(workspaceDirectory.toFile(), null));
        when(temporaryPath.act(any(DeleteClusterCallable.class))).thenAnswer(
                call -> call.<DeleteClusterCallable>getArgument(0).invoke(temporary.toFile(), null));

        MockedStatic<WorkspaceList> workspaces = mockStatic(WorkspaceList.class);
        workspaces.when(() -> WorkspaceList.tempDir(workspace)).thenReturn(temporaryPath);
        MockedStatic<AscentGlobalConfiguration> configuration = mockStatic(AscentGlobalConfiguration.class);
        configuration.when(AscentGlobalConfiguration::get).thenReturn(global);
        MockedStatic<EnvironmentExpander> expanders = mockStatic(EnvironmentExpander.class);
        expanders.when(() -> EnvironmentExpander.merge(any(), any())).thenAnswer(call -> call.getArgument(1));
        MockedStatic<TaskListenerDecorator> decorators = mockStatic(TaskListenerDecorator.class);
        decorators.when(() -> TaskListenerDecorator.merge(any(), any())).thenAnswer(call -> call.getArgument(1));
        statics.addAll(List.of(workspaces, configuration, expanders, decorators));
    }

    @AfterEach
    void tearDown() {
        statics.forEach(MockedStatic::close);
    }

    private String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    private BodyExecutionCallback startBlock(String credentialsId) throws Exception {
        ProvisionStep.Execution execution =
                new ProvisionStep.Execution(context, new ProvisionStep(), new ClusterAccess(credentialsId, "", ""), provisioner);
        assertThat(execution.start()).isFalse();
        ArgumentCaptor<BodyExecutionCallback> callback = ArgumentCaptor.forClass(BodyExecutionCallback.class);
        verify(invoker).withCallback(callback.capture());
        return callback.getValue();
    }

    private Path workDirectory() {
        return temporary.resolve(name());
    }

    /** The run's name, as the step made it (a fresh {@link RunName}, random in part). */
    private String name() {
        return provisioner.request.runName();
    }

    @Test
    void shouldCreateAndDeleteTheClusterInTheStepsEnvVarsNotTheAgentJvms() throws Exception {
        // withEnv / withKubeConfig / tool around the block: DefaultStepContext's EnvVars, with the agent's beneath
        EnvVars build = new EnvVars(java.util.Map.of("PATH", "/tools/kind/bin:/usr/bin", "BUILD_MARK", "from-with-env",
                "KUBECONFIG", "/ws@tmp/other"));
        when(context.get(EnvVars.class)).thenReturn(build);
        java.util.Set<String> agentOnly = new java.util.HashSet<>(System.getenv().keySet());
        agentOnly.removeAll(build.keySet());
        agentOnly.removeIf(name -> name.startsWith(BuildEnvironment.OPERATOR_PREFIX));
        assertThat(agentOnly).as("the test needs a variable only this JVM has").isNotEmpty();

        BodyExecutionCallback callback = startBlock("");
        callback.onSuccess(context, "block result");

        assertThat(provisioner.calls).containsExactly("create " + name(), "delete " + name());
        assertThat(provisioner.environments).hasSize(2).allSatisfy(environment -> {
            assertThat(environment).containsEntry("BUILD_MARK", "from-with-env")
                    .containsEntry("PATH", "/tools/kind/bin:/usr/bin");
            assertThat(environment.keySet()).doesNotContainAnyElementsOf(agentOnly);
        });
    }

    @Test
    void shouldRunTheBlockWithKubeconfigInAPrivateFileAndTearDownAfterSuccess() throws Exception {
        BodyExecutionCallback callback = startBlock("");
        ArgumentCaptor<Object> environment = ArgumentCaptor.forClass(Object.class);
        verify(invoker).withContext(environment.capture());
        EnvVars env = new EnvVars();
        ((EnvironmentExpander) environment.getValue()).expand(env);
        Path kubeconfig = workDirectory().resolve("kubeconfig");
        assertThat(env).containsEntry("KUBECONFIG", kubeconfig.toString());
        assertThat(Files.getPosixFilePermissions(kubeconfig))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(provisioner.request.kubernetesVersion()).contains("1.30");
        assertThat(provisioner.calls).containsExactly("create " + name());
        verify(context, never()).onSuccess(any());

        callback.onSuccess(context, "block result");

        assertThat(provisioner.calls).containsExactly("create " + name(), "delete " + name());
        assertThat(workDirectory()).doesNotExist();
        verify(context).onSuccess("block result");
        assertThat(log()).contains("[ascent] kind create cluster --name " + name())
                .contains("[ascent] cluster " + name() + " deleted");
        assertThat(RunName.parse(name())).as("ascent gc must recognise " + name()).isPresent();
    }

    @Test
    void shouldTearDownAndPassTheFailureOnWhenTheBlockFails() throws Exception {
        BodyExecutionCallback callback = startBlock("");
        AbortException failure = new AbortException("script returned exit code 1");
        callback.onFailure(context, failure);
        assertThat(provisioner.calls).endsWith("delete " + name());
        assertThat(workDirectory()).doesNotExist();
        verify(context).onFailure(failure);
    }

    @Test
    void shouldTearDownWhenTheBuildIsAbortedInsideTheBlock() throws Exception {
        BodyExecutionCallback callback = startBlock("");
        // Jenkins stops the innermost step (the block's sh); the block then ends with the abort as its failure.
        InterruptedException abort = new InterruptedException("aborted by user");
        callback.onFailure(context, abort);
        assertThat(provisioner.calls).containsOnlyOnce("delete " + name());
        assertThat(workDirectory()).doesNotExist();
        verify(context).onFailure(abort);
    }

    @Test
    void shouldTearDownOnceWhenStoppedWhileNoStepOfTheBlockRuns() throws Exception {
        ProvisionStep.Execution execution = new ProvisionStep.Execution(context, new ProvisionStep(), ClusterAccess.NONE, provisioner);
        execution.start();
        ArgumentCaptor<BodyExecutionCallback> callback = ArgumentCaptor.forClass(BodyExecutionCallback.class);
        verify(invoker).withCallback(callback.capture());
        InterruptedException abort = new InterruptedException("aborted by user");

        execution.stop(abort);
        verify(context).onFailure(abort);
        assertThat(provisioner.calls).containsOnlyOnce("delete " + name());
        assertThat(workDirectory()).doesNotExist();

        callback.getValue().onFailure(context, abort);
        assertThat(provisioner.calls).containsOnlyOnce("delete " + name());
    }

    @Test
    void shouldRemoveTheRunsFilesAndNeverStartTheBlockWhenCreationIsInterrupted() throws Exception {
        provisioner.interruptCreate = true;
        ProvisionStep.Execution execution = new ProvisionStep.Execution(context, new ProvisionStep(), ClusterAccess.NONE, provisioner);
        execution.start();
        verify(context).onFailure(any(InterruptedException.class));
        verify(invoker, never()).start();
        assertThat(provisioner.calls).containsExactly("create " + name());
        assertThat(workDirectory()).doesNotExist();
        assertThat(execution.cluster()).isEmpty();
    }

    @Test
    void shouldTearDownWhenTheBlockCannotStartOnceTheClusterExists() throws Exception {
        IllegalStateException refused = new IllegalStateException("the body could not be started");
        when(invoker.start()).thenThrow(refused);
        ProvisionStep.Execution execution = new ProvisionStep.Execution(context, new ProvisionStep(), ClusterAccess.NONE, provisioner);
        execution.start();
        verify(context).onFailure(refused);
        assertThat(provisioner.calls).containsExactly("create " + name(), "delete " + name());
        assertThat(workDirectory()).doesNotExist();
    }

    @Test
    void shouldReportATeardownFailureAndStillRemoveTheKubeconfig() throws Exception {
        provisioner.failDelete = new ProvisionException(ProvisionException.Kind.ENVIRONMENT,
                "kind delete cluster failed", "run: kind delete cluster --name ascent-team-my-app-12");
        BodyExecutionCallback callback = startBlock("");
        callback.onSuccess(context, null);
        ArgumentCaptor<Throwable> failure = ArgumentCaptor.forClass(Throwable.class);
        verify(context).onFailure(failure.capture());
        assertThat(failure.getValue()).isInstanceOf(AbortException.class)
                .hasMessageContaining("teardown: kind delete cluster failed")
                .hasMessageContaining("kind delete cluster --name ascent-team-my-app-12");
        assertThat(workDirectory()).doesNotExist();
    }

    private void scenarioOnTheAgent(Report report) throws Exception {
        when(run.getRootDir()).thenReturn(temporary.toFile());
        when(run.getUrl()).thenReturn("job/app/12/");
        when(run.getActions(AscentResultAction.class)).thenReturn(new ArrayList<>());
        when(global.allowedUrls()).thenReturn(io.ascent.core.network.UrlAllowList.none());
        when(global.formats()).thenReturn(List.of(io.ascent.core.report.render.Format.JSON));
        when(workspace.act(any(ProvisionCallable.class))).thenReturn(new AgentReport(report,
                java.util.Map.of("json", "target/ascent/ascent-report.json")));
    }

    @Test
    void shouldRunTheWholeScenarioWithoutABlockAndNeverCreateAClusterOnTheController() throws Exception {
        when(context.hasBody()).thenReturn(false);
        when(context.get(FlowNode.class)).thenReturn(mock(FlowNode.class));
        scenarioOnTheAgent(Reports.passing());
        new ProvisionStep.Execution(context, new ProvisionStep(), ClusterAccess.NONE, provisioner).start();
        ArgumentCaptor<Object> result = ArgumentCaptor.forClass(Object.class);
        verify(context).onSuccess(result.capture());
        assertThat(result.getValue()).isInstanceOfSatisfying(ValidateResult.class,
                r -> assertThat(r.getResult()).isEqualTo("SUCCESS"));
        verify(workspace).act(any(ProvisionCallable.class));
        verify(run).addAction(any(AscentResultAction.class));
        assertThat(provisioner.calls).isEmpty();
        verify(invoker, never()).start();
        assertThat(log()).contains("[ascent] provisioning . on the");
    }

    @Test
    void shouldGiveBothFormsTheOperatorsKindSettingsNeverThePipelines() throws Exception {
        KindOperatorSettings settings = new KindOperatorSettings(List.of("/var/cache/ci"),
                List.of("mirror.corp/kindest/node"));
        when(global.kindOperatorSettings()).thenReturn(settings);
        scenarioOnTheAgent(Reports.passing());
        ProvisionStep step = new ProvisionStep();
        step.setDir("apps/web");
        step.setChecklist("ci/ascent.yaml");

        step.provision(run, workspace, listener, null, global, ClusterAccess.NONE, THIS_JVM);
        ArgumentCaptor<ProvisionCallable> scenario = ArgumentCaptor.forClass(ProvisionCallable.class);
        verify(workspace).act(scenario.capture());
        assertThat(scenario.getValue()).extracting("kind").isEqualTo(settings);

        ProvisionRequest block = step.request(global, ProvisionStep.runName());
        assertThat(block.kind()).isEqualTo(settings);
        assertThat(block.directory()).isEqualTo("apps/web");
        assertThat(block.checklist()).isEqualTo("ci/ascent.yaml");
    }

    @Test
    void shouldCreateTheBlocksClusterWithTheKindConfigurationOfTheChecklistInDir() throws Exception {
        Path app = Files.createDirectories(workspaceDirectory.resolve("app"));
        Files.writeString(app.resolve("kind.yaml"), "apiVersion: kind.x-k8s.io/v1alpha4\nkind: Cluster\n");
        Files.writeString(app.resolve("ascent.yaml"), """
                apiVersion: ascent.dev/v1
                kind: Checklist
                metadata:
                  name: app
                provision:
                  cluster:
                    driver: kind
                    config: kind.yaml
                """);
        ProvisionStep step = new ProvisionStep();
        step.setDir("app");

        new ProvisionStep.Execution(context, step, ClusterAccess.NONE, provisioner).start();

        Path written = app.resolve("kind.yaml").toRealPath();
        assertThat(provisioner.request.kindConfig()).hasValueSatisfying(config ->
                assertThat(config.file()).isEqualTo(written));
    }

    @Test
    void shouldFailTheFreestyleBuildByTheThresholdsWhenTheScenarioFails() throws Exception {
        scenarioOnTheAgent(Reports.failing(2));
        ProvisionStep step = new ProvisionStep();
        step.setFailOn("fail");
        assertThatThrownBy(() -> step.provision(run, workspace, listener, null, global, ClusterAccess.NONE, THIS_JVM))
                .isInstanceOf(AbortException.class).hasMessageContaining("(failOn: fail)");
        verify(run).setResult(hudson.model.Result.FAILURE);
        verify(run).addAction(any(AscentResultAction.class));
    }

    /** The freestyle builder: the build's EnvVars (its wrappers' KUBECONFIG) and the form's tests reach the agent. */
    @Test
    void shouldSendTheFreestyleBuildsEnvironmentAndTestsToTheAgent() throws Exception {
        scenarioOnTheAgent(Reports.passing());
        ProvisionStep settings = new ProvisionStep();
        settings.setTests(List.of("content-check"));
        when(global.clusterAccess()).thenReturn(ClusterAccess.NONE);
        EnvVars env = new EnvVars(java.util.Map.of("KUBECONFIG", "/ws@tmp/wrapper-kubeconfig", "PATH", "/tools/bin"));

        new io.ascent.jenkins.builders.ProvisionBuilder(settings).perform(run, workspace, env, null, listener);

        ArgumentCaptor<ProvisionCallable> scenario = ArgumentCaptor.forClass(ProvisionCallable.class);
        verify(workspace).act(scenario.capture());
        assertThat(scenario.getValue()).extracting("environment").isEqualTo(BuildEnvironment.of(env));
        assertThat(scenario.getValue()).extracting("tests").isEqualTo(List.of("content-check"));
    }

    @Test
    void shouldNeverLetTheCredentialsKubeconfigReachTheLog() throws Exception {
        FileCredentials credential = mock(FileCredentials.class);
        when(credential.getContent()).thenReturn(new ByteArrayInputStream(SECRET.getBytes(StandardCharsets.UTF_8)));
        try (MockedStatic<CredentialsProvider> credentials = mockStatic(CredentialsProvider.class)) {
            credentials.when(() -> CredentialsProvider.findCredentialById(eq("prod-kubeconfig"),
                    eq(StandardCredentials.class), eq(run), anyList())).thenReturn(credential);
            BodyExecutionCallback callback = startBlock("prod-kubeconfig");
            credentials.verify(() -> CredentialsProvider.track(run, credential));

            Path copy = provisioner.request.kubeconfig().orElseThrow();
            assertThat(copy).hasContent(SECRET);
            assertThat(Files.getPosixFilePermissions(copy))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            callback.onFailure(context, new AbortException("failed"));
            assertThat(copy).doesNotExist();
        }
        assertThat(log()).contains("credential 'prod-kubeconfig'").doesNotContain("SECRET-TOKEN")
                .doesNotContain("cluster-token");
    }

    /** A Secret text credential {@code id} holding {@code token}, as the build finds it, until closed. */
    private MockedStatic<CredentialsProvider> storedSecretText(String id, String token) {
        StandardCredentials credential = io.ascent.jenkins.config.CredentialFixtures.secretText(token);
        MockedStatic<CredentialsProvider> credentials = mockStatic(CredentialsProvider.class);
        credentials.when(() -> CredentialsProvider.findCredentialById(eq(id), eq(StandardCredentials.class),
                eq(run), anyList())).thenReturn(credential);
        return credentials;
    }

    @Test
    void shouldMakeTheTokenCredentialsKubeconfigOnTheAgentOnlyForTheBlock() throws Exception {
        try (MockedStatic<CredentialsProvider> credentials = storedSecretText("ci-token", "SECRET-TOKEN-sa.abc")) {
            ProvisionStep step = new ProvisionStep();
            step.setCredentialsId("ci-token");
            step.setServerUrl("https://api.example.com:6443");
            ProvisionStep.Execution execution = new ProvisionStep.Execution(context, step,
                    step.clusterAccess(global), provisioner);
            assertThat(execution.start()).isFalse();
            ArgumentCaptor<BodyExecutionCallback> callback = ArgumentCaptor.forClass(BodyExecutionCallback.class);
            verify(invoker).withCallback(callback.capture());

            Path made = provisioner.request.kubeconfig().orElseThrow();
            assertThat(made.getParent()).isEqualTo(workDirectory());
            assertThat(made).content().contains("server: https://api.example.com:6443")
                    .contains("token: SECRET-TOKEN-sa.abc");
            assertThat(Files.getPosixFilePermissions(made))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            callback.getValue().onSuccess(context, null);
            assertThat(made).doesNotExist();
        }
        assertThat(log()).contains("[ascent] using the token of credential 'ci-token' for https://api.example.com:6443")
                .doesNotContain("SECRET-TOKEN");
    }

    @Test
    void shouldFailTheStepClearlyForATokenCredentialWithoutAServerUrl() throws Exception {
        try (MockedStatic<CredentialsProvider> credentials = storedSecretText("ci-token", "SECRET-TOKEN-sa.abc")) {
            new ProvisionStep.Execution(context, new ProvisionStep(), new ClusterAccess("ci-token", "", ""),
                    provisioner).start();
        }
        ArgumentCaptor<Throwable> failure = ArgumentCaptor.forClass(Throwable.class);
        verify(context).onFailure(failure.capture());
        assertThat(failure.getValue()).isInstanceOf(AbortException.class)
                .hasMessageContaining("is a Secret text (a token): set serverUrl").hasMessageNotContaining("SECRET");
        assertThat(provisioner.calls).isEmpty();
    }

    @Test
    void shouldTakeTheCredentialAndItsServerTogetherFromTheStepOrFromTheOperator() {
        when(global.clusterAccess()).thenReturn(new ClusterAccess("operator-token", "https://operator.example.com",
                ""));
        ProvisionStep plain = new ProvisionStep();
        assertThat(plain.clusterAccess(global).credentialsId()).isEqualTo("operator-token");

        ProvisionStep own = new ProvisionStep();
        own.setCredentialsId(" team-kubeconfig ");
        assertThat(own.clusterAccess(global).credentialsId()).isEqualTo("team-kubeconfig");

        // A Pipeline's server without its own credential is not paired with the operator's token.
        ProvisionStep redirected = new ProvisionStep();
        redirected.setServerUrl("https://elsewhere.example.com");
        assertThat(redirected.clusterAccess(global).isSet()).isFalse();
        assertThatThrownBy(() -> redirected.clusterAccess(global).read(run, listener))
                .hasMessageContaining("set without credentialsId");
    }

    @Test
    void shouldRefuseAServerUrlOrCaCertificateATokenCannotUseWhenBound() {
        ProvisionStep step = new ProvisionStep();
        assertThatThrownBy(() -> step.setServerUrl("http://api.example.com"))
                .hasMessageContaining("is not an https:// URL");
        assertThatThrownBy(() -> step.setCaCertificate("not a certificate"))
                .hasMessageStartingWith("caCertificate: not a PEM certificate");
        step.setServerUrl(" ");
        assertThat(step.getServerUrl()).isEmpty();
    }

    @Test
    void shouldFailClearlyWhenTheCredentialIsMissing() throws Exception {
        try (MockedStatic<CredentialsProvider> credentials = mockStatic(CredentialsProvider.class)) {
            new ProvisionStep.Execution(context, new ProvisionStep(), new ClusterAccess("gone", "", ""), provisioner).start();
            credentials.verify(() -> CredentialsProvider.findCredentialById(eq("gone"), eq(StandardCredentials.class),
                    eq(run), anyList()));
        }
        ArgumentCaptor<Throwable> failure = ArgumentCaptor.forClass(Throwable.class);
        verify(context).onFailure(failure.capture());
        assertThat(failure.getValue()).hasMessage(
                "[ascent] cluster credential 'gone' does not exist or this build may not use it");
        assertThat(provisioner.calls).isEmpty();
    }

    /** The block's output as the steps inside it would print it, through what the block's context decorates. */
    private String blockOutput(String printed) throws Exception {
        ArgumentCaptor<Object> contexts = ArgumentCaptor.forClass(Object.class);
        verify(invoker, org.mockito.Mockito.atLeastOnce()).withContext(contexts.capture());
        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        java.io.OutputStream out = shown;
        for (Object context : contexts.getAllValues()) {
            if (context instanceof TaskListenerDecorator decorator) {
                out = decorator.decorate(out);
            }
        }
        try (java.io.OutputStream lines = out) {
            lines.write(printed.getBytes(StandardCharsets.UTF_8));
        }
        return shown.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldMaskTheTokenCredentialInTheBlocksOutput() throws Exception {
        try (MockedStatic<CredentialsProvider> credentials = storedSecretText("ci-token", "SECRET-TOKEN-sa.abc")) {
            ProvisionStep step = new ProvisionStep();
            step.setCredentialsId("ci-token");
            step.setServerUrl("https://api.example.com:6443");
            new ProvisionStep.Execution(context, step, step.clusterAccess(global), provisioner).start();
            String kubeconfig = Files.readString(provisioner.request.kubeconfig().orElseThrow());

            assertThat(blockOutput("$ cat $KUBECONFIG\n" + kubeconfig
                    + "I1201 round_trippers.go:466] Authorization: Bearer SECRET-TOKEN-sa.abc\n"))
                    .doesNotContain("SECRET-TOKEN").contains("token: ****\n")
                    .contains("server: https://api.example.com:6443\n")
                    .contains("Authorization: Bearer ****\n").startsWith("$ cat $KUBECONFIG\n");
        }
        assertThat(log()).contains("[ascent] masking the secrets of credential 'ci-token' in the block's output");
    }

    @Test
    void shouldMaskTheSecretFileKubeconfigsSecretsInTheBlocksOutput() throws Exception {
        String kubeconfig = """
                apiVersion: v1
                clusters: [{name: c, cluster: {server: "https://127.0.0.1:6443"}}]
                users:
                - name: u
                  user: {token: SECRET-TOKEN-file, client-key-data: U0VDUkVULUtFWQ==}
                """;
        FileCredentials credential = mock(FileCredentials.class);
        when(credential.getContent()).thenReturn(new ByteArrayInputStream(kubeconfig.getBytes(StandardCharsets.UTF_8)));
        try (MockedStatic<CredentialsProvider> credentials = mockStatic(CredentialsProvider.class)) {
            credentials.when(() -> CredentialsProvider.findCredentialById(eq("prod-kubeconfig"),
                    eq(StandardCredentials.class), eq(run), anyList())).thenReturn(credential);
            startBlock("prod-kubeconfig");
        }
        assertThat(blockOutput(kubeconfig)).doesNotContain("SECRET-TOKEN").doesNotContain("U0VDUkVULUtFWQ==")
                .contains("user: {token: ****, client-key-data: ****}")
                .contains("server: \"https://127.0.0.1:6443\"");
    }

    @Test
    void shouldDecorateNothingWhenNoCredentialIsUsed() throws Exception {
        startBlock("");
        assertThat(blockOutput("token: cluster-token\n")).isEqualTo("token: cluster-token\n");
        assertThat(log()).doesNotContain("masking");
    }

    @Test
    void shouldRefuseTestsInTheBlockFormBeforeCreatingAnything() throws Exception {
        ProvisionStep step = new ProvisionStep();
        step.setTests(List.of("content-check"));
        ProvisionStep.Execution execution = new ProvisionStep.Execution(context, step, ClusterAccess.NONE,
                provisioner);

        assertThat(execution.start()).isTrue();

        ArgumentCaptor<Throwable> failure = ArgumentCaptor.forClass(Throwable.class);
        verify(context).onFailure(failure.capture());
        assertThat(failure.getValue()).isInstanceOf(AbortException.class)
                .hasMessageContaining("tests: ascentProvision with a block runs no smoke tests");
        assertThat(provisioner.calls).isEmpty();
        verify(invoker, never()).start();
    }

    @Test
    void shouldTakeTestsAsAPipelineListOrAsTheFormsCommaSeparatedText() {
        ProvisionStep step = new ProvisionStep();
        assertThat(step.getTests()).isEmpty();
        assertThat(step.getTestsText()).isEmpty();

        step.setTests(List.of("homepage", "content-check"));
        assertThat(step.getTests()).containsExactly("homepage", "content-check");

        // The form's text field arrives as one entry.
        step.setTests(List.of(" homepage ,content-check,, homepage "));
        assertThat(step.getTests()).containsExactly("homepage", "content-check");
        assertThat(step.getTestsText()).isEqualTo("homepage, content-check");

        step.setTests(null);
        assertThat(step.getTests()).isEmpty();
        step.setTests(List.of(" "));
        assertThat(step.getTests()).isEmpty();
    }

    /** A freestyle job's XML or a running Pipeline's program saved before tests existed reads back without it. */
    @Test
    void shouldRunAllTestsForSettingsSavedBeforeTestsExisted() throws Exception {
        ProvisionStep saved = new ProvisionStep();
        java.lang.reflect.Field field = ProvisionStep.class.getDeclaredField("tests");
        field.setAccessible(true);
        field.set(saved, null);
        saved.readResolve(); // as XStream and Java serialization call it (StepStateUpgradeTest reads real old forms)
        assertThat(saved.getTests()).isEmpty();
        assertThat(saved.getTestsText()).isEmpty();
        assertThat(field.getType()).as("saved as plain text, not a JDK-internal immutable list").isEqualTo(String.class);
    }

    @Test
    void shouldSendTheTestsToTheEngineOnTheAgent() throws Exception {
        scenarioOnTheAgent(Reports.passing());
        ProvisionStep step = new ProvisionStep();
        step.setTests(List.of("content-check", "health"));

        step.provision(run, workspace, listener, null, global, ClusterAccess.NONE, THIS_JVM);

        ArgumentCaptor<ProvisionCallable> scenario = ArgumentCaptor.forClass(ProvisionCallable.class);
        verify(workspace).act(scenario.capture());
        assertThat(scenario.getValue()).extracting("tests").isEqualTo(List.of("content-check", "health"));
    }

    /**
     * A test name the checklist does not have is broken input, as a broken checklist is: the engine's report (exit
     * 2) with the error at the checklist's {@code provision.tests}, the build failed by it, nothing created.
     */
    @Test
    void shouldFailTheBuildAtTheChecklistsProvisionTestsForATestItDoesNotHave() throws Exception {
        io.ascent.jenkins.agent.HelloWebWorkspace.create(parent);
        io.ascent.jenkins.agent.HelloWebWorkspace.git(workspaceDirectory, "add", "-A");
        io.ascent.jenkins.agent.HelloWebWorkspace.git(workspaceDirectory, "commit", "-q", "-m", "app");
        scenarioOnTheAgent(Reports.passing());
        when(global.getKindPath()).thenReturn("/nonexistent/kind");
        when(workspace.act(any(ProvisionCallable.class))).thenAnswer(
                call -> call.<ProvisionCallable>getArgument(0).invoke(workspaceDirectory.toFile(), null));
        ProvisionStep step = new ProvisionStep();
        step.setDir("app");
        step.setTests(List.of("content-check, nope"));

        assertThatThrownBy(() -> step.provision(run, workspace, listener, null, global, ClusterAccess.NONE, THIS_JVM))
                .isInstanceOf(AbortException.class).hasMessageContaining("(failOn: fail)")
                .hasMessageNotContaining("Exception");

        verify(run).setResult(hudson.model.Result.FAILURE);
        ArgumentCaptor<AscentResultAction> kept = ArgumentCaptor.forClass(AscentResultAction.class);
        verify(run).addAction(kept.capture());
        Report report = kept.getValue().report().orElseThrow();
        assertThat(report.exitStatus()).isEqualTo(2);
        // examples/hello-web/ascent.yaml's provision.tests starts at line 56, column 5.
        assertThat(log()).contains("[ascent] ERROR app/ascent.yaml:56:5: --test nope: the checklist has no smoke "
                + "test of that name; its tests: homepage, health, content-check [provision.test]");
        assertThat(report.phases()).extracting(io.ascent.core.report.PhaseRecord::name).doesNotContain("cluster");
    }

    @Test
    void shouldNameEachRunAsAscentGcRecognisesIt() {
        String first = ProvisionStep.runName();
        String second = ProvisionStep.runName();

        assertThat(RunName.parse(first)).isPresent();
        assertThat(RunName.parse(second)).isPresent();
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void shouldRefuseABadTimeoutOrVersionWhenBound() {
        ProvisionStep step = new ProvisionStep();
        assertThat(step.getTimeoutMinutes()).isEqualTo(10);
        assertThatThrownBy(() -> step.setTimeoutMinutes(0)).hasMessage("timeoutMinutes: 0 is not between 1 and 120");
        assertThatThrownBy(() -> step.setKubernetesVersion("latest")).hasMessageStartingWith("kubernetesVersion: ");
        assertThat(new ProvisionStep.DescriptorImpl().takesImplicitBlockArgument()).isTrue();
    }

    @Test
    void shouldHaveAHelpFileForEverySettingIncludingThoseOfAscentValidate() {
        List<String> fields = new ArrayList<>();
        for (Class<?> type = ProvisionStep.class; type != Object.class; type = type.getSuperclass()) {
            for (java.lang.reflect.Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(org.kohsuke.stapler.DataBoundSetter.class)) {
                    fields.add(Character.toLowerCase(method.getName().charAt(3)) + method.getName().substring(4));
                }
            }
        }
        assertThat(fields).contains("dir", "checklist", "failOn", "unstableOn", "reports", "driver", "nodeImage",
                "timeoutMinutes", "kubernetesVersion", "credentialsId", "serverUrl", "caCertificate", "tests");
        for (String field : fields) {
            // Jenkins looks for help-<field>.html along the class hierarchy, as this does.
            assertThat(ProvisionStep.class.getResource("ProvisionStep/help-" + field + ".html") != null
                    || ValidateStep.class.getResource("ValidateStep/help-" + field + ".html") != null)
                    .as("help for " + field).isTrue();
        }
    }

    @Test
    void shouldRefuseADriverTheEngineDoesNotHave() {
        ProvisionStep step = new ProvisionStep();
        step.setDriver(" kind ");
        assertThat(step.getDriver()).isEqualTo("kind");
        assertThatThrownBy(() -> step.setDriver("minikube"))
                .hasMessage("driver: 'minikube' is not one of [kind, existing]");
        assertThat(new ProvisionStep.DescriptorImpl().doFillDriverItems()).extracting(o -> o.value)
                .containsExactly("", "kind", "existing");
    }

    @Test
    void shouldSayThatTheProvisionerIsNotBoundRatherThanPretend() {
        assertThatThrownBy(() -> ProvisionCall.unbound().create(null, java.util.Map.of(), ProgressListener.SILENT))
                .isInstanceOf(ProvisionException.class).hasMessageContaining("without the provisioner");
        assertThat(Set.of()).isEmpty();
    }
}

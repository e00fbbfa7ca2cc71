package io.ascent.jenkins.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.Label;
import hudson.model.Result;
import hudson.util.Secret;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.provision.ClusterRequest;
import io.ascent.core.provision.ProvisionedCluster;
import io.ascent.core.provision.RunName;
import io.ascent.jenkins.agent.ProvisionBinding;
import io.ascent.jenkins.agent.ProvisionCall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import com.cloudbees.plugins.credentials.SecretBytes;
import java.nio.charset.StandardCharsets;
import org.jenkinsci.plugins.plaincredentials.impl.FileCredentialsImpl;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.Snippetizer;
import org.jenkinsci.plugins.workflow.flow.FlowDurabilityHint;
import org.jenkinsci.plugins.workflow.job.properties.DurabilityHintJobProperty;
import org.jenkinsci.plugins.workflow.steps.durable_task.DurableTaskStep;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The block form of {@code ascentProvision} in real Pipelines: {@code KUBECONFIG} inside the block, teardown after
 * success, failure and abort. A fake provisioner stands in for kind (no container engine here), registered as the
 * plugin's {@link ProvisionBinding}; the built-in node runs it in this JVM, so it records what it was asked.
 */
@WithJenkins
class ProvisionStepITest {

    static final List<String> CALLS = new CopyOnWriteArrayList<>();
    static final List<Path> KUBECONFIGS = new CopyOnWriteArrayList<>();
    /** What each create found in the credential's kubeconfig on the agent, if there was one. */
    static final List<String> CREDENTIAL_KUBECONFIGS = new CopyOnWriteArrayList<>();
    /** The ITEST_BUILD_MARK variable each create and delete ran with (the build's, not this JVM's), or "-". */
    static final List<String> ENVIRONMENTS = new CopyOnWriteArrayList<>();

    /** Writes a kubeconfig where kind would and records create and delete. */
    static final class FakeKind implements ProvisionCall {
        private static final long serialVersionUID = 1L;

        @Override
        public ProvisionedCluster create(ClusterRequest request, Map<String, String> environment,
                ProgressListener progress) {
            CALLS.add("create " + run(request.runName()));
            ENVIRONMENTS.add("create " + environment.getOrDefault("ITEST_BUILD_MARK", "-"));
            Path kubeconfig = request.workDirectory().resolve("kubeconfig");
            try {
                String credential = request.kubeconfig().isPresent()
                        ? Files.readString(request.kubeconfig().get()) : null;
                if (credential != null) {
                    CREDENTIAL_KUBECONFIGS.add(credential);
                }
                // As the existing driver does, the block's kubeconfig carries the credential's user.
                Files.writeString(kubeconfig, credential != null ? credential : "apiVersion: v1\nkind: Config\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            KUBECONFIGS.add(kubeconfig);
            return new ProvisionedCluster("kind", request.runName(), kubeconfig, Optional.empty(), "default", true);
        }

        @Override
        public void delete(ProvisionedCluster cluster, Map<String, String> environment, ProgressListener progress) {
            CALLS.add("delete " + run(cluster.name()));
            ENVIRONMENTS.add("delete " + environment.getOrDefault("ITEST_BUILD_MARK", "-"));
        }
    }

    /** {@code <run>} for a name {@code ascent gc} recognises ({@link RunName}), else the name itself. */
    static String run(String name) {
        return RunName.parse(name).isPresent() ? "<run>" : name;
    }

    @TestExtension
    public static final class FakeBinding extends ProvisionBinding {
        @Override
        public ProvisionCall call(String kindPath) {
            return new FakeKind();
        }
    }

    @BeforeEach
    void forget() {
        CALLS.clear();
        KUBECONFIGS.clear();
        CREDENTIAL_KUBECONFIGS.clear();
        ENVIRONMENTS.clear();
    }

    private static WorkflowJob job(JenkinsRule r, String body) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, "app");
        job.setDefinition(new CpsFlowDefinition("node {\n  ascentProvision(kubernetesVersion: '1.30') {\n" + body
                + "\n  }\n}", true));
        return job;
    }

    @Test
    void shouldRunTheBlockWithAPrivateKubeconfigAndTearDownAfterSuccess(JenkinsRule r) throws Exception {
        WorkflowRun run = r.buildAndAssertSuccess(job(r,
                "sh 'echo mode=$(stat -c %a \"$KUBECONFIG\") path=$KUBECONFIG'"));
        r.assertLogContains("mode=600 path=", run);
        r.assertLogContains("@tmp/ascent-", run);
        assertThat(KUBECONFIGS).singleElement().satisfies(path -> assertThat(RunName.parse(
                path.getParent().getFileName().toString())).isPresent());
        assertThat(CALLS).containsExactly("create <run>", "delete <run>");
        assertThat(KUBECONFIGS).singleElement().satisfies(path -> assertThat(path).doesNotExist());
    }

    @Test
    void shouldCreateAndDeleteTheClusterInTheBuildsEnvironment(JenkinsRule r) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, "app");
        job.setDefinition(new CpsFlowDefinition("node {\n  withEnv(['ITEST_BUILD_MARK=from-with-env']) {\n"
                + "    ascentProvision { sh 'true' }\n  }\n}", true));
        r.buildAndAssertSuccess(job);
        assertThat(System.getenv("ITEST_BUILD_MARK")).isNull();
        assertThat(ENVIRONMENTS).containsExactly("create from-with-env", "delete from-with-env");
    }

    @Test
    void shouldRunBothStepsOnHelloWeb(JenkinsRule r) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, "app");
        job.setDefinition(new CpsFlowDefinition(Examples.inRepository(
                "def v = ascentValidate(dir: 'examples/hello-web', reports: '" + Examples.reports("both") + "')\n"
                + "if (v.passed) {\n  ascentProvision { sh 'test -s \"$KUBECONFIG\" && echo cluster-ready' }\n}"),
                true));
        WorkflowRun run = r.buildAndAssertSuccess(job);
        r.assertLogContains("cluster-ready", run);
        assertThat(CALLS).containsExactly("create <run>", "delete <run>");
    }

    @Test
    void shouldTearDownWhenTheBlockFails(JenkinsRule r) throws Exception {
        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job(r, "sh 'exit 3'"));
        r.assertLogContains(" deleted", run);
        assertThat(CALLS).containsExactly("create <run>", "delete <run>");
        assertThat(KUBECONFIGS).singleElement().satisfies(path -> assertThat(path).doesNotExist());
    }

    @Test
    void shouldTearDownWhenTheBuildIsAbortedMidBlock(JenkinsRule r) throws Exception {
        WorkflowRun run = job(r, "sh 'echo started; sleep 600'").scheduleBuild2(0).waitForStart();
        r.waitForMessage("started", run);
        assertThat(CALLS).containsExactly("create <run>");
        run.doStop();
        r.assertBuildStatus(Result.ABORTED, r.waitForCompletion(run));
        assertThat(CALLS).containsExactly("create <run>", "delete <run>");
        assertThat(KUBECONFIGS).singleElement().satisfies(path -> assertThat(path).doesNotExist());
    }

    @Test
    void shouldRunTheWholeScenarioWithoutABlockAndKeepItsReport(JenkinsRule r) throws Exception {
        // A kind that does not exist: whatever this machine has, no cluster is made and the report says why.
        io.ascent.jenkins.config.AscentGlobalConfiguration.get().setKindPath("/nonexistent/kind");
        WorkflowJob job = r.createProject(WorkflowJob.class, "app");
        job.setDefinition(new CpsFlowDefinition(Examples.inRepository(
                "def p = ascentProvision(dir: 'examples/hello-web', driver: 'kind', failOn: 'never', reports: '"
                + Examples.reports("no-block") + "')\necho \"passed=${p.passed}\""), true));
        WorkflowRun run = r.buildAndAssertSuccess(job);
        r.assertLogContains("[ascent] validate ...", run);
        r.assertLogContains("[ascent] preflight ...", run);
        r.assertLogContains("passed=false", run);
        assertThat(run.getAction(io.ascent.jenkins.model.AscentResultAction.class)).isNotNull();
        assertThat(CALLS).isEmpty();
    }

    private static void secretText(String id, String token) {
        SystemCredentialsProvider.getInstance().getCredentials().add(new StringCredentialsImpl(
                CredentialsScope.GLOBAL, id, "a service account token", Secret.fromString(token)));
    }

    @Test
    void shouldMakeTheTokenCredentialsKubeconfigOnTheAgentAndNeverLogTheToken(JenkinsRule r) throws Exception {
        secretText("ci-token", "SECRET-TOKEN-it.abc");
        WorkflowJob job = r.createProject(WorkflowJob.class, "app");
        job.setDefinition(new CpsFlowDefinition("node {\n  ascentProvision(credentialsId: 'ci-token', "
                + "serverUrl: 'https://api.example.com:6443') {\n    sh 'test -s \"$KUBECONFIG\" && echo inside'\n"
                + "  }\n}", true));
        WorkflowRun run = r.buildAndAssertSuccess(job);
        r.assertLogContains("inside", run);
        r.assertLogContains("using the token of credential 'ci-token' for https://api.example.com:6443", run);
        r.assertLogNotContains("SECRET-TOKEN", run);
        assertThat(CREDENTIAL_KUBECONFIGS).singleElement().satisfies(text -> assertThat(text)
                .contains("server: https://api.example.com:6443").contains("token: SECRET-TOKEN-it.abc"));
        assertThat(CALLS).containsExactly("create <run>", "delete <run>");
        assertThat(run.getRootDir().toPath().resolve("build.xml")).content().doesNotContain("SECRET-TOKEN");
    }

    /**
     * "Secrets never reach any output": inside the block, printing the kubeconfig or a request's Authorization header
     * shows {@code ****}; {@code sh}'s own {@code -x} trace of the command is masked as well.
     */
    @Test
    void shouldMaskTheTokenWhenTheBlockPrintsTheKubeconfig(JenkinsRule r) throws Exception {
        secretText("ci-token", "SECRET-TOKEN-it.abc");
        WorkflowJob job = r.createProject(WorkflowJob.class, "app");
        job.setDefinition(new CpsFlowDefinition("node {\n  ascentProvision(credentialsId: 'ci-token', "
                + "serverUrl: 'https://api.example.com:6443') {\n"
                + "    sh 'cat \"$KUBECONFIG\"'\n"
                + "    sh 'echo \"Authorization: Bearer $(sed -n \"s/^ *token: //p\" \"$KUBECONFIG\")\"'\n"
                + "  }\n}", true));
        WorkflowRun run = r.buildAndAssertSuccess(job);
        r.assertLogContains("masking the secrets of credential 'ci-token' in the block's output", run);
        r.assertLogContains("token: ****", run);
        r.assertLogContains("Authorization: Bearer ****", run);
        r.assertLogContains("server: https://api.example.com:6443", run);
        r.assertLogNotContains("SECRET-TOKEN", run);
        assertThat(CREDENTIAL_KUBECONFIGS).singleElement().satisfies(text -> assertThat(text)
                .contains("token: SECRET-TOKEN-it.abc"));
    }

    /**
     * In watch mode a durable task's output is decorated on the agent itself (credentials-binding's SECURITY-3075
     * test shows a decorator that needs the controller failing there): the masker must work without Jenkins.
     */
    @Test
    void shouldMaskOnARemoteAgentThatFiltersTheOutputItself(JenkinsRule r) throws Exception {
        boolean watching = DurableTaskStep.USE_WATCHING;
        DurableTaskStep.USE_WATCHING = true;
        try {
            r.createOnlineSlave(Label.get("remote"));
            secretText("ci-token", "SECRET-TOKEN-it.abc");
            WorkflowJob job = r.createProject(WorkflowJob.class, "app");
            job.setDefinition(new CpsFlowDefinition("node('remote') {\n  ascentProvision(credentialsId: 'ci-token', "
                    + "serverUrl: 'https://api.example.com:6443') {\n    sh 'cat \"$KUBECONFIG\"'\n  }\n}", true));
            WorkflowRun run = r.buildAndAssertSuccess(job);
            r.assertLogContains("token: ****", run);
            r.assertLogNotContains("SECRET-TOKEN", run);
        } finally {
            DurableTaskStep.USE_WATCHING = watching;
        }
    }

    @Test
    void shouldMaskASecretFileKubeconfigsTokenAndClientKeyInTheBlock(JenkinsRule r) throws Exception {
        String kubeconfig = "apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster: {server: "
                + "'https://127.0.0.1:6443'}\nusers:\n- name: u\n  user: {token: SECRET-TOKEN-file.abc, "
                + "client-key-data: U0VDUkVULUtFWS1kYXRh}\ncontexts:\n- name: c\n  context: {cluster: c, user: u}\n"
                + "current-context: c\n";
        SystemCredentialsProvider.getInstance().getCredentials().add(new FileCredentialsImpl(CredentialsScope.GLOBAL,
                "prod-kubeconfig", "a kubeconfig", "kubeconfig",
                SecretBytes.fromBytes(kubeconfig.getBytes(StandardCharsets.UTF_8))));
        WorkflowJob job = r.createProject(WorkflowJob.class, "app");
        job.setDefinition(new CpsFlowDefinition("node {\n  ascentProvision(credentialsId: 'prod-kubeconfig') {\n"
                + "    sh 'cat \"$KUBECONFIG\"'\n  }\n}", true));
        WorkflowRun run = r.buildAndAssertSuccess(job);
        r.assertLogContains("user: {token: ****, client-key-data: ****}", run);
        r.assertLogNotContains("SECRET-TOKEN", run);
        r.assertLogNotContains("U0VDUkVULUtFWS1kYXRh", run);
    }

    /**
     * The masker is saved with the block's context in the program (a durable block survives a restart), the
     * secrets only inside a Secret, which the program stores encrypted.
     */
    @Test
    void shouldKeepTheTokenOutOfTheSavedProgramWhileTheBlockRuns(JenkinsRule r) throws Exception {
        secretText("ci-token", "SECRET-TOKEN-it.abc");
        WorkflowJob job = r.createProject(WorkflowJob.class, "app");
        job.addProperty(new DurabilityHintJobProperty(FlowDurabilityHint.MAX_SURVIVABILITY));
        job.setDefinition(new CpsFlowDefinition("node {\n  ascentProvision(credentialsId: 'ci-token', "
                + "serverUrl: 'https://api.example.com:6443') {\n    sh 'echo started; sleep 600'\n  }\n}", true));
        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        r.waitForMessage("started", run);
        Path program = run.getRootDir().toPath().resolve("program.dat");
        assertThat(program).exists();
        assertThat(new String(Files.readAllBytes(program), StandardCharsets.ISO_8859_1))
                .doesNotContain("SECRET-TOKEN");
        run.doStop();
        r.assertBuildStatus(Result.ABORTED, r.waitForCompletion(run));
        assertThat(CALLS).containsExactly("create <run>", "delete <run>");
    }

    @Test
    void shouldRunOnlyTheNamedTestsAndFailAtProvisionTestsForAnUnknownOne(JenkinsRule r) throws Exception {
        io.ascent.jenkins.config.AscentGlobalConfiguration.get().setKindPath("/nonexistent/kind");
        WorkflowJob job = r.createProject(WorkflowJob.class, "app");
        job.setDefinition(new CpsFlowDefinition(Examples.inRepository(
                "ascentProvision(dir: 'examples/hello-web', driver: 'kind', tests: ['content-check', 'nope'], "
                + "reports: '" + Examples.reports("tests") + "')"), true));
        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);
        r.assertLogContains("--test nope: the checklist has no smoke test of that name; its tests: homepage, health, "
                + "content-check [provision.test]", run);
        r.assertLogContains("examples/hello-web/ascent.yaml:", run);
        r.assertLogNotContains("Exception", run);
        assertThat(CALLS).isEmpty();
    }

    @Test
    void shouldRefuseTestsInTheBlockForm(JenkinsRule r) throws Exception {
        WorkflowJob withTests = r.createProject(WorkflowJob.class, "with-tests");
        withTests.setDefinition(new CpsFlowDefinition("node {\n  ascentProvision(tests: ['homepage']) {\n"
                + "    echo 'inside'\n  }\n}", true));
        WorkflowRun refused = r.buildAndAssertStatus(Result.FAILURE, withTests);
        r.assertLogContains("tests: ascentProvision with a block runs no smoke tests", refused);
        r.assertLogNotContains("inside", refused);
        assertThat(CALLS).isEmpty();
    }

    /** The Snippet Generator writes tests as the list a Pipeline gives, and that snippet runs as the same step. */
    @Test
    void shouldRoundTripTestsThroughTheSnippetGenerator(JenkinsRule r) throws Exception {
        ProvisionStep step = new ProvisionStep();
        step.setTests(java.util.List.of("homepage", "content-check"));
        String snippet = Snippetizer.object2Groovy(step);
        // (a block step's snippet also carries a block placeholder)
        assertThat(snippet).startsWith("ascentProvision").contains("tests: ['homepage', 'content-check']")
                .doesNotContain("testsText");
        ProvisionStep bound = (ProvisionStep) new org.jenkinsci.plugins.structs.describable.DescribableModel<>(
                ProvisionStep.class).instantiate(java.util.Map.of("tests", java.util.List.of("homepage",
                "content-check")));
        r.assertEqualDataBoundBeans(step, bound);
        assertThat(Snippetizer.object2Groovy(new ProvisionStep())).doesNotContain("tests");
    }

    @Test
    void shouldFailClearlyForATokenCredentialWithoutAServerUrl(JenkinsRule r) throws Exception {
        secretText("ci-token", "SECRET-TOKEN-it.abc");
        WorkflowJob job = r.createProject(WorkflowJob.class, "app");
        job.setDefinition(new CpsFlowDefinition("node {\n  ascentProvision(credentialsId: 'ci-token') {\n"
                + "    echo 'inside'\n  }\n}", true));
        WorkflowRun run = r.buildAndAssertStatus(Result.FAILURE, job);
        r.assertLogContains("cluster credential 'ci-token' is a Secret text (a token): set serverUrl", run);
        r.assertLogNotContains("inside", run);
        r.assertLogNotContains("SECRET-TOKEN", run);
        assertThat(CALLS).isEmpty();
    }
}

package io.ascent.jenkins.steps;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
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
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
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
            request.kubeconfig().ifPresent(file -> {
                try {
                    CREDENTIAL_KUBECONFIGS.add(Files.readString(file));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            Path kubeconfig = request.workDirectory().resolve("kubeconfig");
            try {
                Files.writeString(kubeconfig, "apiVersion: v1\nkind: Config\n");
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

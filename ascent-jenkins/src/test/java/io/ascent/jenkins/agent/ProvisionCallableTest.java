package io.ascent.jenkins.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.model.TaskListener;
import io.ascent.core.network.UrlAllowList;
import io.ascent.core.provision.ProvisionRule;
import io.ascent.core.report.Item;
import io.ascent.core.report.PhaseRecord;
import io.ascent.core.report.Status;
import io.ascent.core.report.render.Format;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvisionCallableTest {

    /** This JVM's environment as a build's (what the callables ran in before builds had their own). */
    static final BuildEnvironment THIS_JVM = BuildEnvironment.of(System.getenv());

    /** A kubeconfig for a cluster nobody runs (port 1 on loopback refuses), with a token that must stay secret. */
    static final String KUBECONFIG = """
            apiVersion: v1
            kind: Config
            clusters: [{name: c, cluster: {server: "https://127.0.0.1:1"}}]
            users: [{name: u, user: {token: SECRET-TOKEN-xyz}}]
            contexts: [{name: ctx, context: {cluster: c, user: u}}]
            current-context: ctx
            """;

    @TempDir
    Path parent;
    private Path workspace;

    @BeforeEach
    void copyTheExampleIntoAWorkspace() throws IOException {
        workspace = HelloWebWorkspace.create(parent);
        // The engine validates the workspace's HEAD tree.
        git("add", "-A");
        git("commit", "-q", "-m", "app");
    }

    private void git(String... args) throws IOException {
        HelloWebWorkspace.git(workspace, args);
    }

    private static ValidateRequest request(String dir, String reports) {
        return new ValidateRequest(dir, "", "", reports, List.of(Format.JSON, Format.JUNIT),
                UrlAllowList.none());
    }

    /** The callable without operator settings beyond the agent's environment. */
    private static ProvisionCallable provision(ValidateRequest request, String driver, String kindPath,
            TaskListener listener, ClusterCredential credential) {
        return new ProvisionCallable(request, driver, kindPath, KindOperatorSettings.NONE, listener, credential, THIS_JVM);
    }

    private static ClusterCredential credential() {
        return ClusterCredential.kubeconfig("prod-kubeconfig", KUBECONFIG.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldCrossTheChannelWithoutShowingTheCredential() throws Exception {
        ProvisionCallable callable = provision(request("app", "out/"), "kind", "/opt/kind",
                new ValidateCallableTest.BufferListener(), credential());
        ProvisionCallable copy = Serialization.roundTrip(callable);
        assertThat(copy).usingRecursiveComparison().ignoringFields("listener").isEqualTo(callable);
        assertThat(copy.driverName()).isEqualTo("kind");
        assertThat(copy.toString()).doesNotContain("SECRET");
    }

    @Test
    void shouldCarryTheTestsToRunAcrossTheChannel() throws Exception {
        ProvisionCallable callable = provision(request("app", "out/"), "kind", "/opt/kind",
                new ValidateCallableTest.BufferListener(), null);
        assertThat(callable.tests()).as("all of them by default").isEmpty();
        assertThat(Serialization.roundTrip(callable.onlyTests(List.of("health", "content-check"))).tests())
                .containsExactly("health", "content-check");
    }

    @Test
    void shouldChooseExistingForACredentialElseLeaveItToTheChecklist() {
        ValidateCallableTest.BufferListener log = new ValidateCallableTest.BufferListener();
        assertThat(provision(request("app", "out/"), "", "/opt/kind", log, credential()).driverName())
                .isEqualTo("existing");
        assertThat(provision(request("app", "out/"), "", "/opt/kind", log, null).driverName()).isNull();
        assertThat(provision(request("app", "out/"), "kind", "/opt/kind", log, credential())
                .driverName()).isEqualTo("kind");
    }

    @Test
    void shouldRunTheEngineWithTheCredentialsKubeconfigAndStopAtPreflightWhenTheClusterIsUnreachable()
            throws Exception {
        ValidateCallableTest.BufferListener log = new ValidateCallableTest.BufferListener();
        AgentReport answer = provision(request("app", "target/ascent/"), "", "/opt/kind", log,
                credential()).invoke(workspace.toFile(), null);

        assertThat(answer.report().subject()).isEqualTo("app");
        assertThat(answer.report().phases()).extracting(PhaseRecord::name).contains("validate", "preflight")
                .doesNotContain("cluster", "deploy");
        assertThat(answer.report().gatingItems()).isNotEmpty();
        assertThat(answer.files()).containsOnlyKeys("json", "junit")
                .containsEntry("json", "target/ascent/ascent-report.json");
        assertThat(workspace.resolve("target/ascent/ascent-report.json")).isNotEmptyFile()
                .content().doesNotContain("SECRET-TOKEN");
        // The credential's copy lived under <workspace>@tmp only for the run.
        try (Stream<Path> left = Files.list(parent.resolve("ws@tmp"))) {
            assertThat(left).isEmpty();
        }
        assertThat(log.text()).contains("[ascent] validate ...").contains("[ascent] preflight ...")
                .doesNotContain("SECRET-TOKEN");
    }

    @Test
    void shouldFindTheClusterOfTheBuildsKubeconfigNotTheAgentJvms() throws Exception {
        // withKubeConfig / withEnv(["KUBECONFIG=..."]) around ascentProvision(driver: 'existing')
        Path kubeconfig = Files.writeString(parent.resolve("build-kubeconfig"), KUBECONFIG.replace("ctx",
                "build-ci"), StandardCharsets.UTF_8);
        assertThat(System.getenv("KUBECONFIG")).isNotEqualTo(kubeconfig.toString());
        Map<String, String> build = new HashMap<>(System.getenv());
        build.put("KUBECONFIG", kubeconfig.toString());

        AgentReport answer = new ProvisionCallable(request("app", "target/ascent/"), "existing", "",
                KindOperatorSettings.NONE, new ValidateCallableTest.BufferListener(), null,
                BuildEnvironment.of(build)).invoke(workspace.toFile(), null);

        assertThat(answer.report().items()).anySatisfy(item -> {
            assertThat(item.id()).isEqualTo("provision.preflight.kubeconfig");
            assertThat(item.status()).isEqualTo(Status.PASS);
            assertThat(item.message()).isEqualTo("using the context build-ci (current) of " + kubeconfig);
        });
    }

    @Test
    void shouldRunTheContainerEngineOnTheBuildsPathWithTheBuildsEnvironmentOnly() throws Exception {
        // tool / withEnv(["PATH+KIND=..."]): the build's docker and kind, not the agent JVM's
        Path bin = Files.createDirectories(parent.resolve("build-tools"));
        Path seen = parent.resolve("docker.env");
        Files.writeString(bin.resolve("docker"), "#!/bin/sh\n/usr/bin/env > '" + seen + "'\necho nothing\n");
        Files.writeString(bin.resolve("kind"), "#!/bin/sh\necho kind v0.31.0 go1.25.5 linux/amd64\n");
        for (String tool : List.of("docker", "kind")) {
            Files.setPosixFilePermissions(bin.resolve(tool), java.nio.file.attribute.PosixFilePermissions
                    .fromString("rwx------"));
        }
        Map<String, String> build = Map.of("PATH", bin.toString(), "HOME", parent.toString(),
                "BUILD_TAG", "jenkins-app-12", "DOCKER_HOST", "unix:///build/docker.sock");

        AgentReport answer = new ProvisionCallable(request("app", "target/ascent/"), "kind", "",
                KindOperatorSettings.NONE, new ValidateCallableTest.BufferListener(), null,
                BuildEnvironment.of(build)).invoke(workspace.toFile(), null);

        assertThat(answer.report().gatingItems()).as("preflight stops at an engine that does not answer")
                .isNotEmpty();
        assertThat(seen).as("the build's docker ran").exists();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (String line : Files.readAllLines(seen)) {
            names.add(line.substring(0, Math.max(0, line.indexOf('='))));
        }
        assertThat(Files.readAllLines(seen)).contains("PATH=" + bin, "BUILD_TAG=jenkins-app-12",
                "DOCKER_HOST=unix:///build/docker.sock");
        java.util.Set<String> agentOnly = new java.util.HashSet<>(System.getenv().keySet());
        agentOnly.removeAll(build.keySet());
        agentOnly.removeIf(name -> name.startsWith(BuildEnvironment.OPERATOR_PREFIX)
                || java.util.Set.of("PWD", "OLDPWD", "SHLVL", "_").contains(name));
        assertThat(agentOnly).as("the test needs a variable only the agent JVM has").isNotEmpty();
        assertThat(names).as("nothing of the agent JVM's own environment").doesNotContainAnyElementsOf(agentOnly);
    }

    /**
     * A Secret text credential: the kubeconfig made from it on the agent sends the token as a bearer token, over TLS
     * checked against the given CA, to the server given; the token reaches no report, log line or leftover file.
     */
    @Test
    void shouldSendTheTokenCredentialToItsServerOverVerifiedTlsAndShowItNowhere() throws Exception {
        ValidateCallableTest.BufferListener log = new ValidateCallableTest.BufferListener();
        try (TokenApiDouble api = new TokenApiDouble(parent)) {
            ClusterCredential token = ClusterCredential.token("ci-token", "SECRET-TOKEN-sa.abc\n",
                    ApiServer.of(api.url(), api.caPem()));

            AgentReport answer = provision(request("app", "target/ascent/"), "", "/opt/kind", log, token)
                    .invoke(workspace.toFile(), null);

            assertThat(api.requests).as("the engine asked the server, carrying the token")
                    .contains("/version Bearer SECRET-TOKEN-sa.abc");
            assertThat(api.requests).allMatch(request -> request.endsWith(" Bearer SECRET-TOKEN-sa.abc"));
            assertThat(answer.report().items()).anySatisfy(item -> {
                assertThat(item.id()).isEqualTo("provision.preflight.access");
                assertThat(item.status().isGating()).isTrue();
            });
            assertThat(answer.report().items()).noneMatch(item -> String.valueOf(item).contains("SECRET-TOKEN"));
        }
        assertThat(workspace.resolve("target/ascent/ascent-report.json")).content().doesNotContain("SECRET-TOKEN");
        assertThat(log.text()).contains("[ascent] preflight ...").doesNotContain("SECRET-TOKEN");
        try (Stream<Path> left = Files.list(parent.resolve("ws@tmp"))) {
            assertThat(left).as("the kubeconfig made from the token is gone").isEmpty();
        }
    }

    @Test
    void shouldNeverSendTheTokenToAServerItsCaDoesNotVouchFor() throws Exception {
        ValidateCallableTest.BufferListener log = new ValidateCallableTest.BufferListener();
        try (TokenApiDouble api = new TokenApiDouble(parent)) {
            // No CA: the agent's trust store decides, and it does not know the double's self-signed certificate.
            ClusterCredential token = ClusterCredential.token("ci-token", "SECRET-TOKEN-sa.abc",
                    ApiServer.of(api.url(), ""));

            AgentReport answer = provision(request("app", "target/ascent/"), "", "/opt/kind", log, token)
                    .invoke(workspace.toFile(), null);

            assertThat(api.requests).as("TLS failed before any request").isEmpty();
            assertThat(answer.report().gatingItems()).isNotEmpty();
            assertThat(answer.report().phases()).extracting(PhaseRecord::name).doesNotContain("deploy");
        }
        assertThat(log.text()).doesNotContain("SECRET-TOKEN");
    }

    @Test
    void shouldRunKindsPreflightOnTheAgentAndCreateNothingWithAKindThatDoesNotExist() throws Exception {
        AgentReport answer = provision(request("app", "target/ascent/"), "kind", "/opt/no/kind",
                new ValidateCallableTest.BufferListener(), null).invoke(workspace.toFile(), null);
        assertThat(answer.report().phases()).extracting(PhaseRecord::name).contains("validate", "preflight");
        assertThat(answer.report().items()).extracting(Item::id).contains("preflight.container-engine");
        assertThat(answer.report().gatingItems()).isNotEmpty();
        assertThat(answer.report().items()).noneMatch(item -> item.id().equals(ProvisionRule.CLUSTER.id())
                && item.status() == Status.PASS);
    }

    @Test
    void shouldStopInTheValidatePhaseAtTheAgentProcesssAscentTimeLimitBeforeAnyCluster() throws Exception {
        AgentReport answer = provision(request("app", "target/ascent/"), "kind", "/opt/no/kind",
                new ValidateCallableTest.BufferListener(), null).run(workspace.toFile(),
                        THIS_JVM.onAgent(java.util.Map.of("ASCENT_TIME_LIMIT", "PT0.001S")));

        assertThat(answer.report().items()).filteredOn(item -> item.id().equals("ascent.time-limit"))
                .singleElement().satisfies(item -> assertThat(item.message()).contains("time limit of 1 ms"));
        assertThat(answer.report().verdict().exitStatus()).isEqualTo(2);
        assertThat(answer.report().phases()).extracting(PhaseRecord::name).doesNotContain("preflight");
    }

    @Test
    void shouldLetTheKindConfigurationMountOnlyTheFoldersTheOperatorsAllow() throws Exception {
        Path cache = Files.createDirectories(parent.resolve("cache"));
        HelloWebWorkspace.mount(workspace, cache.toString());
        git("commit", "-q", "-a", "-m", "mount the cache");
        ValidateCallableTest.BufferListener log = new ValidateCallableTest.BufferListener();

        AgentReport refused = provision(request("app", "target/ascent/"), "kind", "/opt/no/kind", log, null)
                .invoke(workspace.toFile(), null);
        AgentReport allowed = new ProvisionCallable(request("app", "target/ascent/"), "kind", "/opt/no/kind",
                new KindOperatorSettings(List.of(cache.toString()), List.of()), log, null, THIS_JVM)
                .invoke(workspace.toFile(), null);

        assertThat(refused.report().items()).anySatisfy(item -> {
            assertThat(item.id()).isEqualTo("provision.kind-host");
            assertThat(item.status()).isEqualTo(Status.ERROR);
            assertThat(item.message()).contains("is outside the repository");
        });
        assertThat(allowed.report().items()).as("the mount passes; kind's preflight stops the run")
                .noneMatch(item -> item.id().equals("provision.kind-host") && item.status() == Status.ERROR)
                .anyMatch(item -> item.id().startsWith("preflight."));
    }

    @Test
    void shouldLetAscentValidateAllowTheSameMountFoldersAsAscentProvision() throws Exception {
        Path cache = Files.createDirectories(parent.resolve("cache"));
        HelloWebWorkspace.mount(workspace, cache.toString());
        git("commit", "-q", "-a", "-m", "mount the cache");
        ValidateRequest plain = request("app", "target/ascent/");
        ValidateRequest withFolders = new ValidateRequest(plain.directory(), plain.checklist(),
                plain.kubernetesVersion(), plain.reports(), plain.formats(), plain.allowedUrls(),
                List.of(cache.toString()), List.of());

        AgentReport refused = new ValidateCallable(plain, new ValidateCallableTest.BufferListener(), THIS_JVM)
                .invoke(workspace.toFile(), null);
        AgentReport allowed = new ValidateCallable(withFolders, new ValidateCallableTest.BufferListener(), THIS_JVM)
                .invoke(workspace.toFile(), null);

        assertThat(refused.report().items()).anySatisfy(item -> {
            assertThat(item.id()).isEqualTo("provision.kind-host");
            assertThat(item.status()).isEqualTo(Status.ERROR);
        });
        assertThat(allowed.report().items())
                .noneMatch(item -> item.id().equals("provision.kind-host") && item.status() == Status.ERROR);
    }

    @Test
    void shouldWriteTheInterruptedReportAndEndWithTheInterruption() {
        ProvisionCallable callable = provision(request("app", "target/ascent/"), "existing", "/opt/kind",
                new ValidateCallableTest.BufferListener(), credential());
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> callable.invoke(workspace.toFile(), null))
                    .isInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
        }
        assertThat(workspace.resolve("target/ascent/ascent-report.json")).content().contains("\"interrupted\"");
    }

    @Test
    void shouldRefuseADirectoryOutsideTheWorkspaceWithoutRunningTheEngine() throws Exception {
        AgentReport answer = provision(request("../elsewhere", "out/"), "", "/opt/kind",
                new ValidateCallableTest.BufferListener(), credential()).invoke(workspace.toFile(), null);
        Item item = answer.report().items().get(0);
        assertThat(item.status()).isEqualTo(Status.ERROR);
        assertThat(item.message()).isEqualTo("dir '../elsewhere' leaves the workspace");
        assertThat(parent.resolve("ws@tmp")).doesNotExist();
        assertThat(workspace.resolve("out")).doesNotExist();
    }
}

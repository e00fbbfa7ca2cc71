package io.ascent.jenkins.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import io.ascent.core.Ascent;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.provision.ClusterRequest;
import io.ascent.core.provision.ProvisionOptions;
import io.ascent.core.provision.ProvisionedCluster;
import io.ascent.core.provision.RunName;
import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import io.ascent.core.report.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ascentProvision}'s block form builds its cluster from the checklist as {@code ascent provision} does: the
 * kind configuration under the same host policy, the operator's mount folders and node image repositories from the
 * global configuration and the agent's environment, and nothing of the kind from the Pipeline.
 */
class BlockClusterRequestTest {

    /** This JVM's environment as a build's (what the callables ran in before builds had their own). */
    static final BuildEnvironment THIS_JVM = BuildEnvironment.of(System.getenv());

    private static final String RUN = RunName.next(Clock.systemUTC()).value();
    private static final String DIGEST = "@sha256:6f86cf509dbb42767b6e79debc3f2c32e4ee01386f0489b3b2be24b0a55aac2b";

    @TempDir
    Path parent;
    private Path workspace;
    /** A folder outside the workspace, as an operator's shared cache. */
    private Path cache;
    private final RecordingCall call = new RecordingCall();
    private final ValidateCallableTest.BufferListener log = new ValidateCallableTest.BufferListener();

    /** Records the request it was given and makes no cluster. */
    static final class RecordingCall implements ProvisionCall {
        private static final long serialVersionUID = 1L;
        final List<ClusterRequest> requests = new ArrayList<>();

        @Override
        public ProvisionedCluster create(ClusterRequest request, java.util.Map<String, String> environment,
                ProgressListener progress) {
            requests.add(request);
            return new ProvisionedCluster("kind", request.runName(), request.workDirectory().resolve("kubeconfig"),
                    Optional.empty(), "default", true);
        }

        @Override
        public void delete(ProvisionedCluster cluster, java.util.Map<String, String> environment,
                ProgressListener progress) {
            // nothing was made
        }
    }

    @BeforeEach
    void copyTheExampleIntoAWorkspace() throws IOException {
        workspace = HelloWebWorkspace.create(parent);
        cache = Files.createDirectories(parent.resolve("cache"));
    }

    private void mount(String hostPath) throws IOException {
        HelloWebWorkspace.mount(workspace, hostPath);
    }

    private void nodeImage(String repository) throws IOException {
        Path checklist = workspace.resolve("app/ascent.yaml");
        Files.writeString(checklist, Files.readString(checklist).replace("kindest/node:", repository + ":"));
    }

    private static ProvisionRequest request(String nodeImage, KindOperatorSettings settings) {
        return new ProvisionRequest(RUN, "", nodeImage, Duration.ofMinutes(5), "app", "", settings);
    }

    private ClusterHandle create(ProvisionRequest request) throws Exception {
        return new CreateClusterCallable(request, call, log, null, THIS_JVM).invoke(workspace.toFile(), null);
    }

    private ClusterRequest build(ProvisionRequest request, Map<String, String> environment) throws Exception {
        return BlockClusterRequest.of(workspace, request, Optional.empty(), parent.resolve("ws@tmp/" + RUN),
                environment, ProgressListener.SILENT);
    }

    @Test
    void shouldCreateTheClusterWithTheChecklistsKindConfigurationAndSettings() throws Exception {
        create(request("", KindOperatorSettings.NONE));

        ClusterRequest request = call.requests.get(0);
        assertThat(request.kindConfig()).hasValueSatisfying(config -> {
            assertThat(config.displayPath()).isEqualTo("app/deploy/kind-config.yaml");
            assertThat(config.operatorMounts()).isEmpty();
        });
        assertThat(request.kubernetesVersion()).contains("1.31");
        assertThat(request.nodeImage()).contains("kindest/node:v1.31.14" + DIGEST);
        assertThat(request.labels()).containsAllEntriesOf(RunName.parse(RUN).orElseThrow().labels());
    }

    @Test
    void shouldFailTheBlockWithTheCommandLinesMessageForAMountOutsideTheWorkspace() throws Exception {
        mount(cache.toString());
        Report cli = new Ascent().provision(ProvisionOptions.builder(workspace.resolve("app")).noGit(true)
                .dryRun(true).build(), ProgressListener.SILENT);
        Item refused = cli.items().stream().filter(item -> item.id().equals("provision.kind-host")
                && item.status() == Status.ERROR).findFirst().orElseThrow();

        assertThatThrownBy(() -> create(request("", KindOperatorSettings.NONE)))
                .isInstanceOf(AbortException.class)
                .hasMessageStartingWith("[ascent] app/deploy/kind-config.yaml:7:")
                .hasMessageContaining(refused.message())
                .hasMessageContaining(refused.remediation());
        assertThat(refused.location().toString()).startsWith("app/deploy/kind-config.yaml:7:");
        assertThat(call.requests).as("nothing is created").isEmpty();
        try (Stream<Path> left = Files.list(parent.resolve("ws@tmp"))) {
            assertThat(left).as("the run's folder is removed").isEmpty();
        }
    }

    @Test
    void shouldMountAFolderTheGlobalConfigurationAllows() throws Exception {
        mount(cache.resolve("maven").toString());

        create(request("", new KindOperatorSettings(List.of(cache.toString()), List.of())));

        assertThat(call.requests.get(0).kindConfig().orElseThrow().operatorMounts()).containsExactly(cache);
    }

    @Test
    void shouldMountAFolderTheAgentsEnvironmentAllowsBesidesTheGlobalOnes() throws Exception {
        mount(cache.toString());
        KindOperatorSettings global = new KindOperatorSettings(List.of("/var/cache/global"), List.of());

        ClusterRequest request = build(request("", global), Map.of("ASCENT_KIND_MOUNTS", cache.toString()));

        assertThat(request.kindConfig().orElseThrow().operatorMounts())
                .containsExactly(Path.of("/var/cache/global"), cache);
        assertThatThrownBy(() -> build(request("", global), Map.of()))
                .hasMessageContaining("is outside the repository");
    }

    @Test
    void shouldRefuseANodeImageOfTheChecklistNoOperatorAllows() throws Exception {
        nodeImage("mirror.corp/kindest/node");

        assertThatThrownBy(() -> create(request("", KindOperatorSettings.NONE)))
                .isInstanceOf(AbortException.class)
                .hasMessageStartingWith("[ascent] provision.cluster.nodeImage 'mirror.corp/kindest/node:v1.31.14")
                .hasMessageContaining("privileged container on the build agent");
        assertThat(call.requests).isEmpty();

        create(request("", new KindOperatorSettings(List.of(), List.of("mirror.corp/kindest/node"))));
        assertThat(call.requests.get(0).nodeImage()).contains("mirror.corp/kindest/node:v1.31.14" + DIGEST);
        assertThat(build(request("", KindOperatorSettings.NONE),
                Map.of("ASCENT_KIND_NODE_IMAGES", "other.corp/node,mirror.corp/kindest/node")).nodeImage())
                .as("the agent's environment allows it too").isPresent();
    }

    @Test
    void shouldRefuseTheStepsNodeImageUnlessAnOperatorAllowsIt() throws Exception {
        String image = "attacker.example/node:v1" + DIGEST;

        assertThatThrownBy(() -> create(request(image, KindOperatorSettings.NONE)))
                .hasMessageStartingWith("[ascent] ascentProvision's nodeImage '" + image + "' is not one of kind's");
        assertThat(call.requests).isEmpty();

        create(request(image, new KindOperatorSettings(List.of(), List.of("attacker.example/node"))));
        assertThat(call.requests.get(0).nodeImage()).contains(image);
    }

    @Test
    void shouldLeaveKindConfigurationAndNodeImageToTheExistingClustersDriver() throws Exception {
        mount("/etc");
        nodeImage("mirror.corp/kindest/node");

        ClusterRequest request = BlockClusterRequest.of(workspace, request("", KindOperatorSettings.NONE),
                Optional.of(parent.resolve("kubeconfig")), parent.resolve("work"), Map.of(), ProgressListener.SILENT);

        assertThat(request.kindConfig()).isEmpty();
        assertThat(request.kubeconfig()).contains(parent.resolve("kubeconfig"));
    }

    @Test
    void shouldMakeKindsDefaultClusterWithoutAChecklist() throws Exception {
        Files.createDirectories(workspace.resolve("plain"));
        create(new ProvisionRequest(RUN, "1.30", "", Duration.ofMinutes(5), "plain", "", KindOperatorSettings.NONE));

        ClusterRequest request = call.requests.get(0);
        assertThat(request.kindConfig()).isEmpty();
        assertThat(request.nodeImage()).isEmpty();
        assertThat(request.kubernetesVersion()).contains("1.30");
    }

    @Test
    void shouldFailAtTheChecklistsLineWhenTheChecklistIsBroken() throws Exception {
        Path checklist = workspace.resolve("app/ascent.yaml");
        Files.writeString(checklist, Files.readString(checklist).replace("    driver: kind\n", "    driver: podman\n"));

        assertThatThrownBy(() -> create(request("", KindOperatorSettings.NONE)))
                .isInstanceOf(AbortException.class).hasMessageStartingWith("[ascent] app/ascent.yaml:");
        assertThat(call.requests).isEmpty();
    }

    @Test
    void shouldRefuseAChecklistOrDirectoryOutsideTheWorkspace() {
        assertThatThrownBy(() -> create(new ProvisionRequest(RUN, "", "", Duration.ofMinutes(5), "app",
                "../../elsewhere.yaml", KindOperatorSettings.NONE)))
                .hasMessageStartingWith("[ascent] checklist '../../elsewhere.yaml' leaves the workspace");
        assertThatThrownBy(() -> create(new ProvisionRequest(RUN, "", "", Duration.ofMinutes(5), "../x", "",
                KindOperatorSettings.NONE))).hasMessageStartingWith("[ascent] dir '../x' leaves the workspace");
        assertThat(call.requests).isEmpty();
    }
}

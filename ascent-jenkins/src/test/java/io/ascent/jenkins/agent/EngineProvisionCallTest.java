package io.ascent.jenkins.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ascent.core.provision.ClusterRequest;
import io.ascent.core.provision.ProvisionException;
import io.ascent.core.provision.ProvisionedCluster;
import io.ascent.core.provision.RunName;
import io.ascent.core.provision.existing.ExistingClusterDriver;
import io.ascent.core.provision.kind.KindDriver;
import io.ascent.core.provision.kube.KubeConnections;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineProvisionCallTest {

    @TempDir
    Path work;

    private ClusterRequest request(Optional<Path> kubeconfig) {
        return new ClusterRequest("ascent-app-7", Optional.of("1.31"), Optional.empty(), Optional.empty(),
                kubeconfig, Optional.empty(), work, Duration.ofMinutes(1), Map.of("ascent.dev/run", "ascent-app-7"));
    }

    @Test
    void shouldBindTheEnginesDriversWithTheConfiguredKind() {
        ProvisionCall call = new EngineProvisionBinding().call("/opt/kind/bin/kind");
        assertThat(call).isInstanceOfSatisfying(EngineProvisionCall.class,
                engine -> assertThat(engine.kindPath()).isEqualTo("/opt/kind/bin/kind"));
        assertThat(new EngineProvisionCall(" ").kindPath()).isEqualTo("kind");
    }

    @Test
    void shouldPickKindWithTheConfiguredExecutableWithoutAKubeconfig() {
        EngineProvisionCall call = new EngineProvisionCall("/opt/kind/bin/kind");
        assertThat(EngineProvisionCall.driverName(request(Optional.empty()))).isEqualTo("kind");
        assertThat(call.choice("kind", new KubeConnections(System.getenv())).driver()).isInstanceOfSatisfying(KindDriver.class,
                kind -> assertThat(kind.plan(request(Optional.empty())))
                        .anyMatch(line -> line.startsWith("/opt/kind/bin/kind create cluster --name ascent-app-7")));
    }

    @Test
    void shouldPickExistingWhenTheCredentialGaveAKubeconfig() {
        EngineProvisionCall call = new EngineProvisionCall("kind");
        assertThat(EngineProvisionCall.driverName(request(Optional.of(work.resolve("kubeconfig")))))
                .isEqualTo("existing");
        assertThat(call.choice("existing", new KubeConnections(System.getenv())).driver()).isInstanceOf(ExistingClusterDriver.class);
    }

    @Test
    void shouldCrossTheChannelWithOnlyTheKindPath() throws Exception {
        EngineProvisionCall copy = Serialization.roundTrip(new EngineProvisionCall("/opt/kind/bin/kind"));
        assertThat(copy.kindPath()).isEqualTo("/opt/kind/bin/kind");
    }

    @Test
    void shouldStopAtPreflightWithoutCreatingAnythingOrShowingTheToken() throws Exception {
        Path kubeconfig = Files.writeString(work.resolve("credential-kubeconfig"), ProvisionCallableTest.KUBECONFIG,
                StandardCharsets.UTF_8);
        ValidateCallableTest.BufferListener log = new ValidateCallableTest.BufferListener();
        assertThatThrownBy(() -> new EngineProvisionCall("kind").create(request(Optional.of(kubeconfig)), System.getenv(),
                new LogProgress(log.getLogger())))
                .isInstanceOfSatisfying(ProvisionException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProvisionException.Kind.ENVIRONMENT);
                    assertThat(e.getMessage()).startsWith("preflight: ").doesNotContain("SECRET-TOKEN");
                });
        assertThat(log.text()).doesNotContain("SECRET-TOKEN");
    }

    @Test
    void shouldCloseTheConnectionsOfACreateThatPreflightStopped() throws Exception {
        Path kubeconfig = Files.writeString(work.resolve("credential-kubeconfig"), ProvisionCallableTest.KUBECONFIG,
                StandardCharsets.UTF_8);
        List<KubeConnections> opened = new ArrayList<>();
        EngineProvisionCall call = new EngineProvisionCall("kind", environment -> record(opened, environment));

        assertThatThrownBy(() -> call.create(request(Optional.of(kubeconfig)), System.getenv(),
                new LogProgress(new ValidateCallableTest.BufferListener().getLogger())))
                .isInstanceOf(ProvisionException.class);

        assertThat(opened).hasSize(1);
        assertClosed(opened.get(0), kubeconfig);
    }

    @Test
    void shouldCloseTheConnectionsOfADeleteThatFailed() throws Exception {
        Path kubeconfig = Files.writeString(work.resolve("credential-kubeconfig"), ProvisionCallableTest.KUBECONFIG,
                StandardCharsets.UTF_8);
        List<KubeConnections> opened = new ArrayList<>();
        EngineProvisionCall call = new EngineProvisionCall("kind", environment -> record(opened, environment));
        ProvisionedCluster cluster = new ProvisionedCluster("existing", "ctx", kubeconfig, Optional.empty(),
                "ascent-app-7", false);

        assertThatThrownBy(() -> call.delete(cluster, System.getenv(), new LogProgress(new ValidateCallableTest.BufferListener()
                .getLogger()))).isInstanceOf(ProvisionException.class).hasMessageContaining("was not deleted");

        assertThat(opened).hasSize(1);
        assertClosed(opened.get(0), kubeconfig);
    }

    private static KubeConnections record(List<KubeConnections> opened, java.util.Map<String, String> environment) {
        KubeConnections connections = new KubeConnections(environment);
        opened.add(connections);
        return connections;
    }

    /** Closed connections refuse to connect (an open one would connect: reading the kubeconfig needs no server). */
    private static void assertClosed(KubeConnections connections, Path kubeconfig) {
        assertThatThrownBy(() -> connections.connect(Optional.of(kubeconfig), Optional.empty()))
                .isInstanceOf(ProvisionException.class).hasMessageContaining("connections are closed");
    }

    @Test
    void shouldRunTheBlockFormsKindPreflightWithTheConfiguredExecutable() {
        Path missing = work.resolve("tools/kind-v0.31.0");
        assertThatThrownBy(() -> new EngineProvisionCall(missing.toString()).create(request(Optional.empty()), System.getenv(),
                new LogProgress(new ValidateCallableTest.BufferListener().getLogger())))
                .isInstanceOfSatisfying(ProvisionException.class, e -> assertThat(e.getMessage())
                        .startsWith("preflight: ").contains(missing + " was not found"));
    }

    @Test
    void shouldLabelTheRunsObjectsAsAscentGcAgesThem() {
        RunName run = RunName.next(java.time.Clock.systemUTC());

        assertThat(CreateClusterCallable.labels(run.value())).isEqualTo(run.labels());
        assertThat(CreateClusterCallable.labels("ascent-app-7")).containsOnly(Map.entry(RunName.RUN_LABEL, "ascent-app-7"));
    }
}

package io.ascent.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ascent.core.progress.ProgressListener;
import io.ascent.core.provision.ClusterRequest;
import io.ascent.core.provision.ProvisionException;
import io.ascent.core.provision.ProvisionedCluster;
import io.ascent.core.provision.RunName;
import io.ascent.core.provision.kind.KindDriver;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kind driver end to end against the fake {@code kind}, whose clusters are real control planes: create, Ascent's
 * own readiness check, delete; and each failure on demand ends with a clear message and nothing left behind.
 */
@ExtendWith(ControlPlaneExtension.class)
class KindDriverTest {

    @TempDir
    Path work;

    private FakeKind kind;

    private FakeKind fake(ControlPlaneBinaries binaries) throws Exception {
        kind = new FakeKind(binaries, getClass().getSimpleName() + "-" + System.nanoTime());
        return kind;
    }

    @AfterEach
    void stopWhateverIsLeft() throws InterruptedException {
        if (kind != null) {
            kind.stopAll();
        }
    }

    private ClusterRequest request(String version, Duration timeout) {
        RunName name = RunName.next(Clock.systemUTC());
        return new ClusterRequest(name.value(), Optional.ofNullable(version), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), work.resolve(name.value()), timeout, name.labels());
    }

    private void assertGone(String cluster) throws Exception {
        assertThat(kind.clusters()).doesNotContain(cluster);
        Eventually.await("no process of " + cluster, Duration.ofSeconds(20), () -> kind.processesOf(cluster),
                java.util.List::isEmpty);
    }

    @Test
    void shouldCreateAReadyClusterWithItsOwnKubeconfigAndDeleteItCompletely(ControlPlaneBinaries binaries)
            throws Exception {
        KindDriver driver = fake(binaries).driver();
        ClusterRequest request = request("1.31", Duration.ofMinutes(4));

        ProvisionedCluster cluster = driver.create(request, ProgressListener.SILENT);

        assertThat(cluster.kubeconfig()).isEqualTo(request.workDirectory().resolve("kubeconfig")).exists();
        assertThat(cluster.name()).isEqualTo(request.runName());
        assertThat(kind.clusters()).containsExactly(request.runName());
        assertThat(Files.readString(request.workDirectory().resolve("kind-config.yaml")))
                .contains("kindest/node:v1.31.14@sha256:6f86cf509dbb42767b6e79debc3f2c32e4ee01386f0489b3b2be24b0a55aac2b");
        assertThat(Files.readString(kind.log)).contains("create cluster --name " + request.runName()
                + " --config " + request.workDirectory().resolve("kind-config.yaml") + " --kubeconfig "
                + cluster.kubeconfig());
        try (Reader reader = Files.newBufferedReader(cluster.kubeconfig())) {
            KubeConfig config = KubeConfig.loadKubeConfig(reader);
            assertThat(config.getCurrentContext()).isEqualTo("kind-" + request.runName());
            assertThat(new CoreV1Api(ClientBuilder.kubeconfig(config).build()).listNode().execute().getItems())
                    .isNotEmpty();
        }

        driver.delete(cluster, ProgressListener.SILENT);
        driver.delete(cluster, ProgressListener.SILENT); // twice is fine

        assertGone(request.runName());
    }

    @Test
    void shouldDeleteAClusterWhoseCreateFailedHalfWayAndKeepKindsOutput(ControlPlaneBinaries binaries)
            throws Exception {
        KindDriver driver = fake(binaries).driver();
        kind.env.put("FAKE_KIND_FAIL", "create");
        ClusterRequest request = request("1.31", Duration.ofMinutes(4));

        assertThatThrownBy(() -> driver.create(request, ProgressListener.SILENT))
                .isInstanceOfSatisfying(ProvisionException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProvisionException.Kind.ENVIRONMENT);
                    assertThat(e.getMessage()).contains("kind could not create cluster " + request.runName(),
                            "create cluster --name " + request.runName(), "exited with status 1",
                            "failed to init node with kubeadm");
                    assertThat(e.remediation()).hasValueSatisfying(r -> assertThat(r).contains("kind-logs"));
                });

        assertThat(request.workDirectory().resolve("kind-logs").resolve(request.runName() + "-control-plane"))
                .isDirectoryContaining(path -> path.getFileName().toString().equals("kube-apiserver.log"));
        assertGone(request.runName());
    }

    @Test
    void shouldFailAClusterThatNeverGetsReadyThoughKindSucceeded(ControlPlaneBinaries binaries) throws Exception {
        KindDriver driver = fake(binaries).driver();
        kind.env.put("FAKE_KIND_NOT_READY", "1");
        ClusterRequest request = request(null, Duration.ofSeconds(75));

        assertThatThrownBy(() -> driver.create(request, ProgressListener.SILENT))
                .isInstanceOfSatisfying(ProvisionException.class, e -> assertThat(e.getMessage())
                        .contains("the cluster was not ready after", "nodes to register"));

        assertGone(request.runName());
    }

    @Test
    void shouldStopASlowCreateAtTheTimeoutAndLeaveNothing(ControlPlaneBinaries binaries, ClusterAccess shared)
            throws Exception {
        KindDriver driver = fake(binaries).driver();
        kind.env.put("FAKE_KIND_SLOW_CREATE", "600");
        kind.env.put("FAKE_KIND_SHARED_KUBECONFIG", shared.kubeconfig().toString()); // the wait is what matters
        ClusterRequest request = request("1.31", Duration.ofSeconds(15));

        assertThatThrownBy(() -> driver.create(request, ProgressListener.SILENT))
                .isInstanceOfSatisfying(ProvisionException.class, e -> assertThat(e.getMessage())
                        .contains("kind did not create cluster " + request.runName() + " within 15 s"));

        assertGone(request.runName());
    }

    @Test
    void shouldDeleteTheClusterWhenTheCreatingThreadIsInterrupted(ControlPlaneBinaries binaries) throws Exception {
        KindDriver driver = fake(binaries).driver();
        kind.env.put("FAKE_KIND_SLOW_CREATE", "600");
        ClusterRequest request = request("1.31", Duration.ofMinutes(10));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread build = new Thread(() -> {
            try {
                driver.create(request, ProgressListener.SILENT);
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        build.start();
        Path ready = kind.state.resolve("clusters").resolve(request.runName()).resolve("cp").resolve("ready");
        Eventually.await("the fake cluster's control plane", Duration.ofMinutes(4),
                () -> Files.exists(ready) || thrown.get() != null, r -> r);
        assertThat(thrown.get()).as("create ended before it was interrupted").isNull();

        build.interrupt();
        build.join(Duration.ofMinutes(3).toMillis());

        assertThat(build.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        assertGone(request.runName());
    }

    @Test
    void shouldSayHowToDeleteByHandWhenKindCannotDelete(ControlPlaneBinaries binaries) throws Exception {
        KindDriver driver = fake(binaries).driver();
        ClusterRequest request = request("1.31", Duration.ofMinutes(4));
        ProvisionedCluster cluster = driver.create(request, ProgressListener.SILENT);
        kind.env.put("FAKE_KIND_FAIL", "delete");

        assertThatThrownBy(() -> driver.delete(cluster, ProgressListener.SILENT))
                .isInstanceOfSatisfying(ProvisionException.class, e -> {
                    assertThat(e.getMessage()).contains("cluster " + request.runName() + " may still exist",
                            "docker rm -f -v");
                    assertThat(e.remediation()).hasValue("delete it by hand: `kind delete cluster --name "
                            + request.runName() + "` (or `ascent gc` removes every Ascent cluster older than a "
                            + "given age)");
                });
        assertThat(kind.clusters()).containsExactly(request.runName());

        kind.env.remove("FAKE_KIND_FAIL");
        driver.delete(cluster, ProgressListener.SILENT);
        assertGone(request.runName());
    }

    @Test
    void shouldRefuseAKubernetesVersionTheInstalledKindHasNoImageForBeforeCallingCreate(ControlPlaneBinaries binaries)
            throws Exception {
        KindDriver driver = fake(binaries).driver();
        ClusterRequest request = request("1.22.1", Duration.ofMinutes(4));

        assertThatThrownBy(() -> driver.create(request, ProgressListener.SILENT))
                .isInstanceOfSatisfying(ProvisionException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProvisionException.Kind.INPUT);
                    assertThat(e.getMessage()).contains("kind v0.31.0 has no node image for Kubernetes 1.22.1");
                });
        assertThat(Files.readString(kind.log)).doesNotContain("create cluster");
    }


    @Test
    void shouldGiveEightConcurrentCreatesOnOneAgentUniqueNamesAndKubeconfigs(ControlPlaneBinaries binaries,
            ClusterAccess shared) throws Exception {
        // Eight real control planes would not fit two cores: the fake hands each create a copy of the shared
        // control plane's kubeconfig, so names, files and the driver's own readiness check are what is tested.
        KindDriver driver = fake(binaries).driver();
        kind.env.put("FAKE_KIND_SHARED_KUBECONFIG", shared.kubeconfig().toString());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.List<java.util.concurrent.Future<ProvisionedCluster>> futures = new java.util.ArrayList<>();
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return driver.create(request("1.31", Duration.ofMinutes(3)), ProgressListener.SILENT);
                }));
            }
            start.countDown();
            java.util.List<ProvisionedCluster> clusters = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<ProvisionedCluster> future : futures) {
                clusters.add(future.get(5, java.util.concurrent.TimeUnit.MINUTES));
            }

            assertThat(clusters).extracting(ProvisionedCluster::name).doesNotHaveDuplicates()
                    .allMatch(name -> RunName.parse(name).isPresent());
            assertThat(clusters).extracting(ProvisionedCluster::kubeconfig).doesNotHaveDuplicates()
                    .allSatisfy(file -> assertThat(file).exists());
            for (ProvisionedCluster cluster : clusters) {
                assertThat(Files.readString(cluster.kubeconfig())).contains("current-context: kind-" + cluster.name());
            }
            assertThat(kind.clusters()).containsExactlyInAnyOrderElementsOf(
                    clusters.stream().map(ProvisionedCluster::name).toList());

            for (ProvisionedCluster cluster : clusters) {
                driver.delete(cluster, ProgressListener.SILENT);
            }
            assertThat(kind.clusters()).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }
}

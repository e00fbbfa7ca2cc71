package io.ascent.core.provision.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ascent.core.provision.ProvisionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connections of one run: built once per cluster, whoever asks first, and all closed at the run's end. */
class KubeConnectionsTest {

    private final ApiServerDouble server = ApiServerDouble.started();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldBuildOneConnectionForCallersAskingAtOnce() throws Exception {
        Path kubeconfig = kubeconfig();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (KubeConnections connections = new KubeConnections(System.getenv())) {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<KubeConnection>> asked = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                asked.add(pool.submit(() -> {
                    go.await();
                    return connections.connect(Optional.of(kubeconfig), Optional.empty());
                }));
            }
            go.countDown();
            KubeConnection first = asked.get(0).get();
            for (Future<KubeConnection> other : asked) {
                assertThat(other.get()).isSameAs(first);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldCloseTheSocketsOfEveryConnectionAndRefuseNewOnesOnClose() throws Exception {
        server.always("GET /version", ApiServerDouble.json(200, "{\"gitVersion\":\"v1.35.0\"}"));
        KubeConnections connections = new KubeConnections(System.getenv());
        KubeConnection connection = connections.connect(Optional.of(kubeconfig()), Optional.empty());
        connection.get("/version");
        assertThat(connection.pooledSockets()).isEqualTo(1);

        connections.close();

        assertThat(connection.pooledSockets()).isZero();
        assertThatThrownBy(() -> connections.connect(Optional.of(kubeconfig()), Optional.empty()))
                .isInstanceOf(ProvisionException.class).hasMessageContaining("closed");
    }

    @Test
    void shouldReportAFailedConnectionToEveryCallerAndTryAgainForTheNext() throws Exception {
        Path missing = dir.resolve("missing-kubeconfig");
        try (KubeConnections connections = new KubeConnections(System.getenv())) {
            assertThatThrownBy(() -> connections.connect(Optional.of(missing), Optional.empty()))
                    .isInstanceOf(ProvisionException.class).hasMessageContaining("does not exist");
            Files.move(kubeconfig(), missing);

            assertThat(connections.connect(Optional.of(missing), Optional.empty()).server())
                    .isEqualTo(server.address());
        }
    }

    @Test
    void shouldWarmUpEachClusterOnceHoweverOftenItIsAskedAndAnotherClusterToo() throws Exception {
        server.always("GET /version", ApiServerDouble.json(200, "{\"gitVersion\":\"v1.35.0\"}"));
        Path kubeconfig = kubeconfig();
        Path other = Files.copy(kubeconfig, Files.createDirectory(dir.resolve("other")).resolve("kubeconfig"));
        try (KubeConnections connections = new KubeConnections(System.getenv())) {
            // the command line warms from its words, then the run asks again for the same cluster
            connections.warmUp(kubeconfig, Optional.empty());
            connections.warmUp(dir.resolve(".").resolve("kubeconfig"), Optional.empty());
            connections.awaitWarmUps();
            assertThat(server.requests("GET /version")).as("one warm-up per cluster").hasSize(1);

            connections.warmUp(other, Optional.empty()); // the words named another cluster than the run's
            connections.awaitWarmUps();

            assertThat(server.requests("GET /version")).hasSize(2);
            KubeConnection warm = connections.connect(Optional.of(kubeconfig), Optional.empty());
            assertThat(warm.pooledSockets()).as("the warm-up's connection, not a new one").isEqualTo(1);
            assertThat(connections.connect(Optional.of(other), Optional.empty())).isNotSameAs(warm);
        }
    }

    /** A kubeconfig with a token (never printed) for the double. */
    private Path kubeconfig() throws Exception {
        return server.kubeconfig(dir);
    }
}

package io.ascent.core.provision;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.progress.ProgressListener;
import io.ascent.core.provision.existing.ExistingClusterDriver;
import io.ascent.core.provision.kind.KindDriver;
import io.ascent.core.provision.kube.KubeConnections;
import io.ascent.core.report.Item;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterDriversTest {

    @TempDir
    Path work;

    private ClusterRequest request() {
        return new ClusterRequest("ascent-20261130-013502-k3f9qz", Optional.of("1.31"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), work, Duration.ofMinutes(1), Map.of());
    }

    @Test
    void shouldOfferKindRunningTheExecutableItIsGiven() {
        ClusterDrivers.Choice kind = ClusterDrivers.forName("kind", new KubeConnections(System.getenv()), "/opt/kind/bin/kind", System.getenv())
                .orElseThrow();
        assertThat(kind.driver()).isInstanceOf(KindDriver.class);
        assertThat(kind.driver().plan(request()))
                .anyMatch(line -> line.startsWith("/opt/kind/bin/kind create cluster --name ascent-"));
        assertThat(ClusterDrivers.forName("kind", new KubeConnections(System.getenv()), "kind", System.getenv()).orElseThrow().driver().plan(request()))
                .anyMatch(line -> line.startsWith("kind create cluster --name ascent-"));
    }

    @Test
    void shouldRunKindsOwnPreflightChecksBeforeACluster() throws Exception {
        List<Item> items = ClusterDrivers.forName("kind", new KubeConnections(System.getenv()), "kind", System.getenv()).orElseThrow().preflight()
                .check(request(), ProgressListener.SILENT);
        assertThat(items).extracting(Item::id).contains("preflight.container-engine", "preflight.kind");
    }

    @Test
    void shouldOfferExistingAndNothingElse() {
        assertThat(ClusterDrivers.forName("existing", new KubeConnections(System.getenv()), "kind", System.getenv()).orElseThrow().driver())
                .isInstanceOf(ExistingClusterDriver.class);
        assertThat(ClusterDrivers.forName("minikube", new KubeConnections(System.getenv()), "kind", System.getenv())).isEmpty();
        assertThat(ClusterDrivers.names()).containsExactly("kind", "existing");
    }
}

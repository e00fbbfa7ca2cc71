package io.ascent.core.provision.kind;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.progress.ProgressListener;
import io.ascent.core.provision.ClusterRequest;
import io.ascent.core.provision.KindConfigFile;
import io.ascent.core.provision.ProvisionedCluster;
import io.ascent.core.provision.RunName;
import io.ascent.core.provision.command.ProcessCommandRunner;
import io.ascent.core.provision.preflight.PreflightChecks;
import io.ascent.core.provision.preflight.PreflightResult;
import io.ascent.core.provision.preflight.Probes;
import io.ascent.core.report.Item;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kind driver against the real kind and container engine of this machine. Tagged {@code real-cluster}: left
 * out of the default build (no Docker on CI's agents), run with {@code ./mvnw -B verify -Preal-cluster -pl
 * ascent-core -am} where Docker or Podman and kind exist (docs/provisioning.md). It fails, not skips, when they do
 * not: asking for this suite on a machine that cannot run it is a mistake worth seeing.
 */
@Tag("real-cluster")
class KindDriverRealClusterTest {

    @TempDir
    Path work;

    private ClusterRequest request(Optional<String> version, Optional<KindConfigFile> config) {
        RunName name = RunName.next(Clock.systemUTC());
        return new ClusterRequest(name.value(), version, Optional.empty(), config, Optional.empty(),
                Optional.empty(), work.resolve(name.value()), Duration.ofMinutes(6), name.labels());
    }

    private static void preflightPasses(ClusterRequest request) throws InterruptedException {
        PreflightResult preflight = PreflightChecks.forDriver("kind").run(request, Probes.of(System.getenv()), ProgressListener.SILENT);
        assertThat(preflight.passed()).as("preflight on this machine:%n%s", preflight.items().stream()
                .map(Item::message).collect(Collectors.joining("\n"))).isTrue();
    }

    @Test
    void shouldCreateAReadyClusterOfTheInstalledKindsDefaultImageAndDeleteIt() throws Exception {
        ClusterRequest request = request(Optional.empty(), Optional.empty());
        preflightPasses(request);
        KindDriver driver = KindDriver.local(System.getenv());

        ProvisionedCluster cluster = driver.create(request, ProgressListener.SILENT);
        try {
            assertThat(cluster.kubeconfig()).exists();
            // returns at once when the cluster is ready, throws when it is not within the time given
            ClusterReadiness.await(cluster.kubeconfig(), Duration.ofSeconds(30), ProgressListener.SILENT, System.getenv());
        } finally {
            driver.delete(cluster, ProgressListener.SILENT);
        }

        String clusters = new ProcessCommandRunner(System.getenv()).run(List.of("kind", "get", "clusters"), Duration.ofMinutes(1))
                .stdout();
        assertThat(clusters.lines()).doesNotContain(request.runName());
    }

    @Test
    void shouldCreateTheHelloWebTwoNodeClusterAtKubernetes131() throws Exception {
        Path config = Files.writeString(work.resolve("kind-config.yaml"), """
                apiVersion: kind.x-k8s.io/v1alpha4
                kind: Cluster
                nodes:
                  - role: control-plane
                  - role: worker
                """);
        ClusterRequest request = request(Optional.of("1.31"), Optional.of(new KindConfigFile(config,
                "kind-config.yaml", work, work)));
        preflightPasses(request);
        KindDriver driver = KindDriver.local(System.getenv());

        ProvisionedCluster cluster = driver.create(request, ProgressListener.SILENT);
        try {
            org.json.JSONArray nodes = ClusterReadiness.connect(cluster.kubeconfig(), System.getenv()).get("/api/v1/nodes")
                    .getJSONArray("items");
            assertThat(nodes.length()).isEqualTo(2);
            for (int i = 0; i < nodes.length(); i++) {
                assertThat(nodes.getJSONObject(i).getJSONObject("status").getJSONObject("nodeInfo")
                        .getString("kubeletVersion")).startsWith("v1.31.");
            }
        } finally {
            driver.delete(cluster, ProgressListener.SILENT);
        }
    }
}

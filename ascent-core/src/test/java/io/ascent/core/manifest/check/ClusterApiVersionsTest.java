package io.ascent.core.manifest.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.manifest.ManifestWorkspace;
import io.ascent.core.manifest.api.ApiAvailability;
import io.ascent.core.manifest.api.ApiLifecycleTable;
import io.ascent.core.manifest.api.KubernetesVersion;
import io.ascent.core.report.Item;
import io.ascent.core.report.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ClusterAPI's own kinds are judged against the ClusterAPI release the checklist names, from its CRD table. */
class ClusterApiVersionsTest {
    @TempDir
    Path repository;
    private ManifestWorkspace workspace;

    @BeforeEach
    void setUp() {
        workspace = new ManifestWorkspace(repository);
    }

    private List<Item> validate(String clusterApi, String apiVersion, String kind) {
        workspace.checklist("kubernetes:\n  version: \"1.31\"\n  manifests: [deploy/]\n" + clusterApi
                + "  checks: {manifest.schema: {enabled: false}}\n")
                .write("deploy/cluster.yaml", "apiVersion: " + apiVersion + "\nkind: " + kind + "\nmetadata:\n"
                        + "  name: workload\n");
        return workspace.validate("manifest.api-version", Optional.empty());
    }

    @Test
    void shouldFailAClusterApiVersionTheReleaseNoLongerServes() {
        assertThat(validate("  clusterApi: {version: v1.5.3}\n", "cluster.x-k8s.io/v1alpha3", "Cluster"))
                .singleElement().satisfies(item -> {
                    assertThat(item.status()).isEqualTo(Status.FAIL);
                    assertThat(item.location()).hasToString("deploy/cluster.yaml:1:13");
                    assertThat(item.message()).isEqualTo("Cluster/workload: cluster.x-k8s.io/v1alpha3 Cluster was "
                            + "removed in ClusterAPI 1.5; use cluster.x-k8s.io/v1beta1 Cluster "
                            + "(kubernetes.clusterApi.version is 1.5)");
                    assertThat(item.remediation()).startsWith("write apiVersion: cluster.x-k8s.io/v1beta1");
                });
    }

    @Test
    void shouldWarnAboutADeprecatedOneAndFailOneNotServedYet() {
        assertThat(validate("  clusterApi: {version: \"1.5\"}\n", "controlplane.cluster.x-k8s.io/v1alpha4",
                "KubeadmControlPlane")).singleElement().satisfies(item -> {
                    assertThat(item.status()).isEqualTo(Status.WARN);
                    assertThat(item.message()).contains("is deprecated since ClusterAPI 1.5 and removed in 1.6");
                });
        assertThat(validate("  clusterApi: {version: \"1.5\"}\n", "cluster.x-k8s.io/v1beta2", "MachineDeployment"))
                .singleElement().satisfies(item -> {
                    assertThat(item.status()).isEqualTo(Status.FAIL);
                    assertThat(item.message()).contains("is served from ClusterAPI 1.11; for 1.5 use "
                            + "cluster.x-k8s.io/v1beta1");
                });
    }

    @Test
    void shouldLeaveProvidersOwnKindsAndAnUnnamedReleaseUnjudged() {
        assertThat(validate("  clusterApi: {version: \"1.5\"}\n", "infrastructure.cluster.x-k8s.io/v1beta2",
                "AWSCluster")).singleElement().satisfies(item -> {
                    assertThat(item.status()).isEqualTo(Status.PASS);
                    assertThat(item.message()).contains("1 is not in the table (custom resources)");
                });
        assertThat(validate("", "cluster.x-k8s.io/v1alpha3", "Cluster")).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.PASS);
            assertThat(item.message()).contains("1 is a ClusterAPI kind, not judged: set "
                    + "kubernetes.clusterApi.version to check them");
        });
    }

    @Test
    void shouldShipATableGeneratedFromClusterApisReleaseTags() {
        ApiLifecycleTable table = ApiLifecycleTable.clusterApi();
        assertThat(table.rows()).allSatisfy(row -> assertThat(row.source()).startsWith("kubernetes-sigs/cluster-api@v"));
        assertThat(table.check("controlplane.cluster.x-k8s.io/v1beta1", "KubeadmControlPlane",
                KubernetesVersion.of(1, 2)).availability()).isEqualTo(ApiAvailability.SERVED);
        assertThat(table.check("bootstrap.cluster.x-k8s.io/v1alpha4", "KubeadmConfigTemplate",
                KubernetesVersion.of(0, 4)).availability()).isEqualTo(ApiAvailability.SERVED);
        assertThat(table.check("infrastructure.cluster.x-k8s.io/v1beta1", "DockerMachineTemplate",
                KubernetesVersion.of(1, 3)).availability()).isEqualTo(ApiAvailability.SERVED);
        assertThat(table.find("clusterctl.cluster.x-k8s.io/v1alpha3", "Provider")).isPresent();
    }
}

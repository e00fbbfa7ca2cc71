package io.ascent.core.manifest.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.manifest.api.KubernetesVersion;
import io.ascent.core.network.UrlAllowList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ClusterAPI's bundled CRDs are the registry's last source, and the bundle is opened only for an object of a
 * ClusterAPI group: a run without one (the speed benchmarks' inputs) never reads it.
 */
class ClusterApiSchemaLookupTest {
    private static final KubernetesVersion K8S = KubernetesVersion.of(1, 31);
    private final AtomicInteger opened = new AtomicInteger();
    private final Supplier<ClusterApiSchemaBundle> counting = () -> {
        opened.incrementAndGet();
        return ClusterApiSchemaBundle.builtIn();
    };

    private SchemaRegistry registry(List<String> locations, Path base, KubernetesVersion clusterApi) {
        List<SchemaLocation> parsed = locations.stream().map(text -> SchemaLocation.parse(text, base)).toList();
        return new SchemaRegistry(parsed, true, KubernetesSchemaBundle::builtIn, SchemaFetcher.offline(),
                UrlAllowList.none(), CustomResourceSchemas.none(),
                new ClusterApiSchemas(clusterApi, true, counting), false);
    }

    @Test
    void shouldNotOpenTheBundleForObjectsOfOtherGroups() {
        SchemaRegistry registry = registry(List.of("default"), Path.of("."), KubernetesVersion.of(1, 9));

        assertThat(registry.lookup(K8S, "apps/v1", "Deployment")).isInstanceOf(SchemaRegistry.Found.class);
        assertThat(registry.lookup(K8S, "example.com/v1", "Widget")).isInstanceOf(SchemaRegistry.NotFound.class);
        assertThat(opened).hasValue(0);

        assertThat(registry.lookup(K8S, "cluster.x-k8s.io/v1beta1", "Cluster")).isInstanceOfSatisfying(
                SchemaRegistry.Found.class, found -> assertThat(found.source()).isEqualTo("ClusterAPI 1.9's CRD"
                        + " clusters.cluster.x-k8s.io (bundled with Ascent, from sigs.k8s.io/cluster-api v1.9.11)"));
        assertThat(opened).hasPositiveValue();
    }

    @Test
    void shouldNotOpenTheBundleWithoutAClusterApiRelease() {
        SchemaRegistry registry = registry(List.of("default"), Path.of("."), null);

        assertThat(registry.lookup(K8S, "cluster.x-k8s.io/v1beta1", "Cluster"))
                .isInstanceOfSatisfying(SchemaRegistry.NotFound.class, notFound -> assertThat(notFound.remedy())
                        .hasValueSatisfying(remedy -> {
                            assertThat(remedy.kind()).isEqualTo(SchemaResult.Remedy.Kind.ADD_CRD);
                            assertThat(remedy.text()).startsWith("set kubernetes.clusterApi.version");
                        }));
        assertThat(opened).hasValue(0);
    }

    @Test
    void shouldPreferASchemaLocation(@TempDir Path repository) throws IOException {
        Files.createDirectories(repository.resolve("schemas"));
        Files.writeString(repository.resolve("schemas/cluster_v1beta1.json"), "{\"type\": \"object\"}");
        SchemaRegistry registry = registry(List.of("default", "schemas/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json"),
                repository, KubernetesVersion.of(1, 9));

        assertThat(registry.lookup(K8S, "cluster.x-k8s.io/v1beta1", "Cluster")).isInstanceOfSatisfying(
                SchemaRegistry.Found.class, found -> assertThat(found.source()).endsWith("cluster_v1beta1.json"));
        assertThat(registry.lookup(K8S, "cluster.x-k8s.io/v1beta1", "Machine")).isInstanceOfSatisfying(
                SchemaRegistry.Found.class, found -> assertThat(found.source()).startsWith("ClusterAPI 1.9's CRD"));
    }

    @Test
    void shouldNameWhatTheBundleLacksForARelease() {
        // ClusterAPI 1.11's CAPD module is not on the proxy; v1alpha4 is not served by 1.9; 0.4 is before the bundle
        assertThat(registry(List.of("default"), Path.of("."), KubernetesVersion.of(1, 11))
                .lookup(K8S, "infrastructure.cluster.x-k8s.io/v1beta2", "DockerCluster"))
                .isInstanceOfSatisfying(SchemaRegistry.NotFound.class, notFound -> assertThat(notFound.remedy())
                        .contains(SchemaResult.Remedy.addCrd("Ascent's bundle of ClusterAPI 1.11 lacks the Docker"
                                + " provider's CRDs (the Go module proxy does not serve sigs.k8s.io/cluster-api/test for"
                                + " this release): add its CRD to the manifests or a schemaLocation")));
        assertThat(registry(List.of("default"), Path.of("."), KubernetesVersion.of(1, 9))
                .lookup(K8S, "cluster.x-k8s.io/v1alpha4", "ClusterClass"))
                .isInstanceOfSatisfying(SchemaRegistry.NotFound.class, notFound -> assertThat(notFound.remedy())
                        .contains(SchemaResult.Remedy.other("ClusterAPI 1.9 does not serve cluster.x-k8s.io/v1alpha4"
                                + " ClusterClass (kubernetes.clusterApi.version is 1.9): move the object to the version"
                                + " manifest.api-version names")));
        assertThat(registry(List.of("default"), Path.of("."), KubernetesVersion.of(0, 4))
                .lookup(K8S, "cluster.x-k8s.io/v1alpha4", "Cluster"))
                .isInstanceOfSatisfying(SchemaRegistry.NotFound.class, notFound -> assertThat(notFound.remedy())
                        .contains(SchemaResult.Remedy.addCrd("Ascent bundles the CRDs of ClusterAPI 1.0 to 1.14, not"
                                + " 0.4: add its CRD to the manifests or a schemaLocation")));
    }
}

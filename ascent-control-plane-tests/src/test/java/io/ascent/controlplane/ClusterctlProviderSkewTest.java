package io.ascent.controlplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.provision.preflight.ClusterctlProviderSkew;
import io.ascent.core.report.Item;
import io.ascent.core.report.Status;
import io.kubernetes.client.openapi.apis.ApiextensionsV1Api;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clusterctl/provider skew read from a real API server: clusterctl's Provider CRD installed, Provider objects as
 * {@code clusterctl init} writes them, the real kubectl reading them, and a fake clusterctl printing its version.
 */
@ExtendWith(ControlPlaneExtension.class)
class ClusterctlProviderSkewTest {
    private static final String GROUP = "clusterctl.cluster.x-k8s.io";
    private static final String NAME = "providers." + GROUP;

    /** The served shape of clusterctl's CRD (v1alpha3), without its full schema: the fields stay as written. */
    private static final String DEFINITION = CustomResourceDefinitions.namespaced(GROUP, "providers", "Provider",
            "v1alpha3", "{\"type\": \"object\", \"x-kubernetes-preserve-unknown-fields\": true}");

    @TempDir
    Path dir;

    @Test
    void shouldFailProvidersOfAnotherReleaseThanClusterctlAndPassTheSameRelease(ClusterAccess cluster)
            throws Exception {
        ApiextensionsV1Api extensions = new ApiextensionsV1Api(cluster.client());
        CustomResourceDefinitions.createEstablished(cluster, NAME, DEFINITION);
        try {
            CustomObjectsApi objects = new CustomObjectsApi(cluster.client());
            objects.createNamespacedCustomObject(GROUP, "v1alpha3", cluster.namespace(), "providers",
                    provider("cluster-api", "cluster-api", "CoreProvider", "v1.2.5")).execute();
            objects.createNamespacedCustomObject(GROUP, "v1alpha3", cluster.namespace(), "providers",
                    provider("infrastructure-aws", "aws", "InfrastructureProvider", "v2.0.2")).execute();

            List<Item> skewed = check(cluster, "v1.2.4");
            assertThat(skewed).singleElement().satisfies(item -> {
                assertThat(item.status()).isEqualTo(Status.FAIL);
                assertThat(item.message()).startsWith("provider cluster-api (CoreProvider in " + cluster.namespace()
                        + ") is v1.2.5 but clusterctl is v1.2.4");
                assertThat(item.remediation()).contains("use clusterctl v1.2.5");
            });
            assertThat(check(cluster, "v1.2.5")).singleElement().satisfies(item -> {
                assertThat(item.status()).isEqualTo(Status.PASS);
                assertThat(item.message()).contains("not compared: provider aws");
            });
        } finally {
            extensions.deleteCustomResourceDefinition(NAME).execute();
        }
    }

    @Test
    void shouldSkipAClusterWhereClusterctlInitHasNotRun(ClusterAccess cluster) throws Exception {
        assertThat(check(cluster, "v1.2.5")).singleElement().satisfies(item -> {
            assertThat(item.status()).as(item.message()).isEqualTo(Status.SKIP);
            assertThat(item.message()).contains("clusterctl init has not run there");
        });
    }

    private List<Item> check(ClusterAccess cluster, String clusterctlVersion) throws Exception {
        Path clusterctl = dir.resolve("clusterctl-" + clusterctlVersion);
        Files.writeString(clusterctl, "#!/bin/sh\necho '{\"clusterctl\": {\"gitVersion\": \"" + clusterctlVersion
                + "\"}}'\n");
        clusterctl.toFile().setExecutable(true);
        return new ClusterctlProviderSkew().check(cluster.kubeconfig(), null, clusterctl.toString());
    }

    private static Map<String, Object> provider(String name, String providerName, String type, String version) {
        return Map.of("apiVersion", GROUP + "/v1alpha3", "kind", "Provider", "metadata", Map.of("name", name),
                "providerName", providerName, "type", type, "version", version);
    }
}

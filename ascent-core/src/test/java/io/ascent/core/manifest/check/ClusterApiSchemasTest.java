package io.ascent.core.manifest.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.manifest.ManifestWorkspace;
import io.ascent.core.manifest.api.KubernetesVersion;
import io.ascent.core.manifest.schema.ClusterApiSchemaBundle;
import io.ascent.core.report.Item;
import io.ascent.core.report.Severity;
import io.ascent.core.report.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ClusterAPI's objects are validated against the bundled CRDs of the ClusterAPI release the checklist names
 * ({@code kubernetes.clusterApi.version}), as a CRD in the manifests would validate them.
 */
class ClusterApiSchemasTest {
    private static final String CLUSTER_CLASS = """
            apiVersion: cluster.x-k8s.io/v1beta1
            kind: ClusterClass
            metadata:
              name: team-standard
            spec:
              controlPlane:
                ref:
                  apiVersion: controlplane.cluster.x-k8s.io/v1beta1
                  kind: KubeadmControlPlaneTemplate
                  name: team-standard-control-plane
              infrastructure:
                ref:
                  apiVersion: infrastructure.cluster.x-k8s.io/v1beta1
                  kind: DockerClusterTemplate
                  name: team-standard
            """;
    private static final String CLUSTER = """
            apiVersion: cluster.x-k8s.io/v1beta1
            kind: Cluster
            metadata:
              name: workload
            spec:
              topology:
                class: team-standard
                version: v1.30.0
                controlPlane:
                  replicas: 1
            """;
    private static final String CONTROL_PLANE = """
            apiVersion: controlplane.cluster.x-k8s.io/v1beta1
            kind: KubeadmControlPlane
            metadata:
              name: workload-control-plane
            spec:
              replicas: 1
              version: v1.30.0
              machineTemplate:
                infrastructureRef:
                  apiVersion: infrastructure.cluster.x-k8s.io/v1beta1
                  kind: DockerMachineTemplate
                  name: workload-control-plane
              kubeadmConfigSpec: {}
            """;

    @TempDir
    Path repository;
    private ManifestWorkspace workspace;

    @BeforeEach
    void setUp() {
        workspace = new ManifestWorkspace(repository);
    }

    private List<Item> schemaItems(String clusterApi) {
        workspace.checklist("kubernetes:\n  version: \"1.31\"\n  manifests: [deploy/]\n" + clusterApi);
        return workspace.validate("manifest.schema", Optional.empty());
    }

    private void writeAll(String clusterClass, String cluster, String controlPlane) {
        workspace.write("deploy/clusterclass.yaml", clusterClass)
                .write("deploy/cluster.yaml", cluster)
                .write("deploy/control-plane.yaml", controlPlane);
    }

    @Test
    void shouldFailMisspeltFieldsOfClusterApiObjectsAtTheirLines() {
        writeAll(CLUSTER_CLASS.replace("      kind: DockerClusterTemplate", "      kinds: DockerClusterTemplate"),
                CLUSTER.replace("    controlPlane:", "    controlPlanes:"),
                CONTROL_PLANE.replace("  replicas: 1", "  replica: 1"));

        List<Item> items = schemaItems("  clusterApi: {version: \"1.9\"}\n");

        assertThat(items).filteredOn(item -> item.status() == Status.FAIL).extracting(
                item -> item.location() + ": " + item.message()).containsExactlyInAnyOrder(
                "deploy/clusterclass.yaml:14:7: ClusterClass/team-standard: unknown property 'kinds' in"
                        + " spec.infrastructure.ref; did you mean 'kind'? Allowed: apiVersion, fieldPath, kind, name,"
                        + " namespace, resourceVersion, uid",
                "deploy/cluster.yaml:9:5: Cluster/workload: unknown property 'controlPlanes' in spec.topology; did"
                        + " you mean 'controlPlane'? Allowed: class, classNamespace, controlPlane, rolloutAfter,"
                        + " variables, version, workers",
                "deploy/control-plane.yaml:6:3: KubeadmControlPlane/workload-control-plane: unknown property"
                        + " 'replica' in spec; did you mean 'replicas'? Allowed: kubeadmConfigSpec,"
                        + " machineNamingStrategy, machineTemplate, remediationStrategy, replicas, rolloutAfter,"
                        + " rolloutBefore, rolloutStrategy, version");
        assertThat(items).filteredOn(item -> item.message().startsWith("Cluster/workload")).singleElement()
                .satisfies(item -> assertThat(item.remediation()).isEqualTo("checked against ClusterAPI 1.9's CRD"
                        + " clusters.cluster.x-k8s.io (bundled with Ascent, from sigs.k8s.io/cluster-api v1.9.11);"
                        + " see the API reference of cluster.x-k8s.io/v1beta1 Cluster"));
    }

    @Test
    void shouldPassTheSameObjectsWhenTheyAreRight() {
        writeAll(CLUSTER_CLASS, CLUSTER, CONTROL_PLANE);

        assertThat(schemaItems("  clusterApi: {version: \"1.9\"}\n")).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.PASS);
            assertThat(item.message()).isEqualTo("3 resources match their schemas");
        });
    }

    @Test
    void shouldFailAFieldAddedInALaterReleaseOnTheEarlierOne() {
        // KubeadmControlPlane's spec.machineNamingStrategy came with ClusterAPI 1.9.
        workspace.write("deploy/control-plane.yaml", CONTROL_PLANE + "  machineNamingStrategy: {template: \"{{ .kubeadmControlPlane.name }}-{{ .random }}\"}\n");

        assertThat(schemaItems("  clusterApi: {version: \"1.9\"}\n")).singleElement()
                .satisfies(item -> assertThat(item.status()).isEqualTo(Status.PASS));
        assertThat(schemaItems("  clusterApi: {version: \"1.8\"}\n")).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.FAIL);
            assertThat(item.location()).hasToString("deploy/control-plane.yaml:14:3");
            assertThat(item.message()).startsWith("KubeadmControlPlane/workload-control-plane: unknown property"
                    + " 'machineNamingStrategy' in spec");
            assertThat(item.remediation()).startsWith("checked against ClusterAPI 1.8's CRD"
                    + " kubeadmcontrolplanes.controlplane.cluster.x-k8s.io (bundled with Ascent, from"
                    + " sigs.k8s.io/cluster-api v1.8.12)");
        });
    }

    @Test
    void shouldPreferACrdInTheManifestsEvenInALaterFile() {
        // The team's own (older, smaller) CRD for Cluster: spec.paused only. It comes after the Cluster.
        workspace.write("deploy/a-cluster.yaml", CLUSTER)
                .write("deploy/b-paused.yaml", CLUSTER.replace("name: workload", "name: paused")
                        .replaceAll("(?s)  topology:.*", "  paused: true\n"))
                .write("deploy/z-crd.yaml", """
                        apiVersion: apiextensions.k8s.io/v1
                        kind: CustomResourceDefinition
                        metadata:
                          name: clusters.cluster.x-k8s.io
                        spec:
                          group: cluster.x-k8s.io
                          names: {kind: Cluster, plural: clusters}
                          scope: Namespaced
                          versions:
                            - name: v1beta1
                              served: true
                              storage: true
                              schema:
                                openAPIV3Schema:
                                  type: object
                                  properties:
                                    spec:
                                      type: object
                                      properties:
                                        paused: {type: boolean}
                        """);

        List<Item> items = schemaItems("  clusterApi: {version: \"1.9\"}\n");

        assertThat(items).filteredOn(item -> item.status() == Status.FAIL).singleElement().satisfies(item -> {
            assertThat(item.location()).hasToString("deploy/a-cluster.yaml:6:3");
            assertThat(item.message()).startsWith("Cluster/workload: unknown property 'topology' in spec");
            assertThat(item.remediation()).doesNotContain("bundled");
        });
    }

    @Test
    void shouldSayToSetTheClusterApiReleaseWhenItIsNotSet() {
        workspace.write("deploy/cluster.yaml", CLUSTER);

        assertThat(schemaItems("")).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.SKIP);
            assertThat(item.message()).isEqualTo("Cluster/workload: no schema for cluster.x-k8s.io/v1beta1 Cluster"
                    + " (Kubernetes 1.31) in the default location; set kubernetes.clusterApi.version to the ClusterAPI"
                    + " release the cluster runs, so that Ascent's bundled ClusterAPI CRDs apply, or add its CRD to"
                    + " the manifests or a schemaLocation");
        });
    }

    @Test
    void shouldKeepTheUsualAdviceForAProvidersOwnKind() {
        workspace.write("deploy/aws.yaml", "apiVersion: infrastructure.cluster.x-k8s.io/v1beta2\nkind: AWSCluster\n"
                + "metadata:\n  name: workload\n");

        assertThat(schemaItems("  clusterApi: {version: \"1.9\"}\n")).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.SKIP);
            assertThat(item.message()).endsWith("; add its CRD to the manifests or a schemaLocation");
        });
    }

    @Test
    void shouldUseTheNewestBundledReleaseForANewerOneAndSaySoOnce() {
        writeAll(CLUSTER_CLASS, CLUSTER, CONTROL_PLANE.replace("  replicas: 1", "  replica: 1"));
        workspace.checklist("kubernetes:\n  version: \"1.31\"\n  manifests: [deploy/]\n"
                + "  clusterApi: {version: \"1.99\"}\n");

        List<Item> items = workspace.validate(Optional.empty()).items();

        assertThat(items).filteredOn(item -> item.id().equals("manifest.target-version")).singleElement()
                .satisfies(item -> {
                    assertThat(item.severity()).isEqualTo(Severity.WARNING);
                    assertThat(item.message()).isEqualTo("ClusterAPI 1.99 is newer than 1.14, the newest ClusterAPI"
                            + " release whose CRDs Ascent bundles: ClusterAPI's objects are validated against"
                            + " ClusterAPI 1.14's CRDs, so a field added after 1.14 is reported as unknown");
                });
        assertThat(items).filteredOn(item -> item.id().equals("manifest.schema") && item.status() == Status.FAIL)
                .singleElement().satisfies(item -> assertThat(item.remediation()).startsWith("checked against"
                        + " ClusterAPI 1.14's CRD kubeadmcontrolplanes.controlplane.cluster.x-k8s.io (bundled with"
                        + " Ascent, from sigs.k8s.io/cluster-api v1.14.2; the newest bundled release,"
                        + " kubernetes.clusterApi.version is 1.99)"));
    }

    @Test
    void shouldBundleEveryMinorReleaseFrom10AndTheKindsOfAKnownOne() {
        ClusterApiSchemaBundle bundle = ClusterApiSchemaBundle.builtIn();

        assertThat(bundle.releases()).containsExactlyElementsOf(
                IntStream.rangeClosed(0, 14).mapToObj(minor -> KubernetesVersion.of(1, minor)).toList());
        assertThat(bundle.kinds(KubernetesVersion.of(1, 9))).contains(
                "addons.cluster.x-k8s.io/v1beta1 ClusterResourceSet",
                "bootstrap.cluster.x-k8s.io/v1beta1 KubeadmConfig",
                "bootstrap.cluster.x-k8s.io/v1beta1 KubeadmConfigTemplate",
                "cluster.x-k8s.io/v1beta1 Cluster",
                "cluster.x-k8s.io/v1beta1 ClusterClass",
                "cluster.x-k8s.io/v1beta1 Machine",
                "cluster.x-k8s.io/v1beta1 MachineDeployment",
                "cluster.x-k8s.io/v1beta1 MachineHealthCheck",
                "cluster.x-k8s.io/v1beta1 MachinePool",
                "cluster.x-k8s.io/v1beta1 MachineSet",
                "controlplane.cluster.x-k8s.io/v1beta1 KubeadmControlPlane",
                "controlplane.cluster.x-k8s.io/v1beta1 KubeadmControlPlaneTemplate",
                "infrastructure.cluster.x-k8s.io/v1beta1 DockerCluster",
                "infrastructure.cluster.x-k8s.io/v1beta1 DockerClusterTemplate",
                "infrastructure.cluster.x-k8s.io/v1beta1 DockerMachine",
                "infrastructure.cluster.x-k8s.io/v1beta1 DockerMachineTemplate")
                .doesNotContain("cluster.x-k8s.io/v1alpha4 Cluster", "cluster.x-k8s.io/v1beta2 Cluster");
        assertThat(bundle.modules(KubernetesVersion.of(1, 9))).containsEntry("sigs.k8s.io/cluster-api", "v1.9.11")
                .containsEntry("sigs.k8s.io/cluster-api/test", "v1.9.11");
        assertThat(bundle.kinds(KubernetesVersion.of(1, 14))).contains("cluster.x-k8s.io/v1beta2 Cluster",
                "cluster.x-k8s.io/v1beta1 Cluster", "infrastructure.cluster.x-k8s.io/v1beta2 DockerCluster");
        // every kind the bundle has for a release is one ClusterAPI's API table knows for it
        for (KubernetesVersion release : bundle.releases()) {
            assertThat(bundle.kinds(release)).allSatisfy(key -> assertThat(
                    io.ascent.core.manifest.api.ApiLifecycleTable.clusterApi().find(key.split(" ")[0],
                            key.split(" ")[1])).as(release + " " + key).isPresent());
        }
    }
}

package io.ascent.core.manifest.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.manifest.ManifestWorkspace;
import io.ascent.core.report.Item;
import io.ascent.core.report.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ClusterAPI's objects without a CRD among the manifests satisfy the validation rules and list types of the CRDs
 * Ascent bundles for {@code kubernetes.clusterApi.version}, as they would on a management cluster running that
 * release. The rules are ClusterAPI's own: which release has which is read from the bundle (ClusterAPI 1.13 added a
 * rule on MachineHealthCheck conditions; 1.12 had one on taint keys that 1.13 dropped).
 */
class ClusterApiValidationRulesTest {
    private static final String ID = ValidationRulesCheck.ID;

    /** A Cluster whose workers' health check names a condition ClusterAPI 1.13 reserves for itself. */
    private static final String CLUSTER = """
            apiVersion: cluster.x-k8s.io/v1beta1
            kind: Cluster
            metadata:
              name: workload
            spec:
              topology:
                class: team-standard
                version: v1.31.0
                workers:
                  machineDeployments:
                    - class: default-worker
                      name: md-0
                      machineHealthCheck:
                        unhealthyMachineConditions:
                          - type: Ready
                            status: "False"
                            timeout: 300s
            """;

    /**
     * A MachineDeployment (v1beta2) whose first taint's name, after the prefix, has 64 characters (ClusterAPI 1.12's
     * rule allows 63; the schema's pattern and maxLength allow it), and whose last two taints share key and effect,
     * the keys of the map list.
     */
    private static final String MACHINE_DEPLOYMENT = """
            apiVersion: cluster.x-k8s.io/v1beta2
            kind: MachineDeployment
            metadata:
              name: md-0
            spec:
              clusterName: workload
              selector: {}
              template:
                spec:
                  clusterName: workload
                  bootstrap:
                    dataSecretName: boot
                  infrastructureRef:
                    apiGroup: infrastructure.cluster.x-k8s.io
                    kind: DockerMachineTemplate
                    name: md-0
                  taints:
                    - key: example.com/a-very-long-taint-name-that-is-longer-than-sixty-three-characters-in-all
                      effect: NoSchedule
                      propagation: Always
                    - key: dedicated
                      effect: NoSchedule
                      propagation: Always
                    - key: dedicated
                      effect: NoSchedule
                      propagation: OnInitialization
            """;

    @TempDir
    Path repository;

    private List<Item> run(String clusterApi, String manifests) {
        return new ManifestWorkspace(repository)
                .checklist("kubernetes:\n  version: \"1.31\"\n  manifests: [deploy/]\n" + clusterApi)
                .write("deploy/all.yaml", manifests)
                .validate(ID, Optional.empty());
    }

    private static String release(String version) {
        return "  clusterApi: {version: \"" + version + "\"}\n";
    }

    private static String describe(List<Item> items) {
        return items.stream().map(i -> i.status() + " " + i.location() + " " + i.message() + " | " + i.remediation())
                .collect(Collectors.joining("\n", "\n", "\n"));
    }

    @Test
    void shouldFailARuleOfTheBundledCrdAtTheValueAndNameWhereTheRuleComesFrom() {
        List<Item> items = run(release("1.13"), CLUSTER);

        assertThat(describe(items)).isEqualTo("""

                FAIL all.yaml:15:23 Cluster/workload: spec.topology.workers.machineDeployments[0].machineHealthCheck\
                .unhealthyMachineConditions[0].type: Invalid value: type must not be one of: Ready, Available,\
                 HealthCheckSucceeded, OwnerRemediated, ExternallyRemediated | make the object satisfy the rule\
                 '!(self in ['Ready','Available','HealthCheckSucceeded','OwnerRemediated','ExternallyRemediated'])' at\
                 spec.topology.workers.machineDeployments[].machineHealthCheck.unhealthyMachineConditions[].type of\
                 ClusterAPI 1.13's CRD clusters.cluster.x-k8s.io (bundled with Ascent, from sigs.k8s.io/cluster-api\
                 v1.13.6)
                """.replace("all.yaml", "deploy/all.yaml"));
    }

    @Test
    void shouldPassTheObjectOnceTheRuleHolds() {
        List<Item> items = run(release("1.13"), CLUSTER.replace("type: Ready", "type: EtcdMemberHealthy"));

        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.PASS);
            assertThat(item.message()).isEqualTo("1 custom resource satisfies the validation rules of its CRD");
        });
    }

    @Test
    void shouldJudgeByTheRulesOfTheConfiguredReleaseOnly() {
        // 1.12's MachineDeployment has the taint key rule, 1.13's does not; both have the map list of taints.
        List<Item> on112 = run(release("1.12"), MACHINE_DEPLOYMENT);
        List<Item> on113 = run(release("1.13"), MACHINE_DEPLOYMENT);

        assertThat(on112).filteredOn(item -> item.status() == Status.FAIL).extracting(Item::message)
                .containsExactlyInAnyOrder("MachineDeployment/md-0: spec.template.spec.taints[0].key: Invalid value: key must be"
                                + " a valid qualified name of max size 63 characters with an optional subdomain prefix"
                                + " of max size 253 characters",
                        "MachineDeployment/md-0: spec.template.spec.taints[2]: Duplicate value:"
                                + " {\"effect\":\"NoSchedule\",\"key\":\"dedicated\"}");
        assertThat(on113).filteredOn(item -> item.status() == Status.FAIL).singleElement().satisfies(item -> {
            assertThat(item.location()).hasToString("deploy/all.yaml:24:11");
            assertThat(item.message()).isEqualTo("MachineDeployment/md-0: spec.template.spec.taints[2]: Duplicate"
                    + " value: {\"effect\":\"NoSchedule\",\"key\":\"dedicated\"}");
            assertThat(item.remediation()).isEqualTo("make the items of this list unique: the schema of ClusterAPI"
                    + " 1.13's CRD machinedeployments.cluster.x-k8s.io (bundled with Ascent, from"
                    + " sigs.k8s.io/cluster-api v1.13.6) marks it x-kubernetes-list-type: map with"
                    + " x-kubernetes-list-map-keys [key, effect]");
        });
    }

    @Test
    void shouldPassOnAReleaseWithoutTheRule() {
        // ClusterAPI 1.12's v1beta1 Cluster has no rule on health check conditions (nor the field: manifest.schema's)
        String unique = MACHINE_DEPLOYMENT.replace("propagation: OnInitialization", "propagation: Always")
                .replace("    - key: dedicated\n      effect: NoSchedule\n      propagation: Always\n", "")
                .replaceFirst("- key: dedicated", "- key: dedicated-gpu");

        assertThat(run(release("1.12"), CLUSTER)).extracting(Item::status).containsExactly(Status.PASS);
        assertThat(run(release("1.13"), unique)).extracting(Item::status).containsExactly(Status.PASS);
    }

    @Test
    void shouldJudgeNothingWithoutAClusterApiRelease() {
        assertThat(run("", CLUSTER + "---\n" + MACHINE_DEPLOYMENT)).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.PASS);
            assertThat(item.message()).isEqualTo(
                    "no custom resource of a CRD with validation rules or list types among the manifests");
        });
    }

    @Test
    void shouldPreferACrdAmongTheManifestsEvenWithoutRulesAndInALaterFile() {
        // The team's own CRD for Cluster v1beta1, without rules, after the Cluster: it, not the bundle, applies.
        String crd = """
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
                              x-kubernetes-preserve-unknown-fields: true
                              properties:
                                paused: {type: boolean}
                """;

        assertThat(run(release("1.13"), CLUSTER + "---\n" + crd)).extracting(Item::status)
                .containsExactly(Status.PASS);
        assertThat(run(release("1.13"), CLUSTER + "---\n" + crd.replace("paused: {type: boolean}",
                "paused: {type: boolean}\n              x-kubernetes-validations:\n"
                        + "                - rule: has(self.paused)")))
                .filteredOn(item -> item.status() == Status.FAIL).singleElement()
                .satisfies(item -> assertThat(item.remediation()).contains("rule 'has(self.paused)' of"
                        + " CustomResourceDefinition clusters.cluster.x-k8s.io (deploy/all.yaml:"));
    }
    @Test
    void shouldSkipARuleOnAClusterctlTemplateVariableAndFailTheWrittenValue() {
        // ClusterAPI 1.13's partition types: a name or a GPT GUID. '${PARTITION_TYPE}' is filled in by clusterctl.
        String controlPlane = """
                apiVersion: controlplane.cluster.x-k8s.io/v1beta1
                kind: KubeadmControlPlane
                metadata:
                  name: workload-control-plane
                spec:
                  version: v1.31.0
                  machineTemplate:
                    infrastructureRef: {apiVersion: infrastructure.cluster.x-k8s.io/v1beta1, kind: DockerMachineTemplate, name: cp}
                  kubeadmConfigSpec:
                    diskSetup:
                      partitions:
                        - device: /dev/sdb
                          layout: true
                          diskLayout:
                            - percentage: 50
                              partitionType: '${PARTITION_TYPE}'
                            - percentage: 50
                              partitionType: Ext4
                """;

        List<Item> items = run(release("1.13"), controlPlane);

        assertThat(describe(items)).isEqualTo("""

                SKIP deploy/all.yaml:16:30 KubeadmControlPlane/workload-control-plane: '${PARTITION_TYPE}' in\
                 spec.kubeadmConfigSpec.diskSetup.partitions[0].diskLayout[0].partitionType holds the template\
                 variable ${PARTITION_TYPE}, filled in by clusterctl (or envsubst) before the API server sees it: not\
                 judged as written | null
                FAIL deploy/all.yaml:18:30 KubeadmControlPlane/workload-control-plane:\
                 spec.kubeadmConfigSpec.diskSetup.partitions[0].diskLayout[1].partitionType: Invalid value:\
                 partitionType must be one of Linux, LinuxSwap, LinuxRAID, LVM, Fat32, NTFS, LinuxExtended or a full\
                 GPT partition GUID | make the object satisfy the rule\
                 'self.matches('^(Linux|LinuxSwap|LinuxRAID|LVM|Fat32|NTFS|LinuxExtended|[0-9A-Fa-f]{8}(-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]...'\
                 at spec.kubeadmConfigSpec.diskSetup.partitions[].diskLayout[].partitionType of ClusterAPI 1.13's CRD\
                 kubeadmcontrolplanes.controlplane.cluster.x-k8s.io (bundled with Ascent, from sigs.k8s.io/cluster-api\
                 v1.13.6)
                """);
    }
}

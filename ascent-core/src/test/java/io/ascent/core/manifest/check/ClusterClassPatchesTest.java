package io.ascent.core.manifest.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.manifest.ManifestWorkspace;
import io.ascent.core.report.Item;
import io.ascent.core.report.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ClusterClass's patches that write kubeadm files are evaluated for every Cluster built from the class, as
 * ClusterAPI evaluates them, and what they write is judged against the Cluster's Kubernetes version.
 */
class ClusterClassPatchesTest {
    /** A class whose patch (jsonPatch {@code %s}) writes a PodSecurityConfiguration file; {@code %s}: enabledIf. */
    private static final String CLASS = """
            apiVersion: cluster.x-k8s.io/v1beta1
            kind: ClusterClass
            metadata: {name: standard}
            spec:
              controlPlane:
                ref: {kind: KubeadmControlPlaneTemplate, name: cp}
              workers:
                machineDeployments:
                - class: default-worker
                  template:
                    bootstrap:
                      ref: {kind: KubeadmConfigTemplate, name: worker}
              variables:
              - name: pss
                schema:
                  openAPIV3Schema:
                    type: object
                    properties:
                      enabled: {type: boolean, default: true}
              patches:
              - name: pss
                %s
                definitions:
                - selector:
                    apiVersion: controlplane.cluster.x-k8s.io/v1beta1
                    kind: KubeadmControlPlaneTemplate
                    matchResources: {controlPlane: true}
                  jsonPatches:
                  - op: add
                    path: /spec/template/spec/kubeadmConfigSpec/clusterConfiguration/imageRepository
                    valueFrom:
                      template: "{{ toYaml .anything }}"
            %s
            """;
    private static final String TEMPLATE_PATCH = """
                  - op: add
                    path: /spec/template/spec/kubeadmConfigSpec/files/-
                    valueFrom:
                      template: |
                        path: /etc/kubernetes/pss.yaml
                        content: |
                          apiVersion: pod-security.admission.config.k8s.io/{{ if semverCompare "< v1.23" .builtin.controlPlane.version }}v1alpha1{{ else if semverCompare "< v1.25" .builtin.controlPlane.version }}v1beta1{{ else }}v1{{ end }}
                          kind: PodSecurityConfiguration
            """;

    @TempDir
    Path repository;
    private ManifestWorkspace workspace;

    @BeforeEach
    void setUp() {
        workspace = new ManifestWorkspace(repository);
    }

    private static String cluster(String name, String version, String more) {
        return """
                ---
                apiVersion: cluster.x-k8s.io/v1beta1
                kind: Cluster
                metadata: {name: %s}
                spec:
                  topology:
                    class: standard
                    version: %s
                %s""".formatted(name, version, more);
    }

    private static String clusterClass(String enabledIf, String jsonPatch) {
        return CLASS.formatted(enabledIf, jsonPatch.stripTrailing());
    }

    private List<Item> validate(String target, String manifests) {
        workspace.checklist("kubernetes:\n  version: \"" + target + "\"\n  manifests: [deploy/]\n"
                + "  checks: {manifest.schema: {enabled: false}}\n").write("deploy/class.yaml", manifests);
        return workspace.validate("manifest.api-version", Optional.empty());
    }

    @Test
    void shouldEvaluateTheTemplateForEachClusterAndReportTheOneWhoseVersionItGetsWrong() {
        String template = TEMPLATE_PATCH.replace("{{ if semverCompare \"< v1.23\" .builtin.controlPlane.version }}"
                + "v1alpha1{{ else if", "{{ if");
        List<Item> items = validate("1.25", clusterClass("", template) + cluster("old", "v1.22.1", "")
                + cluster("new", "v1.24.2", "") + cluster("newest", "v1.31.0", ""));
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.FAIL);
            assertThat(item.location()).hasToString("deploy/class.yaml:39:27");
            assertThat(item.message()).contains("ClusterClass/standard, file /etc/kubernetes/pss.yaml written by "
                    + "patch 'pss' (spec.patches[0].definitions[0].jsonPatches[1].valueFrom.template) for Cluster/old",
                    "pod-security.admission.config.k8s.io/v1beta1 PodSecurityConfiguration is served from Kubernetes "
                            + "1.23; for 1.22 use pod-security.admission.config.k8s.io/v1alpha1",
                    "Cluster/old spec.topology.version v1.22.1");
            assertThat(item.remediation()).contains("1.22 needs the PodSecurity feature gate",
                    "give Kubernetes 1.22 a branch of its own");
        });
    }

    @Test
    void shouldPassATemplateThatGivesEveryVersionItsOwnBranch() {
        List<Item> items = validate("1.25", clusterClass("", TEMPLATE_PATCH) + cluster("a", "v1.22.1", "")
                + cluster("b", "v1.24.0", "") + cluster("c", "v1.25.0", ""));
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.PASS);
            assertThat(item.message()).contains("by their nodes' Kubernetes 1.22, 1.24");
        });
    }

    @Test
    void shouldEvaluateForTheChecklistTargetWhenNoClusterUsesTheClass() {
        String template = TEMPLATE_PATCH.replace("v1.23", "v1.21");
        assertThat(validate("1.22", clusterClass("", template))).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.FAIL);
            assertThat(item.message()).doesNotContain("for Cluster/").doesNotContain("judged against the nodes'");
        });
        assertThat(validate("1.25", clusterClass("", template))).extracting(Item::status)
                .containsExactly(Status.PASS);
    }

    @Test
    void shouldNotEvaluateForTheTargetWhenAClusterUsingTheClassMayBeInAFileThatDidNotParse() {
        // Without the v1alpha1 branch the patch is wrong for 1.22, the target, and right for 1.24, the Cluster's.
        String template = TEMPLATE_PATCH.replace("{{ if semverCompare \"< v1.23\" .builtin.controlPlane.version }}"
                + "v1alpha1{{ else if", "{{ if");
        String newer = cluster("new", "v1.24.2", "").substring("---\n".length());
        workspace.write("deploy/cluster.yaml", newer.replace("    class:", "   class:"));
        List<Item> partial = validate("1.22", clusterClass("", template));
        assertThat(partial).filteredOn(i -> i.status() != Status.PASS).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.SKIP);
            assertThat(item.message()).contains("is served from Kubernetes 1.23", "(judged against the target 1.22,"
                    + " since no manifest that was read names the Kubernetes version of a Cluster built from this"
                    + " class; deploy/cluster.yaml could not be read and may hold the object that names it: fix"
                    + " deploy/cluster.yaml:7:");
        });

        workspace.write("deploy/cluster.yaml", newer);
        assertThat(validate("1.22", clusterClass("", template))).extracting(Item::status)
                .containsExactly(Status.PASS);
    }

    @Test
    void shouldEvaluateForTheChecklistTargetWhenTheClustersVersionIsAClusterctlVariable() {
        // kubernetes-sigs/cluster-api's e2e templates: every Cluster writes version: '${KUBERNETES_VERSION}'
        String template = TEMPLATE_PATCH.replace("v1.23", "v1.21");
        String manifests = clusterClass("", template) + cluster("'${CLUSTER_NAME}'", "'${KUBERNETES_VERSION}'", "");
        assertThat(validate("1.22", manifests)).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.FAIL);
            assertThat(item.message()).contains("for Cluster/${CLUSTER_NAME}",
                    "for 1.22 use pod-security.admission.config.k8s.io/v1alpha1", "judged against the checklist's"
                            + " target 1.22, since the template leaves the nodes' version to a variable: Cluster/"
                            + "${CLUSTER_NAME} spec.topology.version '${KUBERNETES_VERSION}'");
        });
        // with a default, the default is what a user who sets nothing gets
        assertThat(validate("1.25", clusterClass("", template) + cluster("'${CLUSTER_NAME}'",
                "${KUBERNETES_VERSION:=v1.22.0}", ""))).singleElement().satisfies(item -> {
                    assertThat(item.status()).isEqualTo(Status.FAIL);
                    assertThat(item.message()).contains("for 1.22 use", "'v1.22.0' is the template's default for"
                            + " ${KUBERNETES_VERSION}");
                });
        assertThat(validate("1.25", manifests)).extracting(Item::status).containsExactly(Status.PASS);
        // a version that is no variable and no version is still said, not guessed
        assertThat(validate("1.25", clusterClass("", template) + cluster("old", "latest", "")))
                .filteredOn(i -> i.status() == Status.SKIP).singleElement().satisfies(item ->
                        assertThat(item.message()).contains("its patches cannot be evaluated for Cluster/old"));
    }

    @Test
    void shouldJudgeALiteralValueAtItsOwnLine() {
        String literal = """
                  - op: add
                    path: /spec/template/spec/kubeadmConfigSpec/files
                    value:
                    - path: /etc/kubernetes/pss.yaml
                      content: |
                        apiVersion: pod-security.admission.config.k8s.io/v1
                        kind: PodSecurityConfiguration
                """.indent(4);
        assertThat(validate("1.25", clusterClass("", literal) + cluster("old", "v1.22.1", "")))
                .singleElement().satisfies(item -> {
                    assertThat(item.status()).isEqualTo(Status.FAIL);
                    assertThat(item.location()).hasToString("deploy/class.yaml:38:25");
                    assertThat(item.message()).contains("for 1.22 use pod-security.admission.config.k8s.io/v1alpha1");
                });
    }

    @Test
    void shouldFollowTheEnabledIfOfThePatchWithTheClustersVariablesAndTheSchemasDefaults() {
        String manifests = clusterClass("enabledIf: \"{{ .pss.enabled }}\"", TEMPLATE_PATCH.replace(
                "{{ if semverCompare \"< v1.23\" .builtin.controlPlane.version }}v1alpha1{{ else if", "{{ if"));
        String off = "    variables:\n    - name: pss\n      value: {enabled: false}\n";
        assertThat(validate("1.25", manifests + cluster("old", "v1.22.1", off))).extracting(Item::status)
                .containsExactly(Status.PASS);
        assertThat(validate("1.25", manifests + cluster("old", "v1.22.1", "    variables:\n    - name: pss\n"
                + "      value: {}\n"))).extracting(Item::status).containsExactly(Status.FAIL);
    }

    @Test
    void shouldSkipATemplateItCannotEvaluateNamingTheConstruct() {
        String ranged = TEMPLATE_PATCH.replace("{{ if semverCompare \"< v1.23\"", "{{ range .x }}{{ end }}{{ if "
                + "semverCompare \"< v1.23\"");
        List<Item> items = validate("1.25", clusterClass("", ranged) + cluster("old", "v1.22.1", ""));
        assertThat(items).filteredOn(i -> i.status() == Status.SKIP).singleElement().satisfies(item -> {
            assertThat(item.location()).hasToString("deploy/class.yaml:36:21");
            assertThat(item.message()).contains("the valueFrom.template of patch 'pss' "
                    + "(spec.patches[0].definitions[0].jsonPatches[1].valueFrom.template) for Cluster/old cannot be "
                    + "evaluated: Ascent does not evaluate '{{ range }}'");
        });
        assertThat(items).filteredOn(i -> i.status() == Status.FAIL).isEmpty();
    }

    @Test
    void shouldSkipAnEnabledIfItCannotEvaluate() {
        List<Item> items = validate("1.25", clusterClass("enabledIf: '{{ lookup \"v1\" }}'", TEMPLATE_PATCH)
                + cluster("old", "v1.22.1", ""));
        assertThat(items).filteredOn(i -> i.status() == Status.SKIP).singleElement().satisfies(item ->
                assertThat(item.message()).contains("the enabledIf of patch 'pss'", "function 'lookup'"));
    }

    @Test
    void shouldReportATemplateThatRendersInvalidYaml() {
        String broken = """
                  - op: add
                    path: /spec/template/spec/kubeadmConfigSpec/files/-
                    valueFrom:
                      template: |
                        path: [{{ .builtin.controlPlane.version }}
                """.indent(4);
        assertThat(validate("1.25", clusterClass("", broken) + cluster("old", "v1.22.1", "")))
                .singleElement().satisfies(item -> {
                    assertThat(item.status()).isEqualTo(Status.FAIL);
                    assertThat(item.message()).contains("rendered to text that is not valid YAML");
                });
    }

    @Test
    void shouldTakeAFileFromAVariableTheClusterSets() {
        String fromVariable = """
                  - op: add
                    path: /spec/template/spec/kubeadmConfigSpec/files/-
                    valueFrom:
                      variable: pss.file
                """.indent(4);
        String variables = "    variables:\n    - name: pss\n      value:\n        file:\n          path: /p.yaml\n"
                + "          content: \"apiVersion: pod-security.admission.config.k8s.io/v1\\nkind: "
                + "PodSecurityConfiguration\\n\"\n";
        assertThat(validate("1.25", clusterClass("", fromVariable) + cluster("old", "v1.22.1", variables)))
                .singleElement().satisfies(item -> {
                    assertThat(item.status()).isEqualTo(Status.FAIL);
                    assertThat(item.location()).hasToString("deploy/class.yaml:36:21");
                    assertThat(item.message()).contains("file /p.yaml", "for 1.22 use");
                });
    }

    @Test
    void shouldEvaluateEachVersionOnceAndAtMostAHundredDistinctClusters() {
        StringBuilder manifests = new StringBuilder(clusterClass("", TEMPLATE_PATCH));
        for (int i = 0; i < 150; i++) {
            manifests.append(cluster("same-" + i, "v1.24.0", ""));
        }
        for (int i = 0; i < 150; i++) {
            manifests.append(cluster("distinct-" + i, "v1.25." + i, ""));
        }
        List<Item> items = validate("1.25", manifests.toString());
        assertThat(items).filteredOn(i -> i.status() == Status.SKIP).singleElement().satisfies(item ->
                assertThat(item.message()).contains("more than 100 Clusters with different versions or variables"));
        assertThat(items).filteredOn(i -> i.status() == Status.PASS).singleElement().satisfies(item ->
                assertThat(item.message()).contains("by their nodes' Kubernetes 1.24"));
    }

    /** A worker template patch for the classes {@code selector} names, picking the version from {@code builtin}. */
    private static String workerPatch(String selector, String builtin) {
        return """
                - selector:
                    apiVersion: bootstrap.cluster.x-k8s.io/v1beta1
                    kind: KubeadmConfigTemplate
                    matchResources:
                      %s
                  jsonPatches:
                  - op: add
                    path: /spec/template/spec/files
                    valueFrom:
                      template: |
                        - path: /etc/kubernetes/credentials.yaml
                          content: |
                            apiVersion: kubelet.config.k8s.io/{{ if semverCompare ">= 1.26" %s }}v1{{ else }}v1beta1{{ end }}
                            kind: CredentialProviderConfig
                """.formatted(selector, builtin).indent(4);
    }

    @Test
    void shouldPatchAWorkerTemplateOnlyForClustersThatUseItsMachineDeploymentClass() {
        String manifests = clusterClass("", workerPatch("machineDeploymentClass: {names: [default-worker]}",
                ".builtin.machineDeployment.version"));
        String workers = "    workers:\n      machineDeployments:\n      - {class: default-worker, name: md-0}\n";
        assertThat(validate("1.31", manifests + cluster("a", "v1.23.0", workers))).singleElement()
                .satisfies(item -> {
                    assertThat(item.status()).isEqualTo(Status.FAIL);
                    assertThat(item.message()).contains("kubelet.config.k8s.io/v1beta1 CredentialProviderConfig is "
                            + "served from Kubernetes 1.24");
                });
        assertThat(validate("1.31", manifests + cluster("a", "v1.23.0", ""))).extracting(Item::status)
                .containsExactly(Status.PASS);
    }

    @Test
    void shouldPatchAMachinePoolsTemplateWithTheMachinePoolsBuiltinVersion() {
        String manifests = clusterClass("", workerPatch("machinePoolClass: {names: [pool]}",
                ".builtin.machinePool.version"));
        String pools = "    workers:\n      machinePools:\n      - {class: pool, name: mp-0}\n";
        assertThat(validate("1.31", manifests + cluster("a", "v1.23.0", pools))).singleElement()
                .satisfies(item -> assertThat(item.status()).isEqualTo(Status.FAIL));
        assertThat(validate("1.31", manifests + cluster("a", "v1.26.0", pools))).extracting(Item::status)
                .containsExactly(Status.PASS);
        String deployments = "    workers:\n      machineDeployments:\n      - {class: pool, name: md-0}\n";
        assertThat(validate("1.31", manifests + cluster("a", "v1.23.0", deployments))).extracting(Item::status)
                .containsExactly(Status.PASS);
    }
}

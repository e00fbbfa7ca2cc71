package io.ascent.core.manifest.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.manifest.ManifestWorkspace;
import io.ascent.core.report.Item;
import io.ascent.core.report.Status;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration files ClusterAPI objects give their nodes ({@code files[].content}) are judged by the API
 * table against the version of the nodes that read them.
 */
class ClusterApiFilesTest {
    /** A PodSecurity admission configuration for 1.25 and later, as a file's content (8 spaces deep). */
    private static final String ADMISSION = """
                    apiVersion: apiserver.config.k8s.io/v1
                    kind: AdmissionConfiguration
                    plugins:
                    - name: PodSecurity
                      configuration:
                        apiVersion: pod-security.admission.config.k8s.io/v1
                        kind: PodSecurityConfiguration
                        defaults: {enforce: baseline}
            """;

    @TempDir
    Path repository;
    private ManifestWorkspace workspace;

    @BeforeEach
    void setUp() {
        workspace = new ManifestWorkspace(repository);
    }

    private List<Item> validate(String target, String manifests) {
        workspace.checklist("kubernetes:\n  version: \"" + target + "\"\n  manifests: [deploy/]\n"
                + "  checks: {manifest.schema: {enabled: false}}\n").write("deploy/cluster.yaml", manifests);
        return workspace.validate("manifest.api-version", Optional.empty());
    }

    private static String controlPlane(String version, String files) {
        return """
                apiVersion: controlplane.cluster.x-k8s.io/v1beta1
                kind: KubeadmControlPlane
                metadata:
                  name: cp
                spec:
                  version: %s
                  kubeadmConfigSpec:
                    files:
                %s""".formatted(version, files);
    }

    /** A KubeadmConfigTemplate up to its one file's {@code content: |}, whose lines go 10 spaces deep. */
    private static String workerTemplate(String path) {
        return """
                apiVersion: bootstrap.cluster.x-k8s.io/v1beta1
                kind: KubeadmConfigTemplate
                metadata: {name: md-0}
                spec:
                  template:
                    spec:
                      files:
                      - path: %s
                        content: |
                """.formatted(path);
    }

    private static String admissionFile() {
        return "    - path: /etc/kubernetes/admission.yaml\n      content: |\n" + ADMISSION;
    }

    @Test
    void shouldFailTheSeedsAdmissionConfigurationAtItsLineInsideTheControlPlanesFiles() {
        List<Item> items = validate("1.25", controlPlane("v1.22.1", admissionFile()));
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.FAIL);
            assertThat(item.location()).hasToString("deploy/cluster.yaml:16:25");
            assertThat(item.message()).contains("KubeadmControlPlane/cp, the configuration of admission plugin "
                    + "'PodSecurity'", "file /etc/kubernetes/admission.yaml (spec.kubeadmConfigSpec.files[0].content)",
                    "pod-security.admission.config.k8s.io/v1 PodSecurityConfiguration is served from Kubernetes "
                            + "1.25; for 1.22 use pod-security.admission.config.k8s.io/v1alpha1",
                    "the nodes' Kubernetes 1.22: spec.version v1.22.1; the checklist's target is 1.25");
            assertThat(item.remediation()).startsWith("write apiVersion: pod-security.admission.config.k8s.io/v1alpha1")
                    .endsWith("1.22 needs the PodSecurity feature gate");
        });
    }

    @Test
    void shouldPassTheSameFilesForNodesThatServeTheirVersions() {
        assertThat(validate("1.22", controlPlane("v1.25.0", admissionFile())))
                .singleElement().satisfies(item -> {
                    assertThat(item.status()).isEqualTo(Status.PASS);
                    assertThat(item.message()).isEqualTo("3 API references: every one the API table knows is served by "
                            + "Kubernetes 1.22 or, in ClusterAPI objects' files, by their nodes' Kubernetes 1.25; 1 is a "
                            + "ClusterAPI kind, not judged: set kubernetes.clusterApi.version to check them");
                });
    }

    @Test
    void shouldJudgeFilesWhoseNodesVersionTheManifestsNameEvenWithoutATarget() {
        workspace.checklist("kubernetes:\n  manifests: [deploy/]\n  checks: {manifest.schema: {enabled: false}}\n")
                .write("deploy/cluster.yaml", controlPlane("v1.22.1", admissionFile()) + "---\n"
                        + workerTemplate("/etc/kubernetes/admission.yaml") + ADMISSION.indent(2));
        List<Item> items = workspace.validate("manifest.api-version", Optional.empty());
        assertThat(items).extracting(Item::status).containsExactly(Status.SKIP, Status.FAIL);
        assertThat(items.get(0).message()).startsWith("no target Kubernetes version");
        assertThat(items.get(1).message()).contains("KubeadmControlPlane/cp", "for 1.22 use",
                "spec.version v1.22.1; the checklist sets no target");
    }

    @Test
    void shouldFallBackToTheChecklistTargetWhenNoManifestNamesTheNodesVersion() {
        String template = workerTemplate("/etc/kubernetes/admission.yaml") + ADMISSION.indent(2);
        assertThat(validate("1.25", template)).extracting(Item::status).containsExactly(Status.PASS);
        assertThat(validate("1.23", template)).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.FAIL);
            assertThat(item.message()).contains("for 1.23 use pod-security.admission.config.k8s.io/v1beta1")
                    .doesNotContain("judged against the nodes'");
            assertThat(item.location()).hasToString("deploy/cluster.yaml:15:27");
        });
    }

    @Test
    void shouldJudgeAWorkerTemplateAgainstTheMachineDeploymentThatNamesIt() {
        String manifests = workerTemplate("/etc/kubernetes/kubelet.yaml") + """
                          apiVersion: kubelet.config.k8s.io/v1
                          kind: CredentialProviderConfig
                ---
                apiVersion: cluster.x-k8s.io/v1beta1
                kind: MachineDeployment
                metadata: {name: md-0}
                spec:
                  template:
                    spec:
                      version: v1.25.3
                      bootstrap:
                        configRef: {kind: KubeadmConfigTemplate, name: md-0}
                """;
        assertThat(validate("1.31", manifests)).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.FAIL);
            assertThat(item.location()).hasToString("deploy/cluster.yaml:10:23");
            assertThat(item.message()).contains("kubelet.config.k8s.io/v1 CredentialProviderConfig is served from "
                    + "Kubernetes 1.26", "MachineDeployment/md-0 spec.template.spec.version v1.25.3");
        });
        assertThat(validate("1.31", manifests.replace("v1.25.3", "v1.26.0"))).extracting(Item::status)
                .containsExactly(Status.PASS);
    }

    @Test
    void shouldJudgeAKubeadmConfigAgainstTheMachineThatNamesIt() {
        String manifests = """
                apiVersion: cluster.x-k8s.io/v1beta1
                kind: Machine
                metadata: {name: m-0}
                spec:
                  version: v1.22.1
                  bootstrap: {configRef: {kind: KubeadmConfig, name: m-0}}
                ---
                apiVersion: bootstrap.cluster.x-k8s.io/v1beta1
                kind: KubeadmConfig
                metadata: {name: m-0}
                spec:
                  files:
                  - path: /etc/kubernetes/admission.yaml
                    content: |
                """ + ADMISSION.replace("        ", "      ");
        assertThat(validate("1.25", manifests)).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.FAIL);
            assertThat(item.message()).contains("KubeadmConfig/m-0", "Machine/m-0 spec.version v1.22.1");
        });
    }

    @Test
    void shouldJudgeAControlPlaneTemplateAgainstEveryClusterBuiltFromItsClass() {
        String manifests = """
                apiVersion: controlplane.cluster.x-k8s.io/v1beta1
                kind: KubeadmControlPlaneTemplate
                metadata: {name: cp}
                spec:
                  template:
                    spec:
                      kubeadmConfigSpec:
                        files:
                        - path: /etc/kubernetes/pss.yaml
                          content: |
                            apiVersion: pod-security.admission.config.k8s.io/v1beta1
                            kind: PodSecurityConfiguration
                ---
                apiVersion: cluster.x-k8s.io/v1beta1
                kind: ClusterClass
                metadata: {name: quick-start}
                spec:
                  controlPlane:
                    ref: {kind: KubeadmControlPlaneTemplate, name: cp}
                ---
                apiVersion: cluster.x-k8s.io/v1beta1
                kind: Cluster
                metadata: {name: old}
                spec:
                  topology: {class: quick-start, version: v1.22.1}
                ---
                apiVersion: cluster.x-k8s.io/v1beta1
                kind: Cluster
                metadata: {name: new}
                spec:
                  topology: {class: quick-start, version: v1.24.0}
                """;
        assertThat(validate("1.24", manifests)).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.FAIL);
            assertThat(item.location()).hasToString("deploy/cluster.yaml:11:25");
            assertThat(item.message()).contains("for 1.22 use pod-security.admission.config.k8s.io/v1alpha1",
                    "Cluster/old spec.topology.version v1.22.1");
            assertThat(item.key()).endsWith("@1.22");
        });
    }

    @Test
    void shouldSkipAFileWhoseContentComesFromASecretAndSayWhich() {
        List<Item> items = validate("1.25", controlPlane("v1.25.0",
                "    - path: /etc/kubernetes/encryption.yaml\n      contentFrom:\n"
                        + "        secret: {name: encryption, key: config}\n"));
        assertThat(items).filteredOn(i -> i.status() == Status.SKIP).singleElement().satisfies(item -> {
            assertThat(item.location()).hasToString("deploy/cluster.yaml:11:9");
            assertThat(item.message()).contains("file /etc/kubernetes/encryption.yaml",
                    "Secret encryption key config (contentFrom), which Ascent cannot read");
        });
    }

    @Test
    void shouldIgnoreScriptsAndReportConfigurationThatDoesNotParse() {
        String files = """
                    - path: /usr/local/bin/setup.sh
                      content: |
                        #!/bin/sh
                        kubectl apply -f - <<EOF
                        apiVersion: v1
                        kind: Namespace
                        EOF
                    - path: /etc/kubernetes/audit.yaml
                      content: |
                        apiVersion: audit.k8s.io/v1
                        kind: Policy
                        rules: [{level: Metadata}
                """;
        assertThat(validate("1.25", controlPlane("v1.25.0", files))).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.FAIL);
            assertThat(item.location().line()).isEqualTo(21); // where the parser notices the unclosed flow sequence
            assertThat(item.message()).contains("file /etc/kubernetes/audit.yaml", "is not valid YAML: line");
        });
    }

    @Test
    void shouldReadAConfigurationWrittenAsJson() {
        String files = "    - path: /etc/kubernetes/pss.json\n      content: |\n"
                + "        {\"apiVersion\": \"pod-security.admission.config.k8s.io/v1\", \"kind\": \"PodSecurityConfiguration\"}\n";
        assertThat(validate("1.25", controlPlane("v1.22.1", files))).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.FAIL);
            assertThat(item.location()).hasToString("deploy/cluster.yaml:11:24");
        });
    }

    @Test
    void shouldReadBase64AndGzipContentAtTheContentsPosition() throws Exception {
        String config = "apiVersion: audit.k8s.io/v1beta1\nkind: Policy\n";
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
            out.write(config.getBytes(StandardCharsets.UTF_8));
        }
        String files = "    - path: /a.yaml\n      encoding: base64\n      content: "
                + Base64.getEncoder().encodeToString(config.getBytes(StandardCharsets.UTF_8)) + "\n"
                + "    - path: /b.yaml\n      encoding: gzip+base64\n      content: "
                + Base64.getEncoder().encodeToString(zipped.toByteArray()) + "\n";
        assertThat(validate("1.25", controlPlane("v1.25.0", files))).hasSize(2).allSatisfy(item -> {
            assertThat(item.status()).isEqualTo(Status.FAIL);
            assertThat(item.message()).contains("audit.k8s.io/v1beta1 Policy was removed in Kubernetes 1.24");
        }).extracting(i -> i.location().toString())
                .containsExactly("deploy/cluster.yaml:11:16", "deploy/cluster.yaml:14:16");
    }

    @Test
    void shouldStopAGzipBombAtTheManifestLimit() throws Exception {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 17; i++) {
                out.write(zeros);
            }
        }
        String files = "    - path: /bomb.yaml\n      encoding: gzip+base64\n      content: "
                + Base64.getEncoder().encodeToString(zipped.toByteArray()) + "\n";
        assertThat(validate("1.25", controlPlane("v1.25.0", files))).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.FAIL);
            assertThat(item.message()).contains("cannot be decoded as gzip+base64", "larger than");
        });
    }

    @Test
    void shouldReportAnAliasBombInAFileLikeAnyOtherDocument() {
        StringBuilder bomb = new StringBuilder("apiVersion: v1\nkind: Config\na: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            String p = "*" + (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [").append(String.join(", ", p, p, p, p, p, p, p, p))
                    .append("]\n");
        }
        String files = "    - path: /bomb.yaml\n      content: |\n" + bomb.toString().indent(8);
        assertThat(validate("1.25", controlPlane("v1.25.0", files))).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.FAIL);
            assertThat(item.message()).contains("file /bomb.yaml", "is not valid YAML");
        });
    }

    @Test
    void shouldSkipWhenTheNodesVersionIsNoKubernetesVersion() {
        assertThat(validate("1.25", controlPlane("latest", admissionFile())))
                .filteredOn(i -> i.status() == Status.SKIP).singleElement().satisfies(item ->
                        assertThat(item.message()).contains("spec.version 'latest' is not a Kubernetes version"));
    }

    @Test
    void shouldJudgeFilesForTheChecklistTargetWhenTheTemplateLeavesTheNodesVersionToAVariable() {
        // clusterctl generate cluster: the nodes run whatever KUBERNETES_VERSION the user sets
        assertThat(validate("1.25", controlPlane("'${KUBERNETES_VERSION}'", admissionFile()))).extracting(Item::status)
                .containsExactly(Status.PASS);
        assertThat(validate("1.23", controlPlane("${KUBERNETES_VERSION}", admissionFile()))).singleElement()
                .satisfies(item -> {
                    assertThat(item.status()).isEqualTo(Status.FAIL);
                    assertThat(item.location()).hasToString("deploy/cluster.yaml:16:25");
                    assertThat(item.message()).contains("for 1.23 use pod-security.admission.config.k8s.io/v1beta1",
                            "(judged against the checklist's target 1.23, since the template leaves the nodes' version"
                                    + " to a variable: spec.version '${KUBERNETES_VERSION}')");
                });
    }

    @Test
    void shouldJudgeFilesForTheVersionsDefaultWhenTheTemplateGivesOne() {
        assertThat(validate("1.25", controlPlane("${KUBERNETES_VERSION:=v1.22.1}", admissionFile()))).singleElement()
                .satisfies(item -> {
                    assertThat(item.status()).isEqualTo(Status.FAIL);
                    assertThat(item.message()).contains("for 1.22 use pod-security.admission.config.k8s.io/v1alpha1",
                            "the nodes' Kubernetes 1.22: spec.version 'v1.22.1' is the"
                                    + " template's default for ${KUBERNETES_VERSION}", "setting KUBERNETES_VERSION"
                                    + " changes it; the checklist's target is 1.25");
                });
        assertThat(validate("1.25", controlPlane("${KUBERNETES_VERSION:-latest}", admissionFile())))
                .filteredOn(i -> i.status() == Status.SKIP).singleElement().satisfies(item ->
                        assertThat(item.message()).contains("'latest' is the template's default for"
                                + " ${KUBERNETES_VERSION}", "is not a Kubernetes version"));
    }

    @Test
    void shouldSkipAVariableVersionWhenTheChecklistSetsNoTarget() {
        workspace.checklist("kubernetes:\n  manifests: [deploy/]\n  checks: {manifest.schema: {enabled: false}}\n")
                .write("deploy/cluster.yaml", controlPlane("${KUBERNETES_VERSION}", admissionFile()));
        assertThat(workspace.validate("manifest.api-version", Optional.empty()))
                .filteredOn(i -> i.message().contains("KubeadmControlPlane/cp: the API versions")).singleElement()
                .satisfies(item -> assertThat(item.message()).contains("spec.version '${KUBERNETES_VERSION}' is a"
                        + " template variable without a default, and the checklist sets no kubernetes.version"));
    }

    @Test
    void shouldPointAtTheContentWhenItIsNotALiteralBlock() {
        String files = "    - path: /p.yaml\n      content: \"apiVersion: pod-security.admission.config.k8s.io/v1\\n"
                + "kind: PodSecurityConfiguration\\n\"\n";
        assertThat(validate("1.25", controlPlane("v1.22.1", files))).singleElement().satisfies(item ->
                assertThat(item.location()).hasToString("deploy/cluster.yaml:10:16"));
    }
}

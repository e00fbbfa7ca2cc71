package io.ascent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The examples in the repository behave as their comments promise: hello-web passes, each broken one fails for
 * its reason at its line, with the documented exit status.
 */
class ExamplesTest {
    /** Tests run in the module directory; the examples sit at the repository root. */
    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

    private static CliRun validate(String example, String... more) {
        String[] args = new String[2 + more.length];
        args[0] = "validate";
        args[1] = EXAMPLES.resolve(example).toString();
        System.arraycopy(more, 0, args, 2, more.length);
        return CliRun.of(args);
    }

    @Test
    void shouldPassHelloWeb() {
        CliRun run = validate("hello-web");
        assertThat(run.status()).as(run.out()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("result: PASSED (exit 0)").doesNotContain("ERROR").doesNotContain("FAIL ");
    }

    @Test
    void shouldRejectMisspeltPropertyAndUnquotedVersion() {
        CliRun run = validate("broken-schema");
        assertThat(run.status()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out())
                .contains("examples/broken-schema/ascent.yaml:9:3: unknown property 'requird' in repository; "
                        + "did you mean 'required'?")
                .contains("examples/broken-schema/ascent.yaml:12:12: expected a string but found the number 1.30");
    }

    @Test
    void shouldRejectDuplicateKey() {
        CliRun run = validate("broken-yaml");
        assertThat(run.status()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).contains("examples/broken-yaml/ascent.yaml:12:1: duplicate key 'repository'");
    }

    @Test
    void shouldRejectEscapingAndMissingPaths() {
        CliRun run = validate("broken-paths");
        assertThat(run.status()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out())
                .contains("examples/broken-paths/ascent.yaml:11:7: '../../../../etc/kubernetes/' leaves the repository")
                .contains("examples/broken-paths/ascent.yaml:12:7: 'deploy/missing.yaml' does not exist");
    }

    @Test
    void shouldFailOnExpiredWaiver() {
        CliRun run = validate("expired-waiver");
        assertThat(run.status()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.out()).contains("examples/expired-waiver/ascent.yaml:14:14: the waiver for "
                + "'manifest.resources' expired on 2025-01-31");
    }

    @Test
    void shouldFailHelloWebOnceACheckedPathIsBroken(@org.junit.jupiter.api.io.TempDir Path copy) throws Exception {
        Files.createDirectories(copy.resolve(".git"));
        Path app = copy.resolve("hello-web");
        copyTree(EXAMPLES.resolve("hello-web"), app);
        Files.delete(app.resolve("deploy/kind-config.yaml"));
        CliRun run = CliRun.of("validate", app.toString());
        assertThat(run.status()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).contains("hello-web/ascent.yaml:51:13: 'deploy/kind-config.yaml' does not exist");
    }

    @Test
    void shouldFailPodSecurityConfigurationV1On122EvenInsideAnAdmissionConfiguration() {
        CliRun run = validate("broken-admission-config", "--kubernetes-version", "1.22");
        assertThat(run.status()).as(run.out()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.out())
                .contains("FAIL   examples/broken-admission-config/deploy/apiserver/admission-config.yaml:12:19: "
                        + "AdmissionConfiguration/(no name), the configuration of admission plugin 'PodSecurity' "
                        + "(plugins[1].configuration): pod-security.admission.config.k8s.io/v1 "
                        + "PodSecurityConfiguration is served from Kubernetes 1.25; for 1.22 use "
                        + "pod-security.admission.config.k8s.io/v1alpha1 [manifest.api-version]")
                .contains("FAIL   examples/broken-admission-config/deploy/apiserver/pod-security.yaml:3:13: "
                        + "PodSecurityConfiguration/(no name): pod-security.admission.config.k8s.io/v1 "
                        + "PodSecurityConfiguration is served from Kubernetes 1.25; for 1.22 use "
                        + "pod-security.admission.config.k8s.io/v1alpha1")
                .contains("fix: write apiVersion: pod-security.admission.config.k8s.io/v1alpha1")
                .contains("2 failed");
    }

    @Test
    void shouldFailEveryFieldTheRestrictedPodSecurityStandardRefusesWithItsFix() {
        CliRun run = validate("pod-security-restricted");
        assertThat(run.status()).as(run.out()).isEqualTo(ExitCodes.FAILED);
        String file = "examples/pod-security-restricted/deploy/worker.yaml";
        assertThat(run.out())
                .contains("FAIL   " + file + ":18:20: Deployment/worker: violates PodSecurity \"restricted:v1.31\": "
                        + "runAsUser=0 (pod must not set runAsUser=0) [manifest.pod-security]")
                .contains("FAIL   " + file + ":23:13: Deployment/worker: violates PodSecurity \"restricted:v1.31\": "
                        + "allowPrivilegeEscalation != false (container \"worker\" must set "
                        + "securityContext.allowPrivilegeEscalation=false) [manifest.pod-security]\n"
                        + "       fix: set securityContext.allowPrivilegeEscalation: false on container \"worker\"")
                .contains(file + ":25:21: Deployment/worker: violates PodSecurity \"restricted:v1.31\": unrestricted "
                        + "capabilities (container \"worker\" must not include \"SYS_PTRACE\" in "
                        + "securityContext.capabilities.add)")
                .contains(file + ":39:13: Deployment/worker: violates PodSecurity \"restricted:v1.31\": restricted "
                        + "volume types (volume \"logs\" uses restricted volume type \"hostPath\")")
                .containsPattern("(?m)^manifest\\.pod-security +- +7 ");
    }

    @Test
    void shouldPassHelloWebAndItsSmokeJobAtRestrictedAndCatchAJobThatBreaksIt(
            @org.junit.jupiter.api.io.TempDir Path copy) throws Exception {
        Path app = copy.resolve("hello-web");
        copyTree(EXAMPLES.resolve("hello-web"), app);
        Path checklist = app.resolve("ascent.yaml");
        // What a team whose namespaces enforce restricted writes; the smoke Job runs in the same namespace, and
        // validate judges it as a job test's manifest, though kubernetes.manifests does not list it.
        Files.writeString(checklist, Files.readString(checklist)
                .replace("    namespacePrefix: hello-web-\n", "    namespacePrefix: hello-web-\n    podSecurity: restricted\n"));
        CliRun run = CliRun.of("validate", "--no-git", "-v", app.toString());
        assertThat(run.status()).as(run.out()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("PASS   2 pod templates meet PodSecurity \"restricted:v1.31\" "
                + "(provision.cluster.podSecurity) [manifest.pod-security]");

        Path job = app.resolve("deploy/smoke/content-job.yaml");
        Files.writeString(job, Files.readString(job).replace("drop: [\"ALL\"]", "drop: [\"NET_RAW\"]"));
        run = CliRun.of("validate", "--no-git", app.toString());
        assertThat(run.status()).as(run.out()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.out()).contains("content-job.yaml:26:21: Job/hello-web-content: violates PodSecurity "
                + "\"restricted:v1.31\": unrestricted capabilities (container \"fetch\" must set "
                + "securityContext.capabilities.drop=[\"ALL\"]) [manifest.pod-security]");
    }

    @Test
    void shouldPassTheAdmissionConfigurationOnceTheTargetServesV1() {
        CliRun run = validate("broken-admission-config", "--kubernetes-version", "1.25");
        assertThat(run.status()).as(run.out()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void shouldFailRemovedIngressApiOn122WithReplacementAndWarnAboutTheDeprecatedBudget() {
        CliRun run = validate("removed-apis", "--kubernetes-version", "1.22");
        assertThat(run.status()).as(run.out()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.out())
                .contains("FAIL   examples/removed-apis/deploy/ingress.yaml:2:13: Ingress/shop: extensions/v1beta1 "
                        + "Ingress was removed in Kubernetes 1.22; use networking.k8s.io/v1 Ingress")
                .contains("fix: write apiVersion: networking.k8s.io/v1")
                .contains("WARN   examples/removed-apis/deploy/pdb.yaml:1:13: PodDisruptionBudget/shop: policy/v1beta1 "
                        + "PodDisruptionBudget is deprecated since Kubernetes 1.21 and removed in 1.25; use policy/v1");
    }

    @Test
    void shouldFailRemovedPodDisruptionBudgetApiOn125WithReplacement() {
        CliRun run = validate("removed-apis", "--kubernetes-version", "1.25");
        assertThat(run.status()).as(run.out()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.out())
                .contains("FAIL   examples/removed-apis/deploy/pdb.yaml:1:13: PodDisruptionBudget/shop: policy/v1beta1 "
                        + "PodDisruptionBudget was removed in Kubernetes 1.25; use policy/v1 PodDisruptionBudget")
                .contains("fix: write apiVersion: policy/v1")
                .contains("2 failed");
    }

    @Test
    void shouldFailKubeadmV1beta4PatchInTheKindConfigOn129() {
        CliRun run = validate("kind-kubeadm-patch", "--kubernetes-version", "1.29");
        assertThat(run.status()).as(run.out()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.out())
                .contains("FAIL   examples/kind-kubeadm-patch/deploy/kind-config.yaml:7:17: Cluster/(no name), kubeadm "
                        + "patch kubeadmConfigPatches[0] (line 1 of the patch): kubeadm.k8s.io/v1beta4 "
                        + "ClusterConfiguration is served from Kubernetes 1.31; for 1.29 use kubeadm.k8s.io/v1beta3")
                .contains("1 failed");
    }

    @Test
    void shouldPassTheKindConfigOnTheKubernetesVersionItWasWrittenFor() {
        CliRun run = validate("kind-kubeadm-patch", "--kubernetes-version", "1.31");
        assertThat(run.status()).as(run.out()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void shouldFailTheSeedsAdmissionConfigurationInsideTheKubeadmControlPlanesFiles() {
        CliRun run = validate("clusterapi-kubeadm-files");
        assertThat(run.status()).as(run.out()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.out())
                .contains("FAIL   examples/clusterapi-kubeadm-files/deploy/workload-cluster.yaml:40:27: "
                        + "KubeadmControlPlane/workload-control-plane, the configuration of admission plugin "
                        + "'PodSecurity' (plugins[0].configuration) in file "
                        + "/etc/kubernetes/kube-apiserver-admission-pss.yaml (spec.kubeadmConfigSpec.files[0].content): "
                        + "pod-security.admission.config.k8s.io/v1 PodSecurityConfiguration is served from Kubernetes "
                        + "1.25; for 1.22 use pod-security.admission.config.k8s.io/v1alpha1 (judged against the nodes' "
                        + "Kubernetes 1.22: spec.version v1.22.1; the checklist's target is 1.25) [manifest.api-version]")
                .contains("1.22 needs the PodSecurity feature gate")
                .contains("1 failed");
        // kubernetes.clusterApi.version: "1.3" validates the four ClusterAPI objects against the bundled CRDs of
        // ClusterAPI 1.3 (they were four SKIPs of manifest.schema before the bundle)
        assertThat(run.out()).containsPattern("(?m)^manifest\\.schema +1 +- +- +- +- +- +-$");
    }

    @Test
    void shouldFailTheSeedsAdmissionConfigurationWrittenByAClusterClassPatchForA122Cluster() {
        CliRun run = validate("clusterapi-clusterclass");
        assertThat(run.status()).as(run.out()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.out())
                .contains("FAIL   examples/clusterapi-clusterclass/deploy/clusterclass.yaml:53:39: "
                        + "ClusterClass/team-standard, the configuration of admission plugin 'PodSecurity' "
                        + "(plugins[0].configuration) in file /etc/kubernetes/admission.yaml written by patch "
                        + "'podSecurity' (spec.patches[0].definitions[0].jsonPatches[1].valueFrom.template) for "
                        + "Cluster/legacy-workload: pod-security.admission.config.k8s.io/v1beta1 "
                        + "PodSecurityConfiguration is served from Kubernetes 1.23; for 1.22 use "
                        + "pod-security.admission.config.k8s.io/v1alpha1 (judged against the nodes' Kubernetes 1.22: "
                        + "Cluster/legacy-workload spec.topology.version v1.22.1; the checklist's target is 1.25)")
                .contains("1.22 needs the PodSecurity feature gate")
                .contains("1 failed");
        // the ClusterClass, its KubeadmControlPlaneTemplate and the Cluster, validated against ClusterAPI 1.3's
        // bundled CRDs (three SKIPs of manifest.schema before the bundle)
        assertThat(run.out()).containsPattern("(?m)^manifest\\.schema +1 +- +- +- +- +- +-$");
    }

    @Test
    void shouldPassTheClusterApiExamplesOnceTheirNodesRun125(@org.junit.jupiter.api.io.TempDir Path copy)
            throws Exception {
        for (String example : new String[] {"clusterapi-kubeadm-files", "clusterapi-clusterclass"}) {
            Path app = copy.resolve(example);
            copyTree(EXAMPLES.resolve(example), app);
            try (var files = Files.walk(app.resolve("deploy"))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.writeString(file, Files.readString(file).replace("v1.22.1", "v1.25.0"));
                }
            }
            Files.createDirectories(copy.resolve(".git"));
            CliRun run = CliRun.of("validate", app.toString());
            // The table of counts: passes, and not one failure, warning or error of the check.
            assertThat(run.out()).as(example).containsPattern("(?m)^manifest\\.api-version +[1-9][0-9]* +- +- +- +- ")
                    .doesNotContainPattern("(?m)^(FAIL|WARN|ERROR).*\\[manifest\\.api-version\\]$");
        }
    }

    @Test
    void shouldRunEveryManifestCheckOnHelloWeb() {
        CliRun run = validate("hello-web", "--format", "json");
        for (String id : new String[] {"manifest.parse", "manifest.shape", "manifest.api-version",
            "manifest.resources", "manifest.probes", "manifest.image-tag", "manifest.run-as-non-root",
            "manifest.privileged", "manifest.host-namespaces", "manifest.read-only-root-filesystem",
            "manifest.pod-disruption-budget", "manifest.service-selector"}) {
            assertThat(run.out()).as(id).contains("\"id\" : \"" + id + "\"");
        }
    }

    @Test
    void shouldReportHostileManifestsByNameWithoutAStackTrace(@org.junit.jupiter.api.io.TempDir Path repository)
            throws Exception {
        Files.createDirectories(repository.resolve(".git"));
        Files.createDirectories(repository.resolve("deploy"));
        Files.writeString(repository.resolve("ascent.yaml"), "apiVersion: ascent.dev/v1\nkind: Checklist\n"
                + "metadata:\n  name: hostile\nkubernetes:\n  version: \"1.31\"\n  manifests: [deploy/]\n");
        Files.write(repository.resolve("deploy/binary.yaml"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            String p = "*" + (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [").append(String.join(", ", p, p, p, p, p, p, p, p))
                    .append("]\n");
        }
        Files.writeString(repository.resolve("deploy/bomb.yaml"), bomb);
        CliRun run = CliRun.of("validate", repository.toString());
        assertThat(run.status()).as(run.out()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).contains("ERROR  deploy/binary.yaml").contains("ERROR  deploy/bomb.yaml")
                .contains("[manifest.parse]").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.err()).doesNotContain("Exception");
    }

    static void copyTree(Path from, Path to) throws Exception {
        try (var paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}

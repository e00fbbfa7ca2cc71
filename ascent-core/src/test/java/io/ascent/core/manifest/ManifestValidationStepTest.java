package io.ascent.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.manifest.api.ApiLifecycleTable;
import io.ascent.core.manifest.api.KubernetesVersion;
import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import io.ascent.core.report.Severity;
import io.ascent.core.report.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the manifest step turns findings into report items: settings, exemptions, waivers, skips. */
class ManifestValidationStepTest {
    private static final String UNPINNED_POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: debug
            %s
            spec:
              securityContext: {runAsNonRoot: true}
              containers:
                - name: shell
                  image: busybox:latest
            """;

    @TempDir
    Path repository;
    private ManifestWorkspace workspace;

    @BeforeEach
    void setUp() {
        workspace = new ManifestWorkspace(repository);
    }

    private static String pod(String annotations) {
        return UNPINNED_POD.formatted(annotations.isEmpty() ? "" : "  annotations:\n    " + annotations);
    }

    @Test
    void shouldSkipTheApiCheckWithoutATargetVersionAndSayHowToSetOne() {
        workspace.checklist("kubernetes:\n  manifests: [deploy/]\n").write("deploy/pod.yaml", pod(""));
        List<Item> items = workspace.validate("manifest.api-version", Optional.empty());
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.SKIP);
            assertThat(item.message()).contains("set kubernetes.version in ascent.yaml or pass --kubernetes-version");
        });
    }

    @Test
    void shouldLetTheCommandLineVersionOverrideTheChecklist() {
        workspace.checklist("kubernetes:\n  version: \"1.31\"\n  manifests: [deploy/]\n")
                .write("deploy/pdb.yaml", "apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n"
                        + "  name: web\nspec:\n  minAvailable: 1\n  selector: {matchLabels: {app: web}}\n");
        assertThat(workspace.validate("manifest.api-version", Optional.empty()))
                .extracting(Item::status).containsExactly(Status.FAIL);
        assertThat(workspace.validate("manifest.api-version", Optional.of("1.24")))
                .extracting(Item::status).containsExactly(Status.WARN);
    }

    @Test
    void shouldReportOnePassItemPerCheckWithWhatWasLookedAt() {
        workspace.checklist("kubernetes:\n  version: \"1.31\"\n  manifests: [deploy/]\n")
                .write("deploy/pod.yaml", pod("").replace("busybox:latest", "busybox:1.37.0"));
        List<Item> items = workspace.validate("manifest.image-tag", Optional.empty());
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.PASS);
            assertThat(item.message()).isEqualTo("1 container: every image is pinned to a tag other than latest, "
                    + "or to a digest");
        });
        assertThat(workspace.validate("manifest.parse", Optional.empty())).singleElement()
                .extracting(Item::message).isEqualTo("1 file read: 1 resource");
    }

    @Test
    void shouldWarnAndSkipEveryCheckWhenTheManifestsHoldNoObject() {
        workspace.checklist("kubernetes:\n  version: \"1.31\"\n  manifests: [deploy/]\n")
                .write("deploy/placeholder.yaml", "# the manifests come later\n---\n");
        Report report = workspace.validate(Optional.empty());

        List<Item> manifestItems = report.items().stream().filter(i -> i.id().startsWith("manifest.")).toList();
        assertThat(manifestItems).filteredOn(i -> i.id().equals("manifest.parse")).singleElement()
                .satisfies(item -> {
                    assertThat(item.status()).isEqualTo(Status.WARN);
                    assertThat(item.message()).startsWith("1 file read: 0 resources; what kubernetes.manifests "
                            + "names holds no Kubernetes object");
                    assertThat(item.remediation()).contains("kubernetes.manifests");
                });
        assertThat(manifestItems).filteredOn(i -> !i.id().equals("manifest.parse")).isNotEmpty()
                .allSatisfy(item -> {
                    assertThat(item.status()).as(item.id()).isEqualTo(Status.SKIP);
                    assertThat(item.message()).contains("nothing to judge");
                });
    }

    @Test
    void shouldWarnOnceWhenTheChecklistNamesAKubernetesTargetButNothingToRead() {
        // what `ascent init` writes when every source is a render it leaves commented out (kubernetes/ingress-nginx)
        workspace.checklist("kubernetes:\n  version: \"1.34\"\n  # render:\n  #   - kustomize: deploy/\n")
                .write("deploy/kustomization.yaml", "resources: [deploy.yaml]\n");
        List<Item> manifestItems = workspace.validate(Optional.empty()).items().stream()
                .filter(i -> i.id().startsWith("manifest.")).toList();

        assertThat(manifestItems).singleElement().satisfies(item -> {
            assertThat(item.id()).isEqualTo("manifest.parse");
            assertThat(item.status()).isEqualTo(Status.WARN);
            assertThat(item.message()).isEqualTo("kubernetes.version names Kubernetes 1.34, but neither"
                    + " kubernetes.manifests nor kubernetes.render names anything to read, so no manifest check ran");
            assertThat(item.remediation()).contains("kubernetes.manifests", "kubernetes.render",
                    "remove kubernetes.version");
        });
    }

    @Test
    void shouldReportNoManifestItemWhenTheChecklistHasNoKubernetesTargetAndNamesNoManifests() {
        workspace.checklist("kubernetes:\n  strict: true\n").write("README.md", "# app\n");
        assertThat(workspace.validate(Optional.empty()).items()).noneMatch(i -> i.id().startsWith("manifest."));
    }

    @Test
    void shouldStillPassAChecklistWhoseManifestsHoldOneObject() {
        workspace.checklist("kubernetes:\n  version: \"1.31\"\n  manifests: [deploy/]\n")
                .write("deploy/placeholder.yaml", "# the manifests come later\n")
                .write("deploy/pod.yaml", pod("").replace("busybox:latest", "busybox:1.37.0"));
        assertThat(workspace.validate("manifest.parse", Optional.empty())).singleElement()
                .satisfies(item -> assertThat(item.status()).isEqualTo(Status.PASS));
        assertThat(workspace.validate("manifest.schema", Optional.empty())).singleElement()
                .satisfies(item -> assertThat(item.status()).isEqualTo(Status.PASS));
    }

    @Test
    void shouldPointAtTheOffendingNodeWithAKeyAndARemediation() {
        workspace.checklist("kubernetes:\n  version: \"1.31\"\n  manifests: [deploy/]\n")
                .write("deploy/pod.yaml", pod(""));
        Item item = workspace.validate("manifest.image-tag", Optional.empty()).get(0);
        assertThat(item.status()).isEqualTo(Status.FAIL);
        assertThat(item.location()).hasToString("deploy/pod.yaml:10:14");
        assertThat(item.key()).isEqualTo("Pod/debug/containers/shell");
        assertThat(item.remediation()).contains("write image: busybox:<version>");
    }

    @Test
    void shouldSkipFindingsExemptedByAnnotation() {
        workspace.checklist("kubernetes:\n  version: \"1.31\"\n  manifests: [deploy/]\n")
                .write("deploy/pod.yaml", pod("ascent.dev/exempt: \"manifest.probes, manifest.image-tag\""));
        Item image = workspace.validate("manifest.image-tag", Optional.empty()).get(0);
        assertThat(image.status()).isEqualTo(Status.SKIP);
        assertThat(image.message()).startsWith("exempted by annotation ascent.dev/exempt: Pod/debug: image");
        assertThat(workspace.validate("manifest.probes", Optional.empty())).extracting(Item::status)
                .containsExactly(Status.SKIP);
        assertThat(workspace.validate("manifest.resources", Optional.empty())).extracting(Item::status)
                .containsExactly(Status.WARN);
    }

    @Test
    void shouldWarnAboutSettingsForChecksThatDoNotExist() {
        workspace.checklist("""
                kubernetes:
                  version: "1.31"
                  manifests: [deploy/]
                  checks:
                    manifest.probe:
                      enabled: false
                """).write("deploy/pod.yaml", pod(""));
        Item unknown = workspace.validate(ManifestValidationStep.UNKNOWN_CHECK_ID, Optional.empty()).get(0);
        assertThat(unknown.status()).isEqualTo(Status.WARN);
        assertThat(unknown.message()).isEqualTo(
                "kubernetes.checks names 'manifest.probe', which is no manifest check; did you mean 'manifest.probes'?");
        assertThat(workspace.validate("manifest.probes", Optional.empty())).extracting(Item::status)
                .as("the misspelt setting switches nothing off").doesNotContain(Status.SKIP);
    }

    @Test
    void shouldWarnAboutExemptionsThatNameNoCheck() {
        workspace.checklist("kubernetes:\n  version: \"1.31\"\n  manifests: [deploy/]\n")
                .write("deploy/pod.yaml", pod("ascent.dev/exempt: \"manifest.probe\""));
        Item unknown = workspace.validate(ManifestValidationStep.UNKNOWN_CHECK_ID, Optional.empty()).get(0);
        assertThat(unknown.status()).isEqualTo(Status.WARN);
        assertThat(unknown.message()).isEqualTo("Pod/debug: ascent.dev/exempt names 'manifest.probe', which is no "
                + "manifest check; did you mean 'manifest.probes'?");
        assertThat(unknown.location().line()).isPositive();
    }

    @Test
    void shouldApplySeverityOverridesAndSwitchChecksOff() {
        workspace.checklist("""
                kubernetes:
                  version: "1.31"
                  manifests: [deploy/]
                  checks:
                    manifest.image-tag:
                      severity: warning
                    manifest.probes:
                      enabled: false
                """).write("deploy/pod.yaml", pod(""));
        Item image = workspace.validate("manifest.image-tag", Optional.empty()).get(0);
        assertThat(image.status()).isEqualTo(Status.WARN);
        assertThat(image.severity()).isEqualTo(Severity.WARNING);
        assertThat(workspace.validate("manifest.probes", Optional.empty())).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.SKIP);
            assertThat(item.message()).contains("kubernetes.checks.manifest.probes.enabled: false");
        });
    }

    @Test
    void shouldNeverWeighADeprecatedApiMoreThanAWarningButLetTheChecklistLowerIt() {
        String hpa = "apiVersion: autoscaling/v2beta2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\n";
        workspace.checklist("kubernetes:\n  version: \"1.24\"\n  manifests: [deploy/]\n").write("deploy/hpa.yaml", hpa);
        assertThat(workspace.validate("manifest.api-version", Optional.empty())).singleElement()
                .extracting(Item::severity).isEqualTo(Severity.WARNING);
        workspace.checklist("kubernetes:\n  version: \"1.24\"\n  manifests: [deploy/]\n"
                + "  checks:\n    manifest.api-version: {severity: info}\n");
        assertThat(workspace.validate("manifest.api-version", Optional.empty())).singleElement()
                .extracting(Item::severity).isEqualTo(Severity.INFO);
    }

    @Test
    void shouldWaiveAFindingWithACurrentWaiver() {
        workspace.checklist("""
                kubernetes:
                  version: "1.31"
                  manifests: [deploy/]
                waivers:
                  - id: manifest.image-tag
                    path: "deploy/**"
                    reason: the debug pod follows busybox on purpose
                    owner: team-web
                    expires: 2027-01-31
                """).write("deploy/debug/pod.yaml", pod(""));
        Item image = workspace.validate("manifest.image-tag", Optional.empty()).get(0);
        assertThat(image.status()).isEqualTo(Status.WAIVED);
        assertThat(image.waiver().reason()).isEqualTo("the debug pod follows busybox on purpose");
    }

    @Test
    void shouldNotWaiveAFindingWithAnExpiredWaiver() {
        workspace.checklist("""
                kubernetes:
                  version: "1.31"
                  manifests: [deploy/]
                waivers:
                  - id: manifest.image-tag
                    reason: the debug pod follows busybox on purpose
                    owner: team-web
                    expires: 2026-11-24
                """).write("deploy/pod.yaml", pod(""));
        Report report = workspace.validate(Optional.empty());
        assertThat(report.items()).filteredOn(i -> i.id().equals("manifest.image-tag"))
                .extracting(Item::status).containsExactly(Status.FAIL);
        assertThat(report.items()).filteredOn(i -> i.id().equals("checklist.waivers"))
                .anyMatch(i -> i.status() == Status.FAIL && i.message().contains("expired on 2026-11-24"));
    }

    /** A kind config whose kubeadm patch uses v1beta4, which Kubernetes serves from 1.31. */
    private static final String KIND_CONFIG_WITH_V1BETA4_PATCH = """
            apiVersion: kind.x-k8s.io/v1alpha4
            kind: Cluster
            kubeadmConfigPatches:
              - |
                apiVersion: kubeadm.k8s.io/v1beta4
                kind: ClusterConfiguration
            """;

    private List<Item> apiItemsWithKindConfig(String targetVersion, String clusterVersionLine) {
        workspace.checklist("""
                kubernetes:
                  version: "%s"
                  manifests: [deploy/app/]
                provision:
                  cluster:
                    driver: kind
                %s    config: deploy/kind.yaml
                """.formatted(targetVersion, clusterVersionLine))
                .write("deploy/app/pod.yaml", pod("")).write("deploy/kind.yaml", KIND_CONFIG_WITH_V1BETA4_PATCH);
        return workspace.validate("manifest.api-version", Optional.empty());
    }

    @Test
    void shouldJudgeTheKindConfigAgainstTheClusterVersionNotTheManifestTarget() {
        assertThat(apiItemsWithKindConfig("1.31", "    kubernetesVersion: \"1.29\"\n")).singleElement()
                .satisfies(item -> {
                    assertThat(item.status()).isEqualTo(Status.FAIL);
                    assertThat(item.message()).contains("for 1.29 use kubeadm.k8s.io/v1beta3");
                });
    }

    @Test
    void shouldCheckTheKindConfigOfTheProvisionSection() {
        assertThat(apiItemsWithKindConfig("1.29", "")).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.FAIL);
            assertThat(item.location()).hasToString("deploy/kind.yaml:5:17");
            assertThat(item.message()).contains("kubeadm.k8s.io/v1beta4 ClusterConfiguration is served from "
                    + "Kubernetes 1.31; for 1.29 use kubeadm.k8s.io/v1beta3");
            assertThat(item.remediation()).startsWith("write apiVersion: kubeadm.k8s.io/v1beta3 in kubeadm patch");
        });
    }

    @Test
    void shouldCheckEveryEntryOfAListAtItsOwnPosition() {
        workspace.checklist("kubernetes:\n  version: \"1.31\"\n  manifests: [deploy/]\n").write("deploy/list.json", """
                {"apiVersion": "v1", "kind": "List", "items": [
                  {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a"},
                   "spec": {"containers": [{"name": "c", "image": "nginx:1.27.3"}]}},
                  {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "b"},
                   "spec": {"containers": [{"name": "c", "image": "nginx"}]}}
                ]}
                """);
        assertThat(workspace.validate("manifest.image-tag", Optional.empty())).singleElement().satisfies(item -> {
            assertThat(item.key()).isEqualTo("Pod/b/containers/c");
            assertThat(item.location().line()).isEqualTo(5);
        });
    }

    @Test
    void shouldReportAnUnparsableFileAndStillCheckTheOthers() {
        workspace.checklist("kubernetes:\n  version: \"1.31\"\n  manifests: [deploy/]\n")
                .write("deploy/a-broken.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: [x\n")
                .write("deploy/b-pod.yaml", pod(""));
        Report report = workspace.validate(Optional.empty());
        assertThat(report.items()).filteredOn(i -> i.id().equals("manifest.parse")).singleElement()
                .satisfies(item -> {
                    assertThat(item.status()).isEqualTo(Status.ERROR);
                    assertThat(item.location().path()).isEqualTo("deploy/a-broken.yaml");
                    assertThat(item.location().line()).isPositive();
                });
        assertThat(report.items()).filteredOn(i -> i.id().equals("manifest.image-tag"))
                .extracting(Item::status).containsExactly(Status.FAIL);
    }

    @Test
    void shouldRefuseAVersionSpellingTheEngineCannotReadAtItsLineInTheChecklist() {
        workspace.checklist("kubernetes:\n  version: \"1.05\"\n  manifests: [deploy/]\n").write("deploy/pod.yaml", pod(""));
        Report report = workspace.validate(Optional.empty());
        assertThat(report.items()).filteredOn(i -> i.status() == Status.ERROR).singleElement().satisfies(item -> {
            assertThat(item.id()).startsWith("checklist.");
            assertThat(item.location().toString()).isEqualTo("ascent.yaml:6:12");
        });
        assertThat(report.items()).noneMatch(i -> i.id().startsWith("manifest."));
    }

    @Test
    void shouldSayOnceThatATargetNewerThanAscentsDataIsJudgedAsTheNewestReleaseItKnows() {
        KubernetesVersion newest = ApiLifecycleTable.builtIn().newestRelease().orElseThrow();
        workspace.checklist("kubernetes:\n  version: \"1.99\"\n  manifests: [deploy/]\n")
                .write("deploy/pods.yaml", pod("") + "---\n" + pod("").replace("name: debug", "name: other"));

        Report report = workspace.validate(Optional.empty());

        assertThat(report.items()).filteredOn(i -> i.id().equals(ManifestValidationStep.TARGET_VERSION_ID))
                .singleElement().satisfies(item -> {
                    assertThat(item.status()).isEqualTo(Status.WARN);
                    assertThat(item.message()).startsWith("Kubernetes 1.99 is newer than " + newest
                            + ", the newest release Ascent knows");
                    assertThat(item.remediation()).contains("target " + newest);
                });
        assertThat(report.items()).filteredOn(i -> i.id().equals("manifest.api-version")).singleElement()
                .satisfies(item -> assertThat(item.message()).contains("served by Kubernetes " + newest
                        + " (the newest release Ascent knows; the target is 1.99)"));
        assertThat(report.items()).noneMatch(i -> i.status() == Status.SKIP);
    }

    @Test
    void shouldNotWarnForATargetAscentKnows() {
        KubernetesVersion newest = ApiLifecycleTable.builtIn().newestRelease().orElseThrow();
        workspace.checklist("kubernetes:\n  version: \"" + newest + "\"\n  manifests: [deploy/]\n")
                .write("deploy/pod.yaml", pod(""));

        Report report = workspace.validate(Optional.empty());

        assertThat(report.items()).noneMatch(i -> i.id().equals(ManifestValidationStep.TARGET_VERSION_ID));
        assertThat(report.items()).filteredOn(i -> i.id().equals("manifest.api-version")).singleElement()
                .satisfies(item -> assertThat(item.message()).endsWith("served by Kubernetes " + newest));
    }

    @Test
    void shouldSayOnceThatTheBundledSchemasDoNotCoverAnOlderTargetAndHowToGetSchemas() {
        workspace.checklist("kubernetes:\n  version: \"1.21\"\n  manifests: [deploy/]\n")
                .write("deploy/a.yaml", pod("") + "---\n" + pod("").replace("name: debug", "name: other"))
                .write("deploy/b.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n");

        List<Item> items = workspace.validate("manifest.schema", Optional.empty());

        assertThat(items).filteredOn(i -> i.status() == Status.SKIP).singleElement().satisfies(item -> {
            assertThat(item.message()).startsWith("3 resources were not validated (ConfigMap, Pod): the bundled"
                    + " schemas cover Kubernetes 1.22 to ").contains(", not 1.21, and no other schema location has"
                    + " them; add one with schemas for 1.21 to kubernetes.schemaLocations, such as https://");
            assertThat(item.location().toString()).isEqualTo("deploy/a.yaml:1:1");
        });
    }

    @Test
    void shouldCountFindingsBeyondTheListAsWarningsWhenEveryOneOfThemIsAWarning() {
        // kubernetes-sigs/cluster-api-provider-azure: 305 deprecated ClusterAPI versions, each a WARN; the 105 past
        // the list were one FAIL, which failed a run that had nothing but warnings
        String deprecated = "apiVersion: cluster.x-k8s.io/v1beta1\nkind: Cluster\nmetadata: {name: c%d}\n---\n";
        StringBuilder manifests = new StringBuilder();
        for (int i = 0; i < 205; i++) {
            manifests.append(deprecated.formatted(i));
        }
        workspace.checklist("kubernetes:\n  version: \"1.31\"\n  clusterApi: {version: \"1.14\"}\n"
                + "  manifests: [deploy/]\n").write("deploy/many.yaml", manifests.toString());
        List<Item> apiVersions = workspace.validate(Optional.empty()).items().stream()
                .filter(i -> i.id().equals("manifest.api-version")).toList();
        assertThat(apiVersions).hasSize(201);
        assertThat(apiVersions.get(200).message()).startsWith("5 more findings of this check are not listed");
        assertThat(apiVersions).extracting(Item::status).containsOnly(Status.WARN);
    }

    @Test
    void shouldListTheFirstFindingsOfACheckAndCountTheRestForAHundredThousandTinyDocuments() {
        workspace.checklist("kubernetes:\n  version: \"1.31\"\n  manifests: [deploy/]\n")
                .write("deploy/many.yaml", "a: 1\n---\n".repeat(100_000));
        Report report = workspace.validate(Optional.empty());
        List<Item> shape = report.items().stream().filter(i -> i.id().equals("manifest.shape")).toList();
        assertThat(shape).hasSize(201);
        assertThat(shape.get(200).message()).isEqualTo("199800 more findings of this check are not listed one by one "
                + "(the first 200 are)");
        assertThat(shape.get(200).status()).isEqualTo(Status.FAIL);
        assertThat(report.items()).hasSizeLessThan(2_000);
    }

    @Test
    void shouldReportAListWithoutItemsOnceNotAsAnUnservedKindToo() {
        workspace.checklist("kubernetes:\n  version: \"1.31\"\n  manifests: [deploy/]\n")
                .write("deploy/list.yaml", "apiVersion: v1\nkind: List\n---\napiVersion: v1\nkind: List\nitems:\n"
                        + "---\napiVersion: v1\nkind: ConfigMapList\n");

        Report report = workspace.validate(Optional.empty());

        assertThat(report.items()).filteredOn(i -> i.id().startsWith("manifest.") && i.status() != Status.PASS)
                .extracting(i -> i.id() + " " + i.location()).containsExactly(
                        "manifest.shape deploy/list.yaml:1:1", "manifest.shape deploy/list.yaml:8:1");
        assertThat(report.items()).filteredOn(i -> i.id().equals("manifest.shape")).element(1).satisfies(item ->
                assertThat(item.remediation()).isEqualTo("write items: [] for an empty list, or remove the document"));
    }

    @Test
    void shouldPassAReviewWithoutMetadataInEveryCheck() {
        workspace.checklist("kubernetes:\n  version: \"1.31\"\n  manifests: [deploy/]\n")
                .write("deploy/review.yaml", "apiVersion: authorization.k8s.io/v1\nkind: SelfSubjectAccessReview\n"
                        + "spec:\n  resourceAttributes: {verb: get, resource: pods}\n");

        Report report = workspace.validate(Optional.empty());

        assertThat(report.items()).filteredOn(i -> i.id().startsWith("manifest."))
                .allSatisfy(item -> assertThat(item.status()).as(item.toString()).isEqualTo(Status.PASS));
    }

    @Test
    void shouldCheckALargeFileDocumentByDocumentWithTheSameFindingsAndPositions() {
        StringBuilder big = new StringBuilder();
        int configMaps = 0;
        while (big.length() <= 1024 * 1024) { // larger than what is parsed whole, so it is streamed
            big.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c-").append(configMaps++)
                    .append("}\ndata: {key: value}\n");
        }
        int podLine = (int) big.chars().filter(c -> c == '\n').count() + 2;
        big.append("---\n").append(pod("")).append("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [x\n");
        workspace.checklist("kubernetes:\n  version: \"1.31\"\n  manifests: [deploy/]\n")
                .write("deploy/big.yaml", big.toString())
                .write("deploy/small.yaml", pod("").replace("name: debug", "name: small"));

        Report report = workspace.validate(Optional.empty());

        assertThat(report.items()).filteredOn(i -> i.id().equals("manifest.image-tag"))
                .extracting(i -> i.location().path() + ":" + i.location().line())
                .containsExactly("deploy/big.yaml:" + (podLine + 9), "deploy/small.yaml:10");
        assertThat(report.items()).filteredOn(i -> i.id().equals("manifest.parse")).singleElement()
                .satisfies(item -> {
                    assertThat(item.status()).isEqualTo(Status.ERROR);
                    assertThat(item.location().path()).isEqualTo("deploy/big.yaml");
                    assertThat(item.location().line()).isGreaterThan(podLine);
                });
        int checked = configMaps + 2;
        assertThat(report.items()).filteredOn(i -> i.id().equals("manifest.schema")).singleElement()
                .satisfies(item -> assertThat(item.message()).startsWith(checked + " resources match"));
    }
}

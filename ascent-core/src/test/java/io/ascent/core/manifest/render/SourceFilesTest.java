package io.ascent.core.manifest.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.manifest.ManifestWorkspace;
import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import io.ascent.core.report.Severity;
import io.ascent.core.report.Status;
import io.ascent.core.report.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kustomize and Helm files among the manifests are recognised and said once, never parsed as objects. */
class SourceFilesTest {
    @TempDir
    Path repository;

    private static List<Item> items(Report report, String id) {
        return report.items().stream().filter(item -> item.id().equals(id)).toList();
    }

    private ManifestWorkspace overlays() {
        return new ManifestWorkspace(repository)
                .checklist("kubernetes:\n  version: \"1.31\"\n  manifests: [deploy/]\n")
                .write("deploy/base/kustomization.yaml", "resources: [web.yaml]\n")
                .write("deploy/base/web.yaml", ManifestRendererTest.PRIVILEGED_WEB)
                .write("deploy/overlays/prod/kustomization.yaml", """
                        resources: [../../base]
                        patchesJson6902:
                          - target: {kind: Deployment, name: web}
                            path: replicas.yaml
                        patchesStrategicMerge:
                          - memory.yaml
                        components: [../../components/debug]
                        """)
                .write("deploy/overlays/prod/replicas.yaml", "- op: replace\n  path: /spec/replicas\n  value: 3\n")
                .write("deploy/overlays/prod/memory.yaml", "kind: Deployment\nmetadata: {name: web}\n"
                        + "spec: {template: {spec: {containers: [{name: web, resources: {limits: {memory: 1Gi}}}]}}}\n")
                .write("deploy/components/debug/kustomization.yaml", """
                        apiVersion: kustomize.config.k8s.io/v1alpha1
                        kind: Component
                        patches:
                          - path: debug.yaml
                        """)
                .write("deploy/components/debug/debug.yaml", "- op: add\n  path: /metadata/labels/debug\n"
                        + "  value: 'true'\n");
    }

    @Test
    void shouldLeaveKustomizationsAndTheirPatchesToKustomizeAndSayHowToRenderThem() {
        Report report = overlays().validate(Optional.empty());

        assertThat(items(report, "manifest.parse")).extracting(Item::status, Item::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Status.PASS, "1 file read: 1 resource"));
        List<Item> recognised = items(report, ManifestRenderer.ID);
        assertThat(recognised).extracting(item -> item.location().path()).containsExactly(
                "deploy/base/kustomization.yaml", "deploy/components/debug/kustomization.yaml",
                "deploy/overlays/prod/kustomization.yaml");
        assertThat(recognised).allSatisfy(item -> {
            assertThat(item.status()).isEqualTo(Status.SKIP);
            assertThat(item.severity()).isEqualTo(Severity.INFO);
        });
        assertThat(recognised.get(2).message()).isEqualTo("deploy/overlays/prod/kustomization.yaml is a Kustomize "
                + "kustomization, with 2 patch and configuration files: not checked as Kubernetes objects");
        assertThat(recognised.get(2).remediation()).startsWith("to check what it builds, add "
                + "'- kustomize: deploy/overlays/prod' under kubernetes.render");
        assertThat(recognised.get(1).message()).isEqualTo("deploy/components/debug/kustomization.yaml is a Kustomize "
                + "component, with 1 patch or configuration file: not checked as Kubernetes objects");
        // the base's resource is a complete object, still checked on its own
        assertThat(items(report, "manifest.privileged")).extracting(item -> item.location().path())
                .containsExactly("deploy/base/web.yaml");
        assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void shouldLeaveAHelmChartToHelmInsteadOfReportingItsTemplatesAsBrokenYaml() {
        Report report = new ManifestWorkspace(repository)
                .checklist("kubernetes:\n  version: \"1.31\"\n  manifests: [deploy/]\n")
                .write("deploy/web.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web}\n")
                .write("deploy/chart/Chart.yaml", "apiVersion: v2\nname: web\nversion: 1.0.0\n")
                .write("deploy/chart/values.yaml", "image: nginx\n")
                .write("deploy/chart/templates/deployment.yaml", """
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata:
                          name: {{ include "web.fullname" . }}
                        spec:
                          {{- if not .Values.autoscaling.enabled }}
                          replicas: {{ .Values.replicaCount }}
                          {{- end }}
                        """)
                .write("deploy/chart/charts/redis/Chart.yaml", "apiVersion: v2\nname: redis\nversion: 1.0.0\n")
                .write("deploy/chart/charts/redis/templates/sts.yaml", "kind: {{ .Values.kind }}\n")
                .validate(Optional.empty());

        assertThat(items(report, "manifest.parse")).extracting(Item::status, Item::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Status.PASS, "1 file read: 1 resource"));
        assertThat(items(report, ManifestRenderer.ID)).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.SKIP);
            assertThat(item.location().path()).isEqualTo("deploy/chart/Chart.yaml");
            assertThat(item.message()).isEqualTo("deploy/chart is a Helm chart (5 files left unread): its templates "
                    + "are not Kubernetes objects until rendered");
            assertThat(item.remediation()).startsWith("to check what it renders, add '- helm: deploy/chart'");
        });
        assertThat(report.verdict()).isEqualTo(Verdict.PASSED);
    }

    @Test
    void shouldReadTheFilesARenderedKustomizationBuildsFromOnlyThroughTheRender() {
        ScriptedTools tools = ScriptedTools.printing(Set.of("kustomize"), ManifestRendererTest.KUSTOMIZE_OUTPUT);
        Report report = overlays()
                .checklist("kubernetes:\n  manifests: [deploy/]\n  render:\n    - kustomize: deploy/overlays/prod\n")
                .validate(Optional.empty(), tools.renderer());

        // base, overlay and component are all part of the render: nothing is read raw, nothing is said twice
        assertThat(items(report, ManifestRenderer.ID)).extracting(Item::status).containsExactly(Status.PASS);
        assertThat(items(report, "manifest.parse").get(0).message()).isEqualTo("0 files and 1 render read: 2 resources");
        assertThat(items(report, "manifest.privileged")).extracting(item -> item.location().path())
                .containsExactly("deploy/base/web.yaml");
    }

    @Test
    void shouldReadAKustomizationWhoseFieldsHoldNumbersWhereNamesBelongWithoutAnInternalError() {
        // a kustomization is hostile input: openapi.path: 1 reads as "1" through optString and failed getString,
        // which ended the manifests step with an internal error (exit 4)
        Report report = new ManifestWorkspace(repository)
                .checklist("kubernetes:\n  version: \"1.31\"\n  manifests: [deploy/]\n")
                .write("deploy/kustomization.yaml", "resources: [web.yaml, 7]\nopenapi: {path: 1}\n"
                        + "configMapGenerator: [{name: c, env: 2, envs: [3]}]\ncomponents: [4]\n")
                .write("deploy/web.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web}\n")
                .validate(Optional.empty());

        assertThat(items(report, "ascent.internal")).isEmpty();
        assertThat(items(report, ManifestRenderer.ID)).extracting(item -> item.location().path())
                .containsExactly("deploy/kustomization.yaml");
    }
}

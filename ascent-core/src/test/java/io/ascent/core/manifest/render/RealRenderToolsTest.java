package io.ascent.core.manifest.render;

import static io.ascent.core.manifest.render.ManifestRendererTest.items;
import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.manifest.ManifestWorkspace;
import io.ascent.core.report.ErrorKind;
import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import io.ascent.core.report.Status;
import io.ascent.core.report.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kustomize build and helm template for real, on fixtures written here: what they build is checked at its source. */
class RealRenderToolsTest {
    @TempDir
    Path repository;

    private ManifestWorkspace overlay() {
        return new ManifestWorkspace(repository)
                .checklist(ManifestRendererTest.KUSTOMIZE_CHECKLIST)
                .write("deploy/base/kustomization.yaml", "resources: [web.yaml, service.yaml]\n")
                .write("deploy/base/web.yaml", ManifestRendererTest.PRIVILEGED_WEB)
                .write("deploy/base/service.yaml", ManifestRendererTest.WEB_SERVICE)
                .write("deploy/overlays/prod/kustomization.yaml", """
                        resources: [../../base]
                        namePrefix: prod-
                        patches:
                          - path: host-network.yaml
                          - path: replicas.yaml
                            target: {kind: Deployment, name: web}
                        configMapGenerator:
                          - name: settings
                            literals: [mode=production]
                        """)
                .write("deploy/overlays/prod/host-network.yaml", """
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata:
                          name: web
                        spec:
                          template:
                            spec:
                              hostNetwork: true
                        """)
                .write("deploy/overlays/prod/replicas.yaml", "- op: add\n  path: /spec/replicas\n  value: 3\n");
    }

    @Test
    void shouldCheckWhatKustomizeBuildsAtTheFilesItCameFrom() {
        Report report = overlay().validate(Optional.empty(), RenderToolsOnDisk.renderer());

        assertThat(items(report, ManifestRenderer.ID)).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.PASS);
            assertThat(item.message()).matches("rendered deploy/overlays/prod with kustomize in \\d+ ms: 3 objects "
                    + "from 3 source files");
        });
        assertThat(items(report, "manifest.privileged")).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.FAIL);
            assertThat(item.location().toString()).isEqualTo("deploy/base/web.yaml:16:25");
            assertThat(item.message()).startsWith("Deployment/prod-web: container 'web' is privileged [rendered: line ")
                    .endsWith(" of the output of 'kustomize build deploy/overlays/prod']");
        });
        // the overlay's patch added hostNetwork: the base file has no line for it, so only the file is named
        assertThat(items(report, "manifest.host-namespaces")).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.FAIL);
            assertThat(item.location().toString()).isEqualTo("deploy/base/web.yaml");
            assertThat(item.message()).contains("[rendered: line ");
        });
        assertThat(items(report, "manifest.parse")).extracting(Item::status).containsExactly(Status.PASS);
    }

    @Test
    void shouldReportWhatKustomizeSaysWhenTheBuildFails() {
        Report report = overlay()
                .write("deploy/base/kustomization.yaml", "resources: [web.yaml, missing.yaml]\n")
                .validate(Optional.empty(), RenderToolsOnDisk.renderer());

        assertThat(items(report, ManifestRenderer.ID)).singleElement().satisfies(item -> {
            assertThat(item.isError(ErrorKind.INPUT)).isTrue();
            assertThat(item.message()).startsWith("kustomize failed to render 'deploy/overlays/prod' (exit 1): ")
                    .contains("missing.yaml").doesNotContain(repository.toString());
        });
        assertThat(report.verdict()).isEqualTo(Verdict.INVALID_INPUT);
    }

    private ManifestWorkspace chart() {
        return new ManifestWorkspace(repository)
                .checklist("""
                        kubernetes:
                          version: "1.30"
                          manifests: [chart/]
                          render:
                            - helm: chart
                              releaseName: shop
                              values: [chart/values-ci.yaml]
                        """)
                .write("chart/Chart.yaml", "apiVersion: v2\nname: web\nversion: 1.0.0\n")
                .write("chart/values.yaml", "privileged: false\nreplicas: 1\n")
                .write("chart/values-ci.yaml", "privileged: true\n")
                .write("chart/templates/_helpers.tpl", "{{- define \"web.name\" -}}{{ .Release.Name }}-web{{- end }}\n")
                .write("chart/templates/deployment.yaml", new WebDeployment().name("{{ include \"web.name\" . }}")
                        .metadata("annotations:\n  kube-version: {{ .Capabilities.KubeVersion.Version | quote }}\n")
                        .spec("replicas: {{ .Values.replicas }}\n")
                        .container("securityContext:\n  privileged: {{ .Values.privileged }}\n").yaml());
    }

    @Test
    void shouldCheckWhatHelmRendersWithTheReleaseAndValuesAtItsTemplate() {
        Report report = chart().validate(Optional.empty(), RenderToolsOnDisk.renderer());

        assertThat(items(report, ManifestRenderer.ID)).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.PASS);
            assertThat(item.message()).matches("rendered chart with helm in \\d+ ms: 1 object from 1 source file");
        });
        // the rendered line matched back to the template line it came from, at the action that wrote the value
        assertThat(items(report, "manifest.privileged")).singleElement().satisfies(item -> {
            assertThat(item.location().toString()).isEqualTo("chart/templates/deployment.yaml:19:25");
            assertThat(item.message()).startsWith("Deployment/shop-web: container 'web' is privileged [rendered: line ")
                    .endsWith(" of the output of 'helm template shop chart -f chart/values-ci.yaml --include-crds "
                            + "--kube-version 1.30.0']");
        });
        assertThat(items(report, "manifest.parse")).extracting(Item::status).containsExactly(Status.PASS);
    }

    @Test
    void shouldNameTheTemplateLineOnlyWhereTheRenderedLineSurelyCameFromIt() {
        Report report = chart()
                .write("chart/templates/_helpers.tpl", """
                        {{- define "web.sidecar" -}}
                        - name: sidecar
                          image: busybox:1.36
                          securityContext:
                            privileged: true
                        {{- end }}
                        """)
                .write("chart/templates/deployment.yaml", new WebDeployment()
                        .container("securityContext:\n  privileged: true\n")
                        .afterContainer("{{- include \"web.sidecar\" . | nindent 8 }}\n").yaml())
                .validate(Optional.empty(), RenderToolsOnDisk.renderer());

        // The web container's line is the template's; the sidecar's identical line came from the helper, which the
        // Source line does not name: the template alone, never its line 16.
        assertThat(items(report, "manifest.privileged")).extracting(item -> item.location().toString())
                .containsExactly("chart/templates/deployment.yaml:16:25", "chart/templates/deployment.yaml");
        assertThat(items(report, "manifest.privileged").get(1).message())
                .contains("container 'sidecar' is privileged [rendered: line ");
    }

    /** Pod spec lines of a chart: hostIPC when the values ask for debugging. */
    private static final String DEBUG_HOST_IPC = "{{- if .Values.debug }}\nhostIPC: true\n{{- end }}\n";

    @Test
    void shouldNotNameATemplateLineWhoseTextAHelperWroteWhileAnIfLeftTheLineOut() {
        Report report = chart()
                .write("chart/templates/_helpers.tpl", "{{- define \"web.debug\" -}}\nhostIPC: true\n{{- end }}\n")
                .write("chart/templates/deployment.yaml", new WebDeployment().podSpec("{{- include \"web.debug\" . |"
                        + " nindent 6 }}\n" + DEBUG_HOST_IPC).yaml())
                .validate(Optional.empty(), RenderToolsOnDisk.renderer());

        // Line 13 has the same text at the same indentation, but the if left it out: the template alone is named.
        assertThat(items(report, "manifest.host-namespaces")).singleElement().satisfies(item -> {
            assertThat(item.location().toString()).isEqualTo("chart/templates/deployment.yaml");
            assertThat(item.message()).contains("[rendered: line ");
        });

        Report debug = chart().write("chart/values-ci.yaml", "debug: true\nprivileged: false\n")
                .write("chart/templates/deployment.yaml", new WebDeployment().podSpec(DEBUG_HOST_IPC).yaml())
                .validate(Optional.empty(), RenderToolsOnDisk.renderer());
        // Without the helper, only lines that render nothing stand between the line and its neighbours: its line.
        assertThat(items(debug, "manifest.host-namespaces")).extracting(item -> item.location().toString())
                .containsExactly("chart/templates/deployment.yaml:13:16");
    }

    /**
     * cert-manager's Deployment template: each optional field in its own {@code if} or {@code with} block, the values
     * leaving both out. Blocks that rendered nothing stand between the line and its neighbours: its line.
     */
    @Test
    void shouldNameTheTemplateLineBetweenOptionalBlocksThatRenderedNothing() {
        Report report = chart()
                .write("chart/templates/deployment.yaml", new WebDeployment().podSpec("""
                        {{- with .Values.pullSecrets }}
                        imagePullSecrets:
                          {{- toYaml . | nindent 2 }}
                        {{- end }}
                        hostIPC: true
                        {{- if .Values.tokens }}
                        automountServiceAccountToken: {{ .Values.tokens }}
                        {{- end }}
                        """).yaml())
                .validate(Optional.empty(), RenderToolsOnDisk.renderer());

        assertThat(items(report, "manifest.host-namespaces")).extracting(item -> item.location().toString())
                .containsExactly("chart/templates/deployment.yaml:16:16");
    }

    @Test
    void shouldNotNameATemplateLineWhenAHelperInTheBlockItFollowsCouldHaveWrittenIt() {
        Report report = chart()
                .write("chart/templates/_helpers.tpl", "{{- define \"web.debug\" -}}\nhostIPC: true\n{{- end }}\n")
                .write("chart/templates/deployment.yaml", new WebDeployment().podSpec("""
                        {{- if true }}
                        dnsPolicy: ClusterFirst
                        {{- include "web.debug" . | nindent 6 }}
                        {{- end }}
                        """ + DEBUG_HOST_IPC).yaml())
                .validate(Optional.empty(), RenderToolsOnDisk.renderer());

        // The helper wrote the line, in the block before the if that left line 17 out: the template alone.
        assertThat(items(report, "manifest.host-namespaces")).extracting(item -> item.location().toString())
                .containsExactly("chart/templates/deployment.yaml");
    }

    /** A chart whose Deployment names the release's namespace and whose Service names none, as many charts do. */
    private ManifestWorkspace chartWithAServiceInTheReleaseNamespace(String renderNamespace) {
        return new ManifestWorkspace(repository)
                .checklist("kubernetes:\n  version: \"1.30\"\n  manifests: [chart/]\n  render:\n"
                        + "    - helm: chart\n      releaseName: shop\n" + renderNamespace)
                .write("chart/Chart.yaml", "apiVersion: v2\nname: web\nversion: 1.0.0\n")
                .write("chart/templates/deployment.yaml", new WebDeployment()
                        .metadata("namespace: {{ .Release.Namespace }}\n").yaml())
                .write("chart/templates/service.yaml", ManifestRendererTest.WEB_SERVICE);
    }

    @Test
    void shouldMatchAServiceWithoutANamespaceToPodsInTheHelmReleaseNamespaceItLandsIn() {
        for (String renderNamespace : List.of("", "      namespace: shop\n")) {
            Report report = chartWithAServiceInTheReleaseNamespace(renderNamespace)
                    .validate(Optional.empty(), RenderToolsOnDisk.renderer());

            assertThat(items(report, "manifest.service-selector")).as(renderNamespace).singleElement()
                    .satisfies(item -> {
                        assertThat(item.status()).isEqualTo(Status.PASS);
                        assertThat(item.message()).isEqualTo("1 Service: its selector matches the pods of a workload");
                    });
        }
    }

    @Test
    void shouldStillFailAServiceOfTheReleaseWhosePodsAreInAnotherNamespace() {
        Report report = chartWithAServiceInTheReleaseNamespace("      namespace: shop\n")
                .write("chart/templates/deployment.yaml", new WebDeployment().metadata("namespace: default\n").yaml())
                .validate(Optional.empty(), RenderToolsOnDisk.renderer());

        assertThat(items(report, "manifest.service-selector")).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.FAIL);
            assertThat(item.message()).startsWith("Service/web selects app=web, but no workload in these manifests has"
                    + " pods with those labels in namespace shop [rendered: line ");
        });
    }

    @Test
    void shouldReportAValueTheChartsSchemaRefusesAtItsLineInTheValuesFile() {
        Report report = chart()
                .write("chart/values.schema.json", """
                        {"type": "object", "properties": {"replicas": {"type": "integer"}}}
                        """)
                .write("chart/values-ci.yaml", "privileged: true\nreplicas: two\n")
                .validate(Optional.empty(), RenderToolsOnDisk.renderer());

        assertThat(items(report, ManifestRenderer.ID)).singleElement().satisfies(item -> {
            assertThat(item.isError(ErrorKind.INPUT)).isTrue();
            assertThat(item.location().toString()).isEqualTo("chart/values-ci.yaml:2:11");
            assertThat(item.remediation()).startsWith("change the value that chart/values.schema.json refuses: "
                    + "replicas at chart/values-ci.yaml:2:11 (");
        });
    }

    @Test
    void shouldNeverFetchAMissingChartDependencyAndSayHowToBuildIt() {
        Report report = chart()
                .write("chart/Chart.yaml", "apiVersion: v2\nname: web\nversion: 1.0.0\ndependencies:\n"
                        + "  - name: redis\n    version: 19.0.0\n    repository: https://charts.bitnami.com/bitnami\n")
                .validate(Optional.empty(), RenderToolsOnDisk.renderer());

        assertThat(items(report, ManifestRenderer.ID)).singleElement().satisfies(item -> {
            assertThat(item.isError(ErrorKind.INPUT)).isTrue();
            assertThat(item.message()).startsWith("helm failed to render 'chart' (exit 1): ").contains("redis");
            assertThat(item.remediation()).startsWith("run 'helm dependency build' for the chart before Ascent");
        });
    }
}

package io.ascent.core.manifest.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.manifest.ManifestWorkspace;
import io.ascent.core.manifest.render.ToolRunner.ToolRun;
import io.ascent.core.report.ErrorKind;
import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import io.ascent.core.report.Status;
import io.ascent.core.report.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rendering through scripted tools: how the tool is found, run, bounded, and how its output maps to sources. */
class ManifestRendererTest {
    static final String PRIVILEGED_WEB = new WebDeployment().container("securityContext:\n  privileged: true\n")
            .yaml();

    /** What kustomize build prints for the overlay: the base's Deployment with its origin. */
    static final String KUSTOMIZE_OUTPUT = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              annotations:
                config.kubernetes.io/origin: |
                  configuredIn: ../deploy/overlays/prod/kustomization.yaml
                  configuredBy:
                    apiVersion: builtin
                    kind: ConfigMapGenerator
              name: settings-7h2f
            data:
              mode: production
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              annotations:
                config.kubernetes.io/origin: |
                  path: ../deploy/base/web.yaml
              name: prod-web
            spec:
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                  - image: nginx:1.27
                    name: web
                    securityContext:
                      privileged: true
            """;

    @TempDir
    Path repository;

    /** A checklist that renders the overlay deploy/overlays/prod, whose base is deploy/base. */
    static final String KUSTOMIZE_CHECKLIST = """
            kubernetes:
              version: "1.31"
              manifests: [deploy/]
              render:
                - kustomize: deploy/overlays/prod
            """;

    /** The Service in front of {@link #PRIVILEGED_WEB}. */
    static final String WEB_SERVICE = """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              selector: {app: web}
              ports: [{port: 80}]
            """;

    private ManifestWorkspace kustomizeRepository() {
        return new ManifestWorkspace(repository)
                .checklist(KUSTOMIZE_CHECKLIST)
                .write("deploy/base/kustomization.yaml", "resources: [web.yaml]\n")
                .write("deploy/base/web.yaml", PRIVILEGED_WEB)
                .write("deploy/overlays/prod/kustomization.yaml", """
                        resources: [../../base]
                        namePrefix: prod-
                        patches:
                          - path: replicas.yaml
                        configMapGenerator:
                          - name: settings
                            literals: [mode=production]
                        """)
                .write("deploy/overlays/prod/replicas.yaml", """
                        - op: replace
                          path: /spec/replicas
                          value: 3
                        """);
    }

    static List<Item> items(Report report, String id) {
        return report.items().stream().filter(item -> item.id().equals(id)).toList();
    }

    @Test
    void shouldHandEachObjectToTheSinkAsItIsReadKeepNoneAndRemoveTheOutputWhenClosed() throws Exception {
        ScriptedTools tools = ScriptedTools.printing(Set.of("kustomize"), KUSTOMIZE_OUTPUT);
        kustomizeRepository();
        List<String> seen = new java.util.ArrayList<>();
        Rendered rendered = tools.renderer().render(io.ascent.core.workspace.Workspace.of(repository),
                new io.ascent.core.checklist.RenderSetting(io.ascent.core.checklist.RenderSetting.Tool.KUSTOMIZE,
                        "deploy/overlays/prod", Optional.empty(), Optional.empty(), List.of(), null),
                "app", null, io.ascent.core.report.Location.of("ascent.yaml"),
                new io.ascent.core.manifest.ManifestLoader.Sink() {
                    @Override
                    public void resource(io.ascent.core.manifest.Resource resource) {
                        seen.add(resource.displayName());
                    }

                    @Override
                    public void problem(Item problem) {
                        seen.add("problem " + problem.message());
                    }
                });

        assertThat(seen).containsExactly("ConfigMap/settings-7h2f", "Deployment/prod-web");
        assertThat(rendered.objects()).as("the objects went to the sink, none is kept").isEmpty();
        assertThat(rendered.item().message()).contains(": 2 objects from 2 source files");
        assertThat(rendered.spool()).isDirectory();
        rendered.close();
        assertThat(rendered.spool()).doesNotExist();
    }

    @Test
    void shouldLeaveNoOutputBehindOnceTheManifestStepMappedItsFindings() throws Exception {
        ScriptedTools tools = ScriptedTools.printing(Set.of("kustomize"), KUSTOMIZE_OUTPUT);

        Report report = kustomizeRepository().validate(Optional.empty(), tools.renderer());

        assertThat(items(report, "manifest.privileged")).extracting(item -> item.location().toString())
                .containsExactly("deploy/base/web.yaml:16:25");
        try (Stream<Path> left = Files.list(repository)) {
            assertThat(left.map(path -> path.getFileName().toString())).noneMatch(name -> name.startsWith(".ascent"));
        }
    }

    @Test
    void shouldPointFindingsAtTheSourceFileWithTheRenderedLineAndReadTheBaseOnlyThroughTheRender() {
        ScriptedTools tools = ScriptedTools.printing(Set.of("kustomize"), KUSTOMIZE_OUTPUT);
        Report report = kustomizeRepository().validate(Optional.empty(), tools.renderer());

        List<Item> privileged = items(report, "manifest.privileged");
        assertThat(privileged).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.FAIL);
            assertThat(item.location().toString()).isEqualTo("deploy/base/web.yaml:16:25");
            assertThat(item.message()).endsWith("[rendered: line 32:23 of the output of "
                    + "'kustomize build deploy/overlays/prod']");
        });
        assertThat(items(report, ManifestRenderer.ID)).extracting(Item::status).containsExactly(Status.PASS);
        assertThat(items(report, ManifestRenderer.ID).get(0).message())
                .matches("rendered deploy/overlays/prod with kustomize in \\d+ ms: 2 objects from 2 source files");
        assertThat(items(report, "manifest.parse")).extracting(Item::status).containsExactly(Status.PASS);
        assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void shouldBuildThroughAWrapperAskingForOriginsOfflineAndRemoveItsWorkFolder() throws Exception {
        ScriptedTools tools = ScriptedTools.printing(Set.of("kustomize"), KUSTOMIZE_OUTPUT);
        kustomizeRepository().validate(Optional.empty(), tools.renderer());

        ScriptedTools.Call call = tools.calls.get(0);
        assertThat(call.argv().subList(0, 2)).containsExactly("kustomize", "build");
        Path work = Path.of(call.argv().get(2));
        assertThat(work.getParent()).isEqualTo(repository.toRealPath());
        assertThat(work.getFileName().toString()).startsWith(".ascent-render-");
        assertThat(call.wrapper()).contains("resources:\n- \"../deploy/overlays/prod\"\n")
                .contains("buildMetadata: [originAnnotations]");
        assertThat(call.environment()).containsEntry("HTTPS_PROXY", "http://127.0.0.1:9")
                .containsEntry("https_proxy", "http://127.0.0.1:9").containsEntry("NO_PROXY", "")
                .containsEntry("GIT_ALLOW_PROTOCOL", "file").containsEntry("HOME", work.toString());
        assertThat(work).doesNotExist();
        try (Stream<Path> left = Files.list(repository)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith(".ascent-render"));
        }
    }

    @Test
    void shouldFallBackToKubectlKustomizeWhenKustomizeIsNotInstalled() {
        ScriptedTools tools = ScriptedTools.printing(Set.of("kubectl"), KUSTOMIZE_OUTPUT);
        Report report = kustomizeRepository().validate(Optional.empty(), tools.renderer());

        assertThat(tools.calls).extracting(call -> call.argv().subList(0, 2))
                .containsExactly(List.of("kubectl", "kustomize"));
        assertThat(items(report, ManifestRenderer.ID).get(0).message()).contains("with kubectl kustomize in");
    }

    @Test
    void shouldSayHowToInstallKustomizeWhenNoToolIsOnThePath() {
        Report report = kustomizeRepository().validate(Optional.empty(),
                ScriptedTools.printing(Set.of(), "").renderer());

        assertThat(items(report, ManifestRenderer.ID)).singleElement().satisfies(item -> {
            assertThat(item.isError(ErrorKind.ENVIRONMENT)).isTrue();
            assertThat(item.message()).isEqualTo("cannot render 'deploy/overlays/prod': kustomize is not installed "
                    + "(not found on PATH)");
            assertThat(item.remediation()).contains("install kustomize").contains("or kubectl");
            assertThat(item.location().toString()).isEqualTo("ascent.yaml:9:7");
        });
        assertThat(report.verdict()).isEqualTo(Verdict.ENVIRONMENT_ERROR);
    }

    @Test
    void shouldNameTheRelativePathEntryAKustomizeWasRefusedThroughWhenNoOtherToolRuns(@TempDir Path tools)
            throws Exception {
        Path bin = Files.createDirectories(tools.resolve("bin"));
        Path kustomize = Files.writeString(bin.resolve("kustomize"), "#!/bin/sh\necho 'kind: ConfigMap'\n");
        kustomize.toFile().setExecutable(true);
        String entry = Path.of("").toAbsolutePath().relativize(bin).toString();
        ManifestRenderer renderer = new ManifestRenderer(new io.ascent.core.provision.command.RenderToolRunner(
                new io.ascent.core.provision.command.ProcessCommandRunner(java.util.Map.of("PATH", entry), 1 << 20,
                        io.ascent.core.provision.command.OperatingSystem.UNIX)), java.time.Duration.ofSeconds(30));

        Report report = kustomizeRepository().validate(Optional.empty(), renderer);

        assertThat(items(report, ManifestRenderer.ID)).singleElement().satisfies(item -> {
            assertThat(item.isError(ErrorKind.ENVIRONMENT)).isTrue();
            assertThat(item.message()).startsWith("cannot render 'deploy/overlays/prod': kustomize was found as "
                    + entry + "/kustomize through the relative PATH entry '" + entry + "'");
        });
        assertThat(report.verdict()).isEqualTo(Verdict.ENVIRONMENT_ERROR);
    }

    @Test
    void shouldSayWhenTheEmbeddingRunsNoExternalProgram() {
        Report report = kustomizeRepository().validate(Optional.empty(), ManifestRenderer.unavailable());

        assertThat(items(report, ManifestRenderer.ID)).singleElement().satisfies(item -> {
            assertThat(item.isError(ErrorKind.ENVIRONMENT)).isTrue();
            assertThat(item.message()).isEqualTo("cannot render 'deploy/overlays/prod': this embedding of Ascent "
                    + "runs no external program");
        });
    }

    @Test
    void shouldReportAFailedRenderAsBadInputWithTheToolsMessageBoundedAndWithoutLocalPaths() {
        String noise = "x".repeat(5000);
        ScriptedTools tools = new ScriptedTools(Set.of("kustomize"), argv -> ToolRun.exited(1, "",
                "Error: accumulating resources from '" + repository + "/deploy/missing': no such file " + noise));
        Report report = kustomizeRepository().validate(Optional.empty(), tools.renderer());

        Item item = items(report, ManifestRenderer.ID).get(0);
        assertThat(item.isError(ErrorKind.INPUT)).isTrue();
        assertThat(item.message()).startsWith("kustomize failed to render 'deploy/overlays/prod' (exit 1): Error: "
                + "accumulating resources from 'deploy/missing': no such file xxx")
                .doesNotContain(repository.toString())
                .endsWith("… (" + (("Error: accumulating resources from 'deploy/missing': no such file " + noise)
                        .length() - ManifestRenderer.MAX_MESSAGE_CHARS) + " more characters)");
        assertThat(item.remediation()).isEqualTo("run 'kustomize build deploy/overlays/prod' and fix what it says");
        assertThat(report.verdict()).isEqualTo(Verdict.INVALID_INPUT);
    }

    @Test
    void shouldReportARenderThatOutlivesItsTimeout() {
        ScriptedTools tools = new ScriptedTools(Set.of("kustomize"),
                argv -> new ToolRun(-1, "", "", false, true));
        Report report = kustomizeRepository().validate(Optional.empty(), tools.renderer());

        Item item = items(report, ManifestRenderer.ID).get(0);
        assertThat(item.isError(ErrorKind.INPUT)).isTrue();
        assertThat(item.message()).isEqualTo("kustomize did not finish rendering 'deploy/overlays/prod' within 30 s");
    }

    @Test
    void shouldRefuseOutputLargerThanTheLimit() {
        String huge = "# padding\n".repeat(ManifestRenderer.MAX_OUTPUT_BYTES / 10 + 1);
        Report report = kustomizeRepository().validate(Optional.empty(),
                ScriptedTools.printing(Set.of("kustomize"), huge).renderer());

        Item item = items(report, ManifestRenderer.ID).get(0);
        assertThat(item.isError(ErrorKind.INPUT)).isTrue();
        assertThat(item.message()).isEqualTo("kustomize printed more than 16 MiB rendering 'deploy/overlays/prod'; "
                + "Ascent reads at most that");
    }

    @Test
    void shouldRefuseRemoteBasesAndBasesOutsideTheRepositoryWithoutRunningTheTool() {
        ScriptedTools tools = ScriptedTools.printing(Set.of("kustomize"), KUSTOMIZE_OUTPUT);
        Report report = kustomizeRepository()
                .write("deploy/base/kustomization.yaml", """
                        resources:
                          - web.yaml
                          - https://github.com/example/app//deploy?ref=v1
                          - ../../../outside
                        """)
                .validate(Optional.empty(), tools.renderer());

        assertThat(tools.calls).isEmpty();
        Item item = items(report, ManifestRenderer.ID).get(0);
        assertThat(item.isError(ErrorKind.INPUT)).isTrue();
        assertThat(item.message()).isEqualTo("deploy/base/kustomization.yaml names "
                + "'https://github.com/example/app//deploy?ref=v1', which Kustomize would fetch over the network; "
                + "deploy/base/kustomization.yaml names '../../../outside', which is outside the repository; "
                + "Ascent renders only what the repository holds");
    }

    @Test
    void shouldRunHelmTemplateWithReleaseNamespaceValuesAndTargetVersionAndMapSourceLines() throws Exception {
        String output = "---\n# Source: web-chart/templates/service.yaml\n" + WEB_SERVICE
                + "---\n# Source: web-chart/templates/deployment.yaml\n" + PRIVILEGED_WEB;
        ScriptedTools tools = ScriptedTools.printing(Set.of("helm"), output);
        Report report = new ManifestWorkspace(repository)
                .checklist("""
                        kubernetes:
                          version: "1.29"
                          manifests: [chart/]
                          render:
                            - helm: chart
                              namespace: shop
                              values: [chart/values-ci.yaml]
                        """)
                .write("chart/Chart.yaml", "apiVersion: v2\nname: web-chart\nversion: 1.0.0\n")
                .write("chart/values.yaml", "replicas: 1\n")
                .write("chart/values-ci.yaml", "replicas: 2\n")
                .write("chart/templates/deployment.yaml", "{{- if .Values.enabled }}\nkind: Deployment\n{{ end }}\n")
                .write("chart/templates/service.yaml", "kind: Service\nspec: {{ toYaml .Values.svc | nindent 2 }}\n")
                .validate(Optional.empty(), tools.renderer());

        List<String> argv = tools.calls.get(0).argv();
        assertThat(argv).containsExactly("helm", "template", "app", repository.toRealPath().resolve("chart").toString(),
                "--namespace", "shop", "-f", repository.toRealPath().resolve("chart/values-ci.yaml").toString(),
                "--include-crds", "--kube-version", "1.29.0");
        assertThat(tools.calls.get(0).environment()).containsKeys("HELM_CACHE_HOME", "HELM_CONFIG_HOME",
                "HELM_DATA_HOME", "KUBECONFIG");
        assertThat(items(report, "manifest.privileged")).singleElement().satisfies(item -> {
            assertThat(item.location().toString()).isEqualTo("chart/templates/deployment.yaml");
            assertThat(item.message()).contains("[rendered: line 27:25 of the output of 'helm template app chart "
                    + "--namespace shop -f chart/values-ci.yaml --include-crds --kube-version 1.29.0']");
        });
        assertThat(items(report, "manifest.parse")).extracting(Item::status).containsExactly(Status.PASS);
        assertThat(items(report, ManifestRenderer.ID)).extracting(Item::status).containsExactly(Status.PASS);
    }

    /**
     * podinfo renders its chart twice, with the default values and with values-prod.yaml: each render's findings are
     * mapped through its own output and name its own command (they once took the first render's, which put the
     * second's Deployment at a test Pod's template and named 'helm template' of the first release).
     */
    @Test
    void shouldMapEachRenderOfTheSameChartThroughItsOwnOutput() {
        String first = "---\n# Source: web-chart/templates/settings.yaml\n"
                + "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n"
                + java.util.stream.IntStream.range(0, 20).mapToObj(i -> "  key" + i + ": value\n")
                        .collect(java.util.stream.Collectors.joining())
                + "---\n# Source: web-chart/templates/service.yaml\n" + WEB_SERVICE
                + "---\n# Source: web-chart/templates/deployment.yaml\n" + PRIVILEGED_WEB;
        String second = "---\n# Source: web-chart/templates/deployment.yaml\n" + PRIVILEGED_WEB
                + "---\n# Source: web-chart/templates/service.yaml\n" + WEB_SERVICE;
        ScriptedTools tools = new ScriptedTools(Set.of("helm"),
                argv -> ToolRun.exited(0, argv.contains("prod") ? second : first, ""));
        Report report = new ManifestWorkspace(repository)
                .checklist("""
                        kubernetes:
                          version: "1.29"
                          render:
                            - helm: chart
                              releaseName: web
                              namespace: dev
                            - helm: chart
                              releaseName: prod
                              namespace: prod
                              values: [chart/values-prod.yaml]
                        """)
                .write("chart/Chart.yaml", "apiVersion: v2\nname: web-chart\nversion: 1.0.0\n")
                .write("chart/values.yaml", "replicas: 1\n")
                .write("chart/values-prod.yaml", "replicas: 2\n")
                .write("chart/templates/deployment.yaml", "kind: Deployment\n")
                .write("chart/templates/service.yaml", "kind: Service\n")
                .write("chart/templates/settings.yaml", "kind: ConfigMap\n")
                .validate(Optional.empty(), tools.renderer());

        assertThat(items(report, "manifest.privileged")).hasSize(2).allSatisfy(item ->
                assertThat(item.location().path()).isEqualTo("chart/templates/deployment.yaml"));
        assertThat(items(report, "manifest.privileged")).extracting(Item::message).anySatisfy(message ->
                assertThat(message).contains("of the output of 'helm template web chart --namespace dev "
                        + "--include-crds --kube-version 1.29.0']"))
                .anySatisfy(message -> assertThat(message).contains("of the output of 'helm template prod chart "
                        + "--namespace prod -f chart/values-prod.yaml --include-crds --kube-version 1.29.0']"));
    }

    @Test
    void shouldAdviseBuildingChartDependenciesWhenHelmMissesThem() {
        ScriptedTools tools = new ScriptedTools(Set.of("helm"), argv -> ToolRun.exited(1, "",
                "Error: An error occurred while checking for chart dependencies. You may need to run `helm dependency "
                        + "build` to fetch missing dependencies: found in Chart.yaml, but missing in charts/ directory: "
                        + "redis"));
        Report report = new ManifestWorkspace(repository)
                .checklist("kubernetes:\n  render:\n    - helm: chart\n      releaseName: shop\n")
                .write("chart/Chart.yaml", "apiVersion: v2\nname: shop\nversion: 1.0.0\ndependencies:\n"
                        + "  - name: redis\n    version: 1.0.0\n    repository: https://charts.example.com\n")
                .validate(Optional.empty(), tools.renderer());

        Item item = items(report, ManifestRenderer.ID).get(0);
        assertThat(item.isError(ErrorKind.INPUT)).isTrue();
        assertThat(item.message()).startsWith("helm failed to render 'chart' (exit 1): Error: An error occurred");
        assertThat(item.remediation()).startsWith("run 'helm dependency build' for the chart before Ascent");
        assertThat(tools.calls.get(0).argv()).doesNotContain("--dependency-update").contains("shop");
    }

    /** What Helm 3.22 says when cert-manager's values.schema.json refuses values, a subchart's included. */
    static final String VALUES_SCHEMA_ERROR = """
            Error: values don't meet the specifications of the schema(s) in the following chart(s):
            shop:
            - at '': validation failed
              - at '/replicaCount': got string, want number
              - at '/webhook': validation failed
                - at '/webhook/timeoutSeconds': got string, want number
                - at '/webhook': additional properties 'replicaCont' not allowed
            redis:
            - at '/port': got string, want number
            """;

    @Test
    void shouldReportAValueTheChartsSchemaRefusesAtTheValuesFileLineThatSetsIt() {
        ScriptedTools tools = new ScriptedTools(Set.of("helm"), argv -> ToolRun.exited(1, "", VALUES_SCHEMA_ERROR));
        Report report = new ManifestWorkspace(repository)
                .checklist("kubernetes:\n  render:\n    - helm: chart\n      releaseName: shop\n"
                        + "      values: [ci/base.yaml, ci/broken.yaml]\n")
                .write("chart/Chart.yaml", "apiVersion: v2\nname: shop\nversion: 1.0.0\n")
                .write("chart/values.yaml", "replicaCount: 1\nwebhook:\n  timeoutSeconds: 10\n")
                .write("ci/base.yaml", "replicaCount: 2\nwebhook:\n  timeoutSeconds: \"x\"\n")
                .write("ci/broken.yaml", "# the CI values\nwebhook:\n  replicaCont: 2\nreplicaCount: two\n")
                .validate(Optional.empty(), tools.renderer());

        Item item = items(report, ManifestRenderer.ID).get(0);
        assertThat(item.isError(ErrorKind.INPUT)).isTrue();
        // the last file that sets a value is the one Helm used; a misspelt key is at the key; in file order
        assertThat(item.location().toString()).isEqualTo("ci/base.yaml:3:19");
        assertThat(item.message()).startsWith("helm failed to render 'chart' (exit 1): Error: values don't meet");
        assertThat(item.remediation()).isEqualTo("change the values that chart/values.schema.json refuses: "
                + "webhook.timeoutSeconds at ci/base.yaml:3:19 (got string, want number); webhook.replicaCont at "
                + "ci/broken.yaml:3:3 (additional properties 'replicaCont' not allowed); replicaCount at "
                + "ci/broken.yaml:4:15 (got string, want number)");
    }

    @Test
    void shouldReportASubchartValueTheSchemaRefusesAtTheRenderEntryWithHelmsWords() {
        ScriptedTools tools = new ScriptedTools(Set.of("helm"), argv -> ToolRun.exited(1, "",
                VALUES_SCHEMA_ERROR.substring(VALUES_SCHEMA_ERROR.indexOf("redis:"))));
        Report report = new ManifestWorkspace(repository)
                .checklist("kubernetes:\n  render:\n    - helm: chart\n      releaseName: shop\n")
                .write("chart/Chart.yaml", "apiVersion: v2\nname: shop\nversion: 1.0.0\n")
                .write("chart/values.yaml", "port: 80\nredis:\n  port: \"x\"\n")
                .validate(Optional.empty(), tools.renderer());

        // a subchart's values come from the parent's file under its name or its own values.yaml: not told apart
        Item item = items(report, ManifestRenderer.ID).get(0);
        assertThat(item.location().path()).isEqualTo("ascent.yaml");
        assertThat(item.remediation()).startsWith("run 'helm template shop chart");
    }

    @Test
    void shouldNameTheLoadRestrictorWhenAKustomizationNamesAFileOutsideItsFolder() {
        // kubernetes-sigs/cluster-api test/e2e/data/infrastructure-docker/main/cluster-template: resources
        // ../bases/cluster-with-kcp.yaml, built by its Makefile with --load-restrictor LoadRestrictionsNone
        ScriptedTools tools = new ScriptedTools(Set.of("kustomize"), argv -> ToolRun.exited(1, "",
                "Error: accumulating resources: accumulation err='accumulating resources from '../flavor': 'flavor'"
                        + " must resolve to a file': recursed accumulation of path 'flavor': accumulating resources:"
                        + " accumulation err='accumulating resources from '../bases/cluster.yaml': security; file"
                        + " 'bases/cluster.yaml' is not in or below 'flavor'': must build at directory:"
                        + " 'bases/cluster.yaml': file is not directory"));
        Report report = new ManifestWorkspace(repository)
                .checklist("kubernetes:\n  render:\n    - kustomize: flavor\n")
                .write("flavor/kustomization.yaml", "resources:\n- ../bases/cluster.yaml\n")
                .write("bases/cluster.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n")
                .validate(Optional.empty(), tools.renderer());

        Item item = items(report, ManifestRenderer.ID).get(0);
        assertThat(item.isError(ErrorKind.INPUT)).isTrue();
        assertThat(item.remediation()).startsWith("the kustomization names '../bases/cluster.yaml', a file outside"
                + " its own folder, which kustomize builds only with --load-restrictor LoadRestrictionsNone");
    }

    @Test
    void shouldReportASourceFileKustomizeCannotReadAtItsOwnLine() {
        // kubernetes/ingress-nginx deploy/static/provider/kind/deploy.yaml with a selector label one space too deep
        // at line 386: kustomize says 'line 20' (of the document), the line in the file is Ascent's to find
        ScriptedTools tools = new ScriptedTools(Set.of("kustomize"), argv -> ToolRun.exited(1, "",
                "Error: accumulating resources: accumulation err='accumulating resources from '../kind': 'kind' must"
                        + " resolve to a file': recursed accumulation of path 'kind': accumulating resources:"
                        + " accumulating resources from 'deploy.yaml': MalformedYAMLError: yaml: line 6: mapping"
                        + " values are not allowed in this context in File: deploy.yaml"));
        Report report = new ManifestWorkspace(repository)
                .checklist("kubernetes:\n  render:\n    - kustomize: kind\n")
                .write("kind/kustomization.yaml", "resources:\n- deploy.yaml\n")
                .write("kind/deploy.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n---\n"
                        + "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n"
                        + "    app: web\n     tier: front\n")
                .validate(Optional.empty(), tools.renderer());

        Item item = items(report, ManifestRenderer.ID).get(0);
        assertThat(item.isError(ErrorKind.INPUT)).isTrue();
        assertThat(item.location()).hasToString("kind/deploy.yaml:13:6");
        assertThat(item.message()).startsWith("kustomize failed to render 'kind': 'tier' on line 13")
                .endsWith("(kustomize says: MalformedYAMLError: yaml: line 6: mapping values are not allowed in this"
                        + " context in File: deploy.yaml)");
        assertThat(item.remediation()).isEqualTo("fix the file so that it is valid YAML, then run 'kustomize build"
                + " kind'");
    }
}

package io.ascent.core.manifest.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.manifest.ManifestWorkspace;
import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import io.ascent.core.report.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks that judge the whole manifest set (a Service and the workloads it selects, a workload and its
 * PodDisruptionBudget, a custom resource and its CRD (schema, validation rules), a ClusterAPI object's files and the object naming the version
 * of the nodes that read them) when part of the set was not read: what they looked for may
 * sit in a file that did not parse (or a render that failed, or a chart or kustomization left unrendered), so "absent" becomes a SKIP naming that file and where to fix it, never a FAIL
 * whose remedy sends the user to write what is already written. With every file read they fail as before, and a
 * finding about something present and wrong stays a FAIL whatever else did not parse.
 */
class PartialSetTest {
    private static final String SERVICE = """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              selector:
                app: web
              ports:
                - port: 80
            """;
    private static final String WEB = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: 3
              selector:
                matchLabels:
                  app: web
              template:
                metadata:
                  labels:
                    app: web
                spec:
                  containers:
                    - name: web
                      image: nginx:1.27.3
            """;
    /** {@link #WEB} with {@code image} one space short: a YAML syntax error at line 17. */
    private static final String WEB_BROKEN = WEB.replace("      image:", "     image:");
    private static final String BUDGET = """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata:
              name: web
            spec:
              minAvailable: 1
              selector:
                matchLabels:
                  app: web
            """;
    private static final String BUDGET_BROKEN = BUDGET.replace("      app: web", "      app: web: x");
    private static final String WIDGET = """
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: blue
            spec:
              size: 3
            """;
    private static final String WIDGET_CRD = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: widgets.example.com
            spec:
              group: example.com
              names: {kind: Widget, plural: widgets, singular: widget, listKind: WidgetList}
              scope: Namespaced
              versions:
                - name: v1
                  served: true
                  storage: true
                  schema:
                    openAPIV3Schema:
                      type: object
                      properties:
                        spec:
                          type: object
                          properties:
                            size: {type: integer}
            """;
    private static final String WIDGET_CRD_BROKEN = WIDGET_CRD.replace("{type: integer}", "{type: integer");

    @TempDir
    Path repository;

    private ManifestWorkspace workspace() {
        return new ManifestWorkspace(repository).checklist("kubernetes:\n  version: \"1.31\"\n  manifests: [deploy/]\n");
    }

    // --- manifest.service-selector

    @Test
    void shouldSkipAServiceWhoseWorkloadMayBeInAFileThatDidNotParse() {
        Report report = workspace().write("deploy/service.yaml", SERVICE).write("deploy/web.yaml", WEB_BROKEN)
                .validate(Optional.empty());

        Item only = single(report, ServiceSelectorCheck.ID);
        assertThat(only.status()).isEqualTo(Status.SKIP);
        assertThat(only.location().path()).isEqualTo("deploy/service.yaml");
        assertThat(only.message()).isEqualTo("Service/web selects app=web, which no workload in the manifests that"
                + " were read has; deploy/web.yaml could not be read and may hold the workload it fronts: fix "
                + parseError(report, "deploy/web.yaml") + " first (manifest.parse)");
        assertThat(parseError(report, "deploy/web.yaml")).startsWith("deploy/web.yaml:17:");
    }

    @Test
    void shouldPassTheServiceOnceThatFileParses() {
        Item only = single(workspace().write("deploy/service.yaml", SERVICE).write("deploy/web.yaml", WEB)
                .validate(Optional.empty()), ServiceSelectorCheck.ID);

        assertThat(only.status()).isEqualTo(Status.PASS);
        assertThat(only.message()).isEqualTo("1 Service: its selector matches the pods of a workload");
    }

    @Test
    void shouldStillFailAServiceThatMatchesNothingWhenEveryFileParses() {
        Item only = single(workspace().write("deploy/service.yaml", SERVICE)
                .write("deploy/web.yaml", WEB.replace("app: web", "app: website")).validate(Optional.empty()),
                ServiceSelectorCheck.ID);

        assertThat(only.status()).isEqualTo(Status.FAIL);
        assertThat(only.message()).contains("but no workload in these manifests has pods with those labels");
    }

    @Test
    void shouldSkipAServiceWhenALinkOutOfTheRepositoryWasNotFollowed() throws Exception {
        ManifestWorkspace workspace = workspace().write("deploy/service.yaml", SERVICE);
        Path outside = Files.createTempFile("web", ".yaml");
        try {
            Files.writeString(outside, WEB);
            Files.createSymbolicLink(repository.resolve("deploy/web.yaml"), outside);
            Item only = single(workspace.validate(Optional.empty()), ServiceSelectorCheck.ID);

            assertThat(only.status()).isEqualTo(Status.SKIP);
            assertThat(only.message()).contains("deploy/web.yaml could not be read and may hold the workload it"
                    + " fronts: fix deploy/web.yaml first (manifest.parse)");
        } finally {
            Files.delete(outside);
        }
    }

    @Test
    void shouldSkipAServiceWhenARenderFailed() {
        Report report = new ManifestWorkspace(repository).checklist("""
                kubernetes:
                  version: "1.31"
                  manifests: [deploy/]
                  render:
                    - kustomize: overlays/prod
                """).write("deploy/service.yaml", SERVICE).write("overlays/prod/kustomization.yaml",
                "resources: []\n").validate(Optional.empty());

        Item only = single(report, ServiceSelectorCheck.ID);
        assertThat(only.status()).isEqualTo(Status.SKIP);
        Item render = report.items().stream().filter(i -> i.id().equals("manifest.render")
                && i.status() == Status.ERROR).findFirst().orElseThrow();
        assertThat(only.message()).endsWith("the kubernetes.render entry at " + render.location() + " failed and may"
                + " hold the workload it fronts: fix " + render.location() + " first (manifest.render)");
    }

    @Test
    void shouldNameAtMostThreeUnreadFilesAndCountTheRest() {
        ManifestWorkspace workspace = workspace().write("deploy/service.yaml", SERVICE);
        for (String name : List.of("a", "b", "c", "d")) {
            workspace.write("deploy/" + name + ".yaml", "kind: [\n");
        }
        Report report = workspace.validate(Optional.empty());

        Item only = single(report, ServiceSelectorCheck.ID);
        assertThat(only.status()).isEqualTo(Status.SKIP);
        assertThat(only.message()).endsWith("; 4 files could not be read and may hold the workload it fronts: fix "
                + parseError(report, "deploy/a.yaml") + ", " + parseError(report, "deploy/b.yaml") + ", "
                + parseError(report, "deploy/c.yaml") + " (and 1 more) first (manifest.parse)");
    }

    // --- sources left unrendered (manifest.render SKIP): hidden objects, unless the source builds none

    private static final String CHART = "apiVersion: v2\nname: web\nversion: 0.1.0\n";

    @Test
    void shouldSkipAServiceWhoseWorkloadMayComeFromAnUnrenderedChart() {
        Report report = workspace().write("deploy/service.yaml", SERVICE).write("deploy/web/Chart.yaml", CHART)
                .write("deploy/web/templates/deployment.yaml", WEB).validate(Optional.empty());

        Item only = single(report, ServiceSelectorCheck.ID);
        assertThat(only.status()).isEqualTo(Status.SKIP);
        assertThat(only.message()).endsWith("; the Helm chart deploy/web was not rendered (kubernetes.render does not"
                + " name it) and may hold the workload it fronts: render deploy/web first (manifest.render)");
    }

    @Test
    void shouldStillFailAServiceWhenTheUnrenderedChartHasNoTemplate() {
        // values and partials render nothing: no object hides there
        Item only = single(workspace().write("deploy/service.yaml", SERVICE).write("deploy/web/Chart.yaml", CHART)
                .write("deploy/web/values.yaml", "replicas: 3\n")
                .write("deploy/web/templates/_helpers.tpl", "{{- define \"web.name\" -}}web{{- end }}\n")
                .validate(Optional.empty()), ServiceSelectorCheck.ID);

        assertThat(only.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void shouldStillFailAServiceWhenTheUnrenderedChartIsALibrary() {
        Item only = single(workspace().write("deploy/service.yaml", SERVICE)
                .write("deploy/web/Chart.yaml", CHART + "type: library\n")
                .write("deploy/web/templates/deployment.yaml", WEB).validate(Optional.empty()),
                ServiceSelectorCheck.ID);

        assertThat(only.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void shouldSkipAServiceWhoseWorkloadMayComeFromAnUnrenderedChartsSubchart() {
        Item only = single(workspace().write("deploy/service.yaml", SERVICE).write("deploy/web/Chart.yaml", CHART)
                .write("deploy/web/charts/backend-0.1.0.tgz", "not read by Ascent\n").validate(Optional.empty()),
                ServiceSelectorCheck.ID);

        assertThat(only.status()).isEqualTo(Status.SKIP);
        assertThat(only.message()).contains("the Helm chart deploy/web was not rendered");
    }

    @Test
    void shouldSkipAServiceWhoseWorkloadMayComeFromAnUnrenderedKustomizationsBase() {
        Report report = workspace().write("deploy/service.yaml", SERVICE)
                .write("deploy/kustomization.yaml", "resources: [service.yaml, ../base]\n")
                .write("base/kustomization.yaml", "resources: [web.yaml]\n").write("base/web.yaml", WEB)
                .validate(Optional.empty());

        Item only = single(report, ServiceSelectorCheck.ID);
        assertThat(only.status()).isEqualTo(Status.SKIP);
        assertThat(only.message()).endsWith("; the kustomization deploy was not rendered (kubernetes.render does not"
                + " name it) and may hold the workload it fronts: render deploy first (manifest.render)");
    }

    @Test
    void shouldSkipAServiceWhoseWorkloadsLabelsAnUnrenderedKustomizationMayChange() {
        // the file is read as it is, but Kustomize would label its pods app=web
        Item only = single(workspace().write("deploy/service.yaml", SERVICE)
                .write("deploy/web.yaml", WEB.replace("app: web", "tier: front"))
                .write("deploy/kustomization.yaml", "resources: [service.yaml, web.yaml]\nlabels:\n"
                        + "  - pairs: {app: web}\n    includeSelectors: true\n").validate(Optional.empty()),
                ServiceSelectorCheck.ID);

        assertThat(only.status()).isEqualTo(Status.SKIP);
        assertThat(only.message()).contains("the kustomization deploy was not rendered");
    }

    @Test
    void shouldStillFailAServiceWhenTheUnrenderedKustomizationOnlyListsFilesReadAsTheyAre() {
        Item only = single(workspace().write("deploy/service.yaml", SERVICE)
                .write("deploy/web.yaml", WEB.replace("app: web", "app: website"))
                .write("deploy/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1beta1\n"
                        + "kind: Kustomization\nresources: [service.yaml, web.yaml]\n").validate(Optional.empty()),
                ServiceSelectorCheck.ID);

        assertThat(only.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void shouldStillFailAServiceWhenTheUnrenderedKustomizationBuildsNothing() {
        // labels for nothing: no resource, no generator
        Item only = single(workspace().write("deploy/service.yaml", SERVICE)
                .write("deploy/kustomization.yaml", "resources: []\ncommonLabels: {app: web}\n")
                .validate(Optional.empty()),
                ServiceSelectorCheck.ID);

        assertThat(only.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void shouldSkipAServiceWhoseWorkloadMayComeFromAnUnrenderedComponent() {
        Item only = single(workspace().write("deploy/service.yaml", SERVICE)
                .write("deploy/web/kustomization.yaml", "apiVersion: kustomize.config.k8s.io/v1alpha1\n"
                        + "kind: Component\nresources: [../../base/web.yaml]\n").write("base/web.yaml", WEB)
                .validate(Optional.empty()), ServiceSelectorCheck.ID);

        assertThat(only.status()).isEqualTo(Status.SKIP);
        assertThat(only.message()).endsWith("; the Kustomize component deploy/web was not rendered (a component is"
                + " rendered through a kustomization that uses it, and kubernetes.render names none that does) and"
                + " may hold the workload it fronts: render deploy/web first (manifest.render)");
    }

    @Test
    void shouldNameUnreadFilesAndUnrenderedSourcesTogether() {
        Report report = workspace().write("deploy/service.yaml", SERVICE).write("deploy/api.yaml", WEB_BROKEN)
                .write("deploy/web/Chart.yaml", CHART).write("deploy/web/templates/deployment.yaml", WEB)
                .validate(Optional.empty());

        assertThat(single(report, ServiceSelectorCheck.ID).message()).endsWith("; 2 parts of the manifests were not"
                + " read and may hold the workload it fronts: fix " + parseError(report, "deploy/api.yaml")
                + " (manifest.parse), render deploy/web (manifest.render) first");
    }

    // --- manifest.pod-disruption-budget

    @Test
    void shouldSkipAWorkloadWhoseBudgetMayBeInAFileThatDidNotParse() {
        Report report = workspace().write("deploy/web.yaml", WEB).write("deploy/pdb.yaml", BUDGET_BROKEN)
                .validate(Optional.empty());

        Item only = single(report, PodDisruptionBudgetCheck.ID);
        assertThat(only.status()).isEqualTo(Status.SKIP);
        assertThat(only.location().path()).isEqualTo("deploy/web.yaml");
        assertThat(only.message()).isEqualTo("Deployment/web runs 3 replicas and no PodDisruptionBudget in the"
                + " manifests that were read selects its pods; deploy/pdb.yaml could not be read and may hold its"
                + " budget: fix " + parseError(report, "deploy/pdb.yaml") + " first (manifest.parse)");
    }

    @Test
    void shouldPassTheWorkloadOnceItsBudgetParses() {
        Item only = single(workspace().write("deploy/web.yaml", WEB).write("deploy/pdb.yaml", BUDGET)
                .validate(Optional.empty()), PodDisruptionBudgetCheck.ID);

        assertThat(only.status()).isEqualTo(Status.PASS);
        assertThat(only.message()).isEqualTo("1 replicated workload has a PodDisruptionBudget");
    }

    @Test
    void shouldStillWarnAboutAnUncoveredWorkloadWhenEveryFileParses() {
        Item only = single(workspace().write("deploy/web.yaml", WEB)
                .write("deploy/pdb.yaml", BUDGET.replace("app: web", "app: api")).validate(Optional.empty()),
                PodDisruptionBudgetCheck.ID);

        assertThat(only.status()).isEqualTo(Status.WARN);
        assertThat(only.message()).contains("but no PodDisruptionBudget in these manifests selects its pods");
    }

    // --- manifest.schema

    @Test
    void shouldNotAskForACrdThatMayBeInAFileThatDidNotParse() {
        Report report = workspace().write("deploy/widget.yaml", WIDGET).write("deploy/crd.yaml", WIDGET_CRD_BROKEN)
                .validate(Optional.empty());

        Item only = single(report, SchemaCheck.ID);
        assertThat(only.status()).isEqualTo(Status.SKIP);
        assertThat(only.message()).endsWith("; deploy/crd.yaml could not be read and may hold its CRD: fix "
                + parseError(report, "deploy/crd.yaml") + " first (manifest.parse); otherwise add its CRD to the"
                + " manifests or a schemaLocation");
    }

    @Test
    void shouldValidateTheCustomResourceOnceItsCrdParses() {
        Item only = single(workspace().write("deploy/widget.yaml", WIDGET).write("deploy/crd.yaml", WIDGET_CRD)
                .validate(Optional.empty()), SchemaCheck.ID);

        assertThat(only.status()).isEqualTo(Status.PASS);
        assertThat(only.message()).isEqualTo("2 resources match their schemas");
    }

    @Test
    void shouldAskForTheCrdAsBeforeWhenEveryFileParses() {
        Item only = single(workspace().write("deploy/widget.yaml", WIDGET).validate(Optional.empty()),
                SchemaCheck.ID);

        assertThat(only.status()).isEqualTo(Status.SKIP);
        assertThat(only.message()).endsWith("in the default location; add its CRD to the manifests or a"
                + " schemaLocation");
    }

    @Test
    void shouldNotAskForAClusterApiCrdThatMayBeInAFileThatDidNotParse() {
        // without kubernetes.clusterApi.version the advice is to set it, or add the CRD: the CRD may be in that file
        Report report = workspace().write("deploy/cluster.yaml", "apiVersion: cluster.x-k8s.io/v1beta1\nkind: Cluster\n"
                + "metadata: {name: c}\n").write("deploy/crd.yaml", WIDGET_CRD_BROKEN).validate(Optional.empty());

        Item only = single(report, SchemaCheck.ID);
        assertThat(only.status()).isEqualTo(Status.SKIP);
        assertThat(only.message()).isEqualTo("Cluster/c: no schema for cluster.x-k8s.io/v1beta1 Cluster (Kubernetes 1.31)"
                + " in the default location; deploy/crd.yaml could not be read and may hold its CRD: fix "
                + parseError(report, "deploy/crd.yaml") + " first (manifest.parse); otherwise set"
                + " kubernetes.clusterApi.version to the ClusterAPI release the cluster runs, so that Ascent's bundled"
                + " ClusterAPI CRDs apply, or add its CRD to the manifests or a schemaLocation");
    }

    @Test
    void shouldKeepAdviceNoCrdWouldFollowWhateverElseDidNotParse() {
        // a built-in kind its group does not have is misspelt: no CRD, in an unread file or not, gives it a schema
        Report report = workspace().write("deploy/web.yaml", WEB.replace("kind: Deployment", "kind: Deploymnet"))
                .write("deploy/crd.yaml", WIDGET_CRD_BROKEN).validate(Optional.empty());

        Item only = single(report, SchemaCheck.ID);
        assertThat(only.status()).isEqualTo(Status.SKIP);
        assertThat(only.message()).isEqualTo("Deploymnet/web: no schema for apps/v1 Deploymnet (Kubernetes 1.31) in the"
                + " default location; its API group is built in and has no such kind in the releases Ascent knows: check the"
                + " kind and apiVersion (manifest.api-version)");
    }

    @Test
    void shouldStillFailAWrongFieldWhateverElseDidNotParse() {
        Report report = workspace().write("deploy/widget.yaml", WIDGET.replace("size: 3", "size: three"))
                .write("deploy/crd.yaml", WIDGET_CRD).write("deploy/web.yaml", WEB_BROKEN).validate(Optional.empty());

        Item only = single(report, SchemaCheck.ID);
        assertThat(only.status()).isEqualTo(Status.FAIL);
        assertThat(only.location().path()).isEqualTo("deploy/widget.yaml");
    }

    // --- manifest.validation-rules

    /** {@link #WIDGET_CRD} with a rule on the spec: at most 5. */
    private static final String RULED_CRD = WIDGET_CRD.replace("size: {type: integer}\n",
            "size: {type: integer}\n" + " ".repeat(14) + "x-kubernetes-validations: [{rule: \"self.size <= 5\"}]\n");

    @Test
    void shouldSkipACustomResourceWhoseCrdMayBeInAFileThatDidNotParse() {
        Report report = workspace().write("deploy/widget.yaml", WIDGET).write("deploy/crd.yaml", WIDGET_CRD_BROKEN)
                .validate(Optional.empty());

        Item only = single(report, ValidationRulesCheck.ID);
        assertThat(only.status()).isEqualTo(Status.SKIP);
        assertThat(only.message()).isEqualTo("the custom resource Widget/blue could not be judged: no CRD for it in"
                + " the manifests that were read; deploy/crd.yaml could not be read and may hold it: fix "
                + parseError(report, "deploy/crd.yaml") + " first (manifest.parse)");
    }

    @Test
    void shouldJudgeTheCustomResourceOnceItsCrdParses() {
        Item only = single(workspace().write("deploy/widget.yaml", WIDGET).write("deploy/crd.yaml", RULED_CRD)
                .validate(Optional.empty()), ValidationRulesCheck.ID);

        assertThat(only.status()).isEqualTo(Status.PASS);
        assertThat(only.message()).isEqualTo("1 custom resource satisfies the validation rules of its CRD");
    }

    @Test
    void shouldStillFailABrokenRuleWhateverElseDidNotParse() {
        Item only = single(workspace().write("deploy/widget.yaml", WIDGET.replace("size: 3", "size: 9"))
                .write("deploy/crd.yaml", RULED_CRD).write("deploy/web.yaml", WEB_BROKEN).validate(Optional.empty()),
                ValidationRulesCheck.ID);

        assertThat(only.status()).isEqualTo(Status.FAIL);
        assertThat(only.location().path()).isEqualTo("deploy/widget.yaml");
    }

    @Test
    void shouldNotSkipACustomResourceWhoseCrdWasReadWithoutRules() {
        Item only = single(workspace().write("deploy/widget.yaml", WIDGET).write("deploy/crd.yaml", WIDGET_CRD)
                .write("deploy/web.yaml", WEB_BROKEN).validate(Optional.empty()), ValidationRulesCheck.ID);

        assertThat(only.status()).isEqualTo(Status.PASS);
    }

    // --- manifest.api-version: the files of ClusterAPI objects, judged against their nodes' version

    /** A worker template whose file holds a kubelet configuration kind served from Kubernetes 1.26. */
    private static final String WORKER_TEMPLATE = """
            apiVersion: bootstrap.cluster.x-k8s.io/v1beta1
            kind: KubeadmConfigTemplate
            metadata: {name: md-0}
            spec:
              template:
                spec:
                  files:
                  - path: /etc/kubernetes/credential-providers.yaml
                    content: |
                      apiVersion: kubelet.config.k8s.io/v1
                      kind: CredentialProviderConfig
            """;
    /** The MachineDeployment whose nodes read it, running Kubernetes 1.26. */
    private static final String MACHINE_DEPLOYMENT = """
            apiVersion: cluster.x-k8s.io/v1beta1
            kind: MachineDeployment
            metadata: {name: md-0}
            spec:
              template:
                spec:
                  version: v1.26.0
                  bootstrap:
                    configRef: {kind: KubeadmConfigTemplate, name: md-0}
            """;

    private ManifestWorkspace clusterApi() {
        return new ManifestWorkspace(repository).checklist("kubernetes:\n  version: \"1.25\"\n  manifests: [deploy/]\n"
                + "  checks: {manifest.schema: {enabled: false}}\n").write("deploy/template.yaml", WORKER_TEMPLATE);
    }

    @Test
    void shouldNotJudgeNodeFilesByTheTargetWhenTheObjectNamingTheirVersionMayBeInAFileThatDidNotParse() {
        Report report = clusterApi().write("deploy/md.yaml", MACHINE_DEPLOYMENT.replace("  version:", " version:"))
                .validate(Optional.empty());

        List<Item> items = report.items().stream().filter(i -> i.id().equals(ApiVersionCheck.ID)
                && i.status() != Status.PASS).toList();
        assertThat(items).as(report.items().toString()).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.SKIP);
            assertThat(item.location()).hasToString("deploy/template.yaml:10:23");
            assertThat(item.message()).contains("kubelet.config.k8s.io/v1 CredentialProviderConfig is served from"
                    + " Kubernetes 1.26").endsWith(" (judged against the target 1.25, since no manifest that was read"
                    + " names the Kubernetes version of the nodes that read its files; deploy/md.yaml could not be"
                    + " read and may hold the object that names it: fix " + parseError(report, "deploy/md.yaml")
                    + " first (manifest.parse))");
        });
    }

    @Test
    void shouldJudgeNodeFilesByTheirNodesOnceThatFileParses() {
        List<Item> items = clusterApi().write("deploy/md.yaml", MACHINE_DEPLOYMENT)
                .validate(ApiVersionCheck.ID, Optional.empty());

        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.PASS);
            assertThat(item.message()).contains("in ClusterAPI objects' files, by their nodes' Kubernetes 1.26");
        });
    }

    @Test
    void shouldStillFailNodeFilesTheirNodesDoNotServeWhenEveryFileParses() {
        List<Item> items = clusterApi().write("deploy/md.yaml", MACHINE_DEPLOYMENT.replace("v1.26.0", "v1.24.0"))
                .validate(ApiVersionCheck.ID, Optional.empty());

        assertThat(items).filteredOn(i -> i.status() != Status.PASS).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.FAIL);
            assertThat(item.message()).contains("MachineDeployment/md-0 spec.template.spec.version v1.24.0");
        });
    }

    @Test
    void shouldStillFailNodeFilesByTheTargetWhenNoManifestNamesTheirVersionAndEveryFileParses() {
        List<Item> items = clusterApi().validate(ApiVersionCheck.ID, Optional.empty());

        assertThat(items).filteredOn(i -> i.status() != Status.PASS).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.FAIL);
            assertThat(item.message()).contains("served from Kubernetes 1.26").doesNotContain("could not be read");
        });
    }

    /** The one item of check {@code id}. */
    private static Item single(Report report, String id) {
        List<Item> items = report.items().stream().filter(i -> i.id().equals(id)).toList();
        assertThat(items).as(report.items().toString()).hasSize(1);
        return items.get(0);
    }

    /** Where the {@code manifest.parse} ERROR of {@code path} is, as messages write it. */
    private static String parseError(Report report, String path) {
        return report.items().stream().filter(i -> i.id().equals("manifest.parse") && i.status() == Status.ERROR
                && i.location().path().equals(path)).findFirst().orElseThrow().location().toString();
    }
}

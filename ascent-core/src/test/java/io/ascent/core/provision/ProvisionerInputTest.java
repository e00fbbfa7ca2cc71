package io.ascent.core.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ascent.core.Ascent;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.provision.kube.KubeConnections;
import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import io.ascent.core.report.Status;
import io.ascent.core.report.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** What {@code ascent provision} refuses or reports before any cluster exists: no cluster is needed here. */
class ProvisionerInputTest {

    @TempDir
    Path app;

    @Test
    void shouldRefuseAnHttpTestNamingAnUnknownServiceAtItsLineBeforeAnyClusterExists() throws IOException {
        write("""
                    - name: home
                      http: {service: web-typo, port: 80}
                """);

        Report report = provision(app.resolve("no-such-kubeconfig"));

        assertThat(report.verdict()).isEqualTo(Verdict.INVALID_INPUT);
        Item problem = only(report, "provision.section");
        assertThat(problem.location().toString()).isEqualTo("ascent.yaml:15:23");
        assertThat(problem.message()).isEqualTo("no Service 'web-typo' among the deployed manifests; they define web");
        assertThat(report.items()).noneMatch(item -> item.id().startsWith("provision.preflight")
                || item.id().equals("provision.cluster"));
    }

    @Test
    void shouldRefuseAnObjectWithOnlyAGenerateNameAtItsLineBeforeAnyClusterExists() throws IOException {
        write("");
        Files.writeString(app.resolve("deploy/config.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: named
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  generateName: settings-
                data: {a: "1"}
                """);

        Report report = provision(app.resolve("no-such-kubeconfig"));

        assertThat(report.verdict()).as(report.items().toString()).isEqualTo(Verdict.INVALID_INPUT);
        Item problem = only(report, "provision.apply");
        assertThat(problem.location().toString()).isEqualTo("deploy/config.yaml:6:1");
        assertThat(problem.message()).isEqualTo("ConfigMap/settings- has no metadata.name (only generateName); "
                + "server-side apply addresses an object by its name");
        assertThat(problem.remediation()).contains("kubectl create");
        assertThat(report.items()).noneMatch(item -> item.id().startsWith("provision.preflight")
                || item.id().equals("provision.cluster"));
    }

    @Test
    void shouldFailAServiceAccountTheManifestsDoNotCreateBeforeAnyClusterExists() throws IOException {
        write("");
        Path deployment = app.resolve("deploy/deployment.yaml");
        Files.writeString(deployment, Files.readString(deployment).replace("    spec:\n      securityContext",
                "    spec:\n      serviceAccountName: web-runner\n      securityContext"));

        Report report = provision(app.resolve("no-such-kubeconfig"));

        assertThat(report.verdict()).as(report.items().toString()).isEqualTo(Verdict.FAILED);
        Item problem = only(report, "provision.references");
        assertThat(problem.location().toString()).isEqualTo("deploy/deployment.yaml:13:27");
        assertThat(problem.message()).contains("ServiceAccount 'web-runner', which the manifests do not create");
        assertThat(report.items()).filteredOn(item -> item.id().equals("provision.phase")).extracting(Item::message)
                .containsExactly("validate: pods refer to what the run does not create; nothing was created");
        assertThat(report.items()).noneMatch(item -> item.id().startsWith("provision.preflight")
                || item.id().equals("provision.cluster"));
    }

    @Test
    void shouldRefuseANodeImageThatIsNotKindsAtItsLineEvenOnADryRun() throws IOException {
        writeKind("kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\n");
        Path checklist = app.resolve("ascent.yaml");
        Files.writeString(checklist, Files.readString(checklist).replace("kindest/node:", "attacker/node:"));

        Report report = new Ascent().provision(ProvisionOptions.builder(app).noGit(true).dryRun(true).build(),
                ProgressListener.SILENT);

        assertThat(report.verdict()).as(report.items().toString()).isEqualTo(Verdict.INVALID_INPUT);
        Item refused = report.items().stream().filter(item -> item.id().equals("provision.kind-host")
                && item.status() == Status.ERROR).findFirst().orElseThrow();
        assertThat(report.items()).filteredOn(item -> item.id().equals("provision.kind-host"))
                .as("the kind configuration passed the static validation; the node image is refused after it")
                .extracting(Item::status).containsExactly(Status.PASS, Status.ERROR);
        assertThat(refused.message()).startsWith("provision.cluster.nodeImage 'attacker/node:v1.31.14@sha256:")
                .contains("privileged container on the build agent");
        assertThat(refused.location().toString()).isEqualTo("ascent.yaml:14:16");
        assertThat(refused.remediation()).contains("ASCENT_KIND_NODE_IMAGES");
    }

    @Test
    void shouldAcceptANodeImageOfARepositoryTheOptionsAllowBesidesTheEnvironments() throws IOException {
        writeKind("kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\n");
        Path checklist = app.resolve("ascent.yaml");
        Files.writeString(checklist, Files.readString(checklist).replace("kindest/node:", "mirror.corp/node:"));

        Report report = new Ascent().provision(ProvisionOptions.builder(app).noGit(true).dryRun(true)
                .kindNodeImages(List.of("mirror.corp/node")).build(), ProgressListener.SILENT);

        assertThat(report.items()).as(report.items().toString())
                .noneMatch(item -> item.id().equals("provision.kind-host") && item.status() == Status.ERROR);
        assertThat(report.verdict()).as(report.items().toString()).isEqualTo(Verdict.PASSED);
    }

    @Test
    void shouldAcceptANodeImageOfARepositoryTheRunsEnvironmentAllowsThoughTheJvmsDoesNot() throws Exception {
        writeKind("kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\n");
        Path checklist = app.resolve("ascent.yaml");
        Files.writeString(checklist, Files.readString(checklist).replace("kindest/node:", "build-mirror.corp/node:"));
        assertThat(System.getenv(io.ascent.core.provision.kind.NodeImagePolicy.ENVIRONMENT)).isNull();

        Ascent engine = new Ascent(io.ascent.core.EngineConfig.fromEnvironment(Map.of(
                io.ascent.core.provision.kind.NodeImagePolicy.ENVIRONMENT, "build-mirror.corp/node")));

        Report provisioned = engine.provision(ProvisionOptions.builder(app).noGit(true).dryRun(true).build(),
                ProgressListener.SILENT);
        Report validated = engine.validate(new io.ascent.core.ValidateOptions(app, java.util.Optional.empty(),
                java.util.Optional.empty()).toBuilder().noGit(true).build(), ProgressListener.SILENT);

        for (Report report : List.of(provisioned, validated)) {
            assertThat(report.items()).as(report.items().toString())
                    .noneMatch(item -> item.id().equals("provision.kind-host") && item.status() == Status.ERROR);
            assertThat(report.verdict()).as(report.items().toString()).isEqualTo(Verdict.PASSED);
        }
    }

    @Test
    void shouldRefuseAnUnknownPortListingTheServicesPorts() throws IOException {
        write("""
                    - name: home
                      http: {service: web, port: https}
                """);

        Item problem = only(provision(app.resolve("no-such-kubeconfig")), "provision.section");

        assertThat(problem.location().toString()).isEqualTo("ascent.yaml:15:34");
        assertThat(problem.message()).isEqualTo("Service 'web' has no port 'https'; its ports: http (80)");
    }

    @Test
    void shouldRefuseAJobManifestThatHoldsNoSingleJob() throws IOException {
        write("""
                    - name: smoke
                      job: {manifest: deploy/service.yaml}
                """);

        Report report = provision(app.resolve("no-such-kubeconfig"));

        assertThat(report.verdict()).isEqualTo(Verdict.INVALID_INPUT);
        assertThat(only(report, "provision.section").message())
                .isEqualTo("job manifest 'deploy/service.yaml' must hold exactly one batch/v1 Job; it holds 1 object(s), "
                        + "0 of them Jobs");
    }

    @Test
    void shouldFailAJobTheNamespacesPodSecurityLevelWouldRefuseBeforeAnyNamespaceExists() throws IOException {
        write("""
                    - name: smoke
                      job: {manifest: smoke/job.yaml}
                """);
        Path checklist = app.resolve("ascent.yaml");
        Files.writeString(checklist, Files.readString(checklist).replace("    driver: existing\n",
                "    driver: existing\n    podSecurity: restricted\n"));
        Files.createDirectories(app.resolve("smoke"));
        Files.writeString(app.resolve("smoke/job.yaml"), """
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: smoke
                spec:
                  template:
                    spec:
                      restartPolicy: Never
                      containers:
                        - name: check
                          image: registry.invalid/check:1.0.0
                          resources:
                            requests: {cpu: 10m, memory: 16Mi}
                            limits: {cpu: 100m, memory: 32Mi}
                          securityContext: {runAsNonRoot: true, runAsUser: 1000, readOnlyRootFilesystem: true}
                """);

        Report report = provision(app.resolve("no-such-kubeconfig"));

        assertThat(report.verdict()).as(report.items().toString()).isEqualTo(Verdict.FAILED);
        assertThat(report.items()).filteredOn(item -> item.id().equals("manifest.pod-security")).hasSize(3)
                .allSatisfy(refused -> {
                    assertThat(refused.status()).isEqualTo(Status.FAIL);
                    assertThat(refused.location().toString()).isEqualTo("smoke/job.yaml:15:28");
                    assertThat(refused.message()).startsWith("Job/smoke: violates PodSecurity \"restricted:v1.35\"");
                });
        assertThat(report.items()).filteredOn(item -> item.id().equals("provision.phase")).extracting(Item::message)
                .containsExactly("validate: static validation did not pass (failed); nothing was created");
        assertThat(report.items()).noneMatch(item -> item.id().startsWith("provision.preflight")
                || item.id().equals("provision.cluster"));
    }

    @Test
    void shouldStopWithExitThreeAndTheFixWhenTheKubeconfigIsMissing() throws IOException {
        write("");

        Report report = provision(app.resolve("no-such-kubeconfig"));

        assertThat(report.verdict()).isEqualTo(Verdict.ENVIRONMENT_ERROR);
        Item item = only(report, "provision.preflight.kubeconfig");
        assertThat(item.message()).isEqualTo("the kubeconfig " + app.resolve("no-such-kubeconfig") + " does not exist");
        assertThat(item.remediation()).contains("--kubeconfig");
        assertThat(report.items()).noneMatch(i -> i.id().equals("provision.cluster"));
    }

    @Test
    void shouldCloseTheConnectionsItWasGivenWhenItEnds() throws IOException {
        write("");
        Path kubeconfig = app.resolve("no-such-kubeconfig");
        KubeConnections given = new KubeConnections(System.getenv());

        Report report = new Ascent().provision(ProvisionOptions.builder(app).noGit(true).kubeconfig(kubeconfig)
                .build(), ProgressListener.SILENT, given);

        assertThat(report.verdict()).isEqualTo(Verdict.ENVIRONMENT_ERROR);
        assertThatThrownBy(() -> given.connect(Optional.of(kubeconfig), Optional.empty()))
                .isInstanceOf(ProvisionException.class).hasMessageContaining("the run's connections are closed");
    }

    @Test
    void shouldNeverQuoteAKubeconfigItCannotRead() throws IOException {
        write("");
        Path kubeconfig = app.resolve("kubeconfig");
        Files.writeString(kubeconfig, "users:\n- name: admin\n  user:\n    token: sekrit-token-4711\n  : [unclosed\n");

        Report report = provision(kubeconfig);

        assertThat(report.verdict()).isEqualTo(Verdict.ENVIRONMENT_ERROR);
        assertThat(only(report, "provision.preflight.kubeconfig").message())
                .startsWith("the kubeconfig " + kubeconfig + " cannot be read");
        assertThat(report.toString()).doesNotContain("sekrit");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"certificate-authority", "client-certificate"})
    void shouldNameTheCertificateThatIsNotPemWithoutQuotingIt(String which) throws IOException {
        write("");
        Path kubeconfig = app.resolve("kubeconfig");
        String notPem = java.util.Base64.getEncoder().encodeToString("sekrit-not-a-certificate".getBytes());
        Files.writeString(kubeconfig, "apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n"
                + "    server: https://127.0.0.1:1\n"
                + (which.equals("certificate-authority") ? "    certificate-authority-data: " + notPem + "\n" : "")
                + "users:\n- name: u\n  user:\n"
                + (which.equals("client-certificate") ? "    client-certificate-data: " + notPem + "\n"
                        + "    client-key-data: " + notPem + "\n" : "    token: sekrit-token-4711\n")
                + "contexts:\n- name: ctx\n  context: {cluster: c, user: u}\ncurrent-context: ctx\n");

        Report report = provision(kubeconfig);

        assertThat(report.verdict()).isEqualTo(Verdict.ENVIRONMENT_ERROR);
        Item item = only(report, "provision.preflight.kubeconfig");
        assertThat(item.message()).isEqualTo("the " + which + " of context 'ctx' in " + kubeconfig
                + " is not a PEM certificate");
        assertThat(report.toString()).doesNotContain("sekrit", notPem);
    }

    @Test
    void shouldNameAnExecPluginThatIsNotOnThePathInsteadOfConnectingAnonymously() throws IOException {
        write("");
        Path kubeconfig = execKubeconfig("ascent-test-no-such-plugin");

        Report report = provision(kubeconfig);

        assertThat(report.verdict()).isEqualTo(Verdict.ENVIRONMENT_ERROR);
        Item item = only(report, "provision.preflight.kubeconfig");
        assertThat(item.message()).isEqualTo("the credentials of context 'ctx' in " + kubeconfig
                + " come from the exec plugin 'ascent-test-no-such-plugin', which is not on PATH");
        assertThat(report.toString()).doesNotContain("sekrit");
    }

    @Test
    void shouldRunAnExecPluginNamedBesideTheKubeconfigAndGoOnToTheServer() throws IOException {
        write("");
        Path plugin = Files.writeString(app.resolve("token-plugin"), "#!/bin/sh\necho '{\"apiVersion\":"
                + "\"client.authentication.k8s.io/v1\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"sekrit\"}}'\n");
        Files.setPosixFilePermissions(plugin, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));

        Report report = provision(execKubeconfig("./token-plugin"));

        assertThat(report.verdict()).isEqualTo(Verdict.ENVIRONMENT_ERROR);
        assertThat(report.items()).as(report.items().toString()).noneMatch(item
                -> item.id().equals("provision.preflight.kubeconfig") && item.status() != Status.PASS);
        assertThat(only(report, "provision.preflight.server").message()).contains("does not answer");
        assertThat(report.toString()).doesNotContain("sekrit");
    }

    /** A kubeconfig whose user's credentials come from running {@code command} (an unreachable server). */
    private Path execKubeconfig(String command) throws IOException {
        return Files.writeString(app.resolve("kubeconfig"), "apiVersion: v1\nkind: Config\nclusters:\n- name: c\n"
                + "  cluster:\n    server: https://127.0.0.1:1\nusers:\n- name: u\n  user:\n    exec:\n"
                + "      apiVersion: client.authentication.k8s.io/v1\n      command: " + command + "\n"
                + "      args: [--secret, sekrit-arg]\n      interactiveMode: Never\ncontexts:\n- name: ctx\n"
                + "  context: {cluster: c, user: u}\ncurrent-context: ctx\n");
    }

    @Test
    void shouldPrintThePlanAndTouchNothingOnADryRun() throws IOException {
        write("""
                    - name: home
                      http: {service: web, port: http, path: /healthz}
                """);

        Report report = new Ascent().provision(ProvisionOptions.builder(app).noGit(true).dryRun(true)
                .kubeconfig(app.resolve("no-such-kubeconfig")).build(), ProgressListener.SILENT);

        assertThat(report.verdict()).isEqualTo(Verdict.PASSED);
        List<String> plan = report.log().stream().map(entry -> entry.message()).toList();
        assertThat(plan).contains("dry run: nothing is created",
                "apply (server-side, field manager ascent, in this order):",
                "  1. Service/web (deploy/service.yaml:1:1)",
                "  2. Deployment/web (deploy/deployment.yaml:1:1)",
                "  home: GET /healthz on service web:http expecting 200 (timeout 60s)");
        assertThat(report.items()).noneMatch(item -> item.id().startsWith("provision.preflight"));
        assertThat(report.header().repository()).as("the header of the validation it ran first")
                .isEqualTo(app.getFileName().toString());
    }

    @Test
    void shouldShowTheKindConfigurationItWouldWriteOnADryRun() throws IOException {
        writeKind("""
                apiVersion: kind.x-k8s.io/v1alpha4
                kind: Cluster
                nodes:
                  - role: control-plane
                  - role: worker
                """);

        Report report = new Ascent().provision(ProvisionOptions.builder(app).noGit(true).dryRun(true).build(),
                ProgressListener.SILENT);

        assertThat(report.verdict()).as(report.items().toString()).isEqualTo(Verdict.PASSED);
        List<String> plan = report.log().stream().map(entry -> entry.message()).toList();
        assertThat(plan).containsSubsequence("    | kind: Cluster", "    | apiVersion: kind.x-k8s.io/v1alpha4",
                "    |   - role: worker", "    |     image: " + PINNED);
    }

    @Test
    void shouldRefuseAKindConfigurationWithoutAControlPlaneBeforeAnythingRunsEvenOnADryRun() throws IOException {
        writeKind("""
                apiVersion: kind.x-k8s.io/v1alpha4
                kind: Cluster
                nodes:
                  - role: worker
                """);

        Report report = new Ascent().provision(ProvisionOptions.builder(app).noGit(true).dryRun(true).build(),
                ProgressListener.SILENT);

        assertThat(report.verdict()).isEqualTo(Verdict.INVALID_INPUT);
        Item refused = only(report, "provision.kind-host");
        assertThat(refused.message()).isEqualTo("the kind configuration has no control-plane node; kind needs at "
                + "least one");
        assertThat(refused.location().toString()).as("judged in the static validation, at the kind configuration's "
                + "line").isEqualTo("cluster/kind.yaml:4:3");
        assertThat(report.log()).noneMatch(entry -> entry.message().equals("dry run: nothing is created"));
    }

    @Test
    void shouldNameTheRunsNamespaceWithTheChecklistsPrefix() throws IOException {
        write("");
        Files.writeString(app.resolve("ascent.yaml"), Files.readString(app.resolve("ascent.yaml"))
                .replace("    driver: existing\n", "    driver: existing\n    namespacePrefix: team-a-\n"));

        Report report = new Ascent().provision(ProvisionOptions.builder(app).noGit(true).dryRun(true)
                .kubeconfig(app.resolve("no-such-kubeconfig")).build(), ProgressListener.SILENT);

        assertThat(report.verdict()).as(report.items().toString()).isEqualTo(Verdict.PASSED);
        assertThat(report.log()).anyMatch(entry -> entry.message()
                .matches("  create namespace team-a-\\d{8}-\\d{6}-[0-9a-z]{6} labelled .*"));
    }

    @Test
    void shouldApplyWhatValidateChecksLeavingKustomizeFilesAndExcludedFilesOut() throws IOException {
        write("""
                    - name: home
                      http: {service: web, port: http, path: /healthz}
                """);
        Files.writeString(app.resolve("ascent.yaml"), Files.readString(app.resolve("ascent.yaml"))
                .replace("  manifests: [deploy/]\n", "  manifests: [deploy/]\n  exclude: [deploy/testdata]\n"));
        Files.writeString(app.resolve("deploy/kustomization.yaml"), "resources: [service.yaml, deployment.yaml]\n"
                + "patches: [{path: replicas.yaml, target: {kind: Deployment}}]\n");
        Files.writeString(app.resolve("deploy/replicas.yaml"), "- op: add\n  path: /spec/replicas\n  value: 2\n");
        Files.createDirectories(app.resolve("deploy/testdata"));
        Files.writeString(app.resolve("deploy/testdata/other.yaml"), "apiVersion: v1\nkind: ConfigMap\n"
                + "metadata: {name: fixture}\n");

        Report report = new Ascent().provision(ProvisionOptions.builder(app).noGit(true).dryRun(true)
                .kubeconfig(app.resolve("no-such-kubeconfig")).build(), ProgressListener.SILENT);

        assertThat(report.verdict()).isEqualTo(Verdict.PASSED);
        List<String> plan = report.log().stream().map(entry -> entry.message()).toList();
        assertThat(plan).contains("  1. Service/web (deploy/service.yaml:1:1)",
                "  2. Deployment/web (deploy/deployment.yaml:1:1)");
        assertThat(plan).noneMatch(line -> line.contains("  3. "));
    }

    @Test
    void shouldTakeTheTeardownPolicyFromTheChecklistUnlessKeepIsGiven() throws IOException {
        write("");
        Files.writeString(app.resolve("ascent.yaml"), Files.readString(app.resolve("ascent.yaml"))
                + "  teardown: on-success\n");

        Report fromChecklist = new Ascent().provision(ProvisionOptions.builder(app).noGit(true).dryRun(true)
                .kubeconfig(app.resolve("no-such-kubeconfig")).build(), ProgressListener.SILENT);
        Report overridden = new Ascent().provision(ProvisionOptions.builder(app).noGit(true).dryRun(true)
                .keep(Keep.NEVER).kubeconfig(app.resolve("no-such-kubeconfig")).build(), ProgressListener.SILENT);

        assertThat(fromChecklist.log()).anyMatch(entry -> entry.message().equals("teardown: keep on-failure"));
        assertThat(overridden.log()).anyMatch(entry -> entry.message().equals("teardown: always"));
    }

    @Test
    void shouldReportItsOwnBugAsAnInternalErrorItemNotAnException() {
        Provisioner provisioner = new Provisioner(java.time.Clock.systemUTC(), (options, progress) -> {
            throw new IllegalStateException("a bug");
        }, io.ascent.core.provision.preflight.Probes.of(System.getenv()));

        Report report = provisioner.run(ProvisionOptions.builder(app).build(), ProgressListener.SILENT);

        assertThat(report.verdict()).isEqualTo(Verdict.INTERNAL_ERROR);
        assertThat(only(report, "ascent.internal").message()).isEqualTo("provisioning failed during validate with "
                + "java.lang.IllegalStateException; this is a bug in Ascent, please report it");
    }

    private Report provision(Path kubeconfig) {
        return new Ascent().provision(ProvisionOptions.builder(app).noGit(true).kubeconfig(kubeconfig).build(),
                ProgressListener.SILENT);
    }

    private static Item only(Report report, String id) {
        List<Item> items = report.items().stream().filter(item -> item.id().equals(id)).toList();
        assertThat(items).as(report.items().toString()).hasSize(1);
        return items.get(0);
    }

    private static final String PINNED =
            "kindest/node:v1.31.14@sha256:6f86cf509dbb42767b6e79debc3f2c32e4ee01386f0489b3b2be24b0a55aac2b";

    /** The application for the kind driver, with {@code cluster/kind.yaml} as its kind configuration. */
    private void writeKind(String kindConfig) throws IOException {
        WebApplication.write(app, "kind", "1.31", "");
        Files.createDirectories(app.resolve("cluster"));
        Files.writeString(app.resolve("cluster/kind.yaml"), kindConfig);
        Files.writeString(app.resolve("ascent.yaml"), Files.readString(app.resolve("ascent.yaml")).replace(
                "    driver: kind\n", "    driver: kind\n    config: cluster/kind.yaml\n    nodeImage: " + PINNED + "\n"));
    }

    /** The application: a Deployment, a Service {@code web} with port {@code http} 80, and these smoke tests. */
    private void write(String tests) throws IOException {
        WebApplication.write(app, "existing", "1.35", tests);
    }
}

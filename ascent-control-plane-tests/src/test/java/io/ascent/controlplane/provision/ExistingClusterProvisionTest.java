package io.ascent.controlplane.provision;

import static io.ascent.controlplane.provision.ProvisionFixtures.describe;
import static io.ascent.controlplane.provision.ProvisionFixtures.items;
import static io.ascent.controlplane.provision.ProvisionFixtures.namespaceExists;
import static io.ascent.controlplane.provision.ProvisionFixtures.phase;
import static io.ascent.controlplane.provision.ProvisionFixtures.runNamespace;
import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.controlplane.ClusterAccess;
import io.ascent.controlplane.ControlPlaneExtension;
import io.ascent.controlplane.KwokStageLabels;
import io.ascent.core.Ascent;
import io.ascent.core.provision.Keep;
import io.ascent.core.provision.ProvisionOptions;
import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import io.ascent.core.report.Status;
import io.ascent.core.report.render.Format;
import io.ascent.core.report.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code ascent provision --driver existing} against the real control plane (API server, controllers, kwok). */
@ExtendWith(ControlPlaneExtension.class)
class ExistingClusterProvisionTest {

    @TempDir
    Path temp;

    @Test
    void shouldDeployHelloWebPassItsJobTestAndDeleteTheNamespace(ClusterAccess cluster) throws Exception {
        Path app = ProvisionFixtures.helloWebWithoutHttpTests(temp.resolve("hello-web"));
        ProvisionFixtures.RecordingProgress progress = new ProvisionFixtures.RecordingProgress();

        Report report = new Ascent().provision(ProvisionOptions.builder(app).driver("existing").noGit(true)
                .kubeconfig(cluster.kubeconfig()).workDirectory(temp.resolve("work")).build(), progress);

        assertThat(report.verdict()).as(describe(report) + progress.lines).isEqualTo(Verdict.PASSED);
        for (String name : new String[] {"validate", "preflight", "cluster", "deploy", "tests", "teardown"}) {
            assertThat(phase(report, name).status()).as(name).isEqualTo(Status.PASS);
        }
        assertThat(items(report, "provision.apply")).extracting(Item::key)
                .containsExactly("Service/hello-web", "Deployment/hello-web", "PodDisruptionBudget/hello-web");
        Item rollout = items(report, "provision.rollout").get(0);
        assertThat(rollout.key()).isEqualTo("Deployment/hello-web");
        assertThat(rollout.message()).contains("successfully rolled out (2 of 2 replicas available)");
        assertThat(rollout.location().toString()).isEqualTo("deploy/app/deployment.yaml:1:1");
        Item test = items(report, "provision.test").get(0);
        assertThat(test.status()).isEqualTo(Status.PASS);
        assertThat(test.message()).startsWith("content-check: Job/hello-web-content complete");
        String namespace = runNamespace(report);
        // the test's Job is applied and waited for in the tests phase, and its lines say so (they said "deploy:")
        assertThat(progress.snapshot()).contains("tests: content-check: applied Job/hello-web-content in " + namespace)
                .anySatisfy(line -> assertThat(line).startsWith("tests: content-check: Job/hello-web-content: complete"))
                .noneSatisfy(line -> assertThat(line).startsWith("deploy: ").contains("Job/"));
        assertThat(items(report, "provision.preflight.access").get(0).status()).isEqualTo(Status.PASS);
        // The checklist targets 1.31 and the control plane runs 1.35: reported, not fatal.
        assertThat(items(report, "provision.preflight.version").get(0).status()).isEqualTo(Status.WARN);
        // hello-web's checklist sets provision.cluster.namespacePrefix: hello-web-
        assertThat(namespace).matches("hello-web-\\d{8}-\\d{6}-[0-9a-z]{6}");
        assertThat(io.ascent.core.provision.RunName.parseLabelled(namespace)).as("ascent gc recognises it").isPresent();
        assertThat(namespaceExists(cluster, namespace)).as("namespace " + namespace + " deleted").isFalse();
        assertThat(items(report, "provision.teardown").get(0).message()).isEqualTo("namespace " + namespace + " deleted");
    }

    /** {@code --test}: hello-web's two http tests cannot pass on kwok; asked for alone, its Job test makes a pass. */
    @Test
    void shouldRunOnlyTheSmokeTestsAskedForAndReportTheOthersAsSkipped(ClusterAccess cluster) throws Exception {
        Path app = temp.resolve("hello-web");
        ProvisionFixtures.copy(ProvisionFixtures.HELLO_WEB, app);

        Report report = new Ascent().provision(ProvisionOptions.builder(app).driver("existing").noGit(true)
                .tests(java.util.List.of("content-check")).kubeconfig(cluster.kubeconfig())
                .workDirectory(temp.resolve("work")).build(), new ProvisionFixtures.RecordingProgress());

        assertThat(report.verdict()).as(describe(report)).isEqualTo(Verdict.PASSED);
        assertThat(items(report, "provision.test")).extracting(Item::key, Item::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("homepage", Status.SKIP),
                org.assertj.core.groups.Tuple.tuple("health", Status.SKIP),
                org.assertj.core.groups.Tuple.tuple("content-check", Status.PASS));
        assertThat(items(report, "provision.test").get(0).message())
                .isEqualTo("homepage: not run: only content-check asked for (--test)");
        assertThat(phase(report, "tests").message()).isEqualTo("tests: 1 of 1 tests passed; 2 not asked for (--test)");
        assertThat(namespaceExists(cluster, runNamespace(report))).isFalse();
    }

    /**
     * A kubeconfig whose credential is a service account's bearer token, what a CI job on a shared cluster is usually
     * given: the provisioner's requests carry it (they went out as {@code system:anonymous} before), and the token
     * reaches no item and no progress line.
     */
    @Test
    void shouldProvisionWithAServiceAccountTokenKubeconfigAndNeverShowTheToken(ClusterAccess cluster)
            throws Exception {
        String account = "ci-deployer";
        String binding = cluster.namespace() + "-" + account;
        var core = new io.kubernetes.client.openapi.apis.CoreV1Api(cluster.client());
        var rbac = new io.kubernetes.client.openapi.apis.RbacAuthorizationV1Api(cluster.client());
        core.createNamespacedServiceAccount(cluster.namespace(), new io.kubernetes.client.openapi.models
                .V1ServiceAccount().metadata(new io.kubernetes.client.openapi.models.V1ObjectMeta().name(account)))
                .execute();
        rbac.createClusterRoleBinding(new io.kubernetes.client.openapi.models.V1ClusterRoleBinding()
                .metadata(new io.kubernetes.client.openapi.models.V1ObjectMeta().name(binding))
                .roleRef(new io.kubernetes.client.openapi.models.V1RoleRef().apiGroup("rbac.authorization.k8s.io")
                        .kind("ClusterRole").name("cluster-admin"))
                .addSubjectsItem(new io.kubernetes.client.openapi.models.RbacV1Subject().kind("ServiceAccount")
                        .name(account).namespace(cluster.namespace()))).execute();
        try {
            String token = core.createNamespacedServiceAccountToken(account, cluster.namespace(),
                    new io.kubernetes.client.openapi.models.AuthenticationV1TokenRequest().spec(
                            new io.kubernetes.client.openapi.models.V1TokenRequestSpec().expirationSeconds(600L)))
                    .execute().getStatus().getToken();
            Path kubeconfig = tokenKubeconfig(cluster.kubeconfig(), token, temp.resolve("token-kubeconfig"));
            Path app = ProvisionFixtures.helloWebWithoutHttpTests(temp.resolve("hello-web"));
            ProvisionFixtures.RecordingProgress progress = new ProvisionFixtures.RecordingProgress();

            Report report = new Ascent().provision(ProvisionOptions.builder(app).driver("existing").noGit(true)
                    .kubeconfig(kubeconfig).workDirectory(temp.resolve("work")).build(), progress);

            assertThat(report.verdict()).as(describe(report) + progress.lines).isEqualTo(Verdict.PASSED);
            assertThat(items(report, "provision.preflight.access").get(0).status()).isEqualTo(Status.PASS);
            assertThat(namespaceExists(cluster, runNamespace(report))).isFalse();
            for (Format format : Format.values()) {
                java.io.StringWriter rendered = new java.io.StringWriter();
                format.renderer().render(report, rendered);
                assertThat(rendered.toString()).as(format.label()).doesNotContain(token);
            }
            assertThat(String.join("\n", progress.snapshot())).doesNotContain(token);
        } finally {
            rbac.deleteClusterRoleBinding(binding).execute();
        }
    }

    /**
     * {@code KUBECONFIG=first:second}, as kubectl users set it: the first file makes {@code target} current (and
     * defines a decoy cluster nothing answers on), the second defines {@code target}, its cluster and user, with
     * certificate files named relative to its own folder. The CLI, in a JVM of its own with that environment (a
     * test cannot set this JVM's), deploys hello-web on the control plane and deletes its namespace there.
     */
    @Test
    void shouldProvisionOnTheContextAKubeconfigListMakesCurrentFromItsSecondFile(ClusterAccess cluster)
            throws Exception {
        String kubeconfigs = kubeconfigList(cluster);
        Path app = ProvisionFixtures.helloWebWithoutHttpTests(temp.resolve("hello-web"));
        Path report = temp.resolve("report.json");

        CliRun run = provisionCli(kubeconfigs, app, report);

        assertThat(run.status()).as(run.output()).isZero();
        java.util.Map<String, org.json.JSONObject> items = firstItems(report);
        assertThat(message(items, "provision.preflight.kubeconfig")).as(run.output())
                .isEqualTo("PASS using the context target (current) of KUBECONFIG=" + kubeconfigs);
        assertThat(message(items, "provision.preflight.server")).as(run.output()).startsWith("PASS " + server(cluster));
        String teardown = message(items, "provision.teardown");
        assertThat(teardown).as(run.output()).matches("PASS namespace hello-web-\\S+ deleted");
        String namespace = teardown.split(" ")[2];
        assertThat(namespaceExists(cluster, namespace)).as("namespace " + namespace + " deleted").isFalse();
        assertThat(run.output() + Files.readString(report)).doesNotContain("decoy-token", "127.0.0.1:1/");
    }

    /**
     * The same list, and a namespace the cluster refuses to delete (a ValidatingAdmissionPolicy): the failed
     * teardown's "delete it by hand: kubectl --kubeconfig FILE --context target" names the run's single-context
     * kubeconfig, which outlives the run (0600) and reaches the cluster.
     */
    @Test
    void shouldKeepTheSingleContextKubeconfigAFailedTeardownNames(ClusterAccess cluster) throws Exception {
        String kubeconfigs = kubeconfigList(cluster);
        Path app = ProvisionFixtures.helloWebWithoutHttpTests(temp.resolve("hello-web-undeletable"));
        Path report = temp.resolve("report.json");
        io.ascent.core.provision.kube.KubeConnection admin = io.ascent.core.provision.kube.ClusterConnector
                .fromKubeconfig(cluster.kubeconfig(), java.util.Optional.empty(), System.getenv());
        String policy = "ascent-test-no-hello-web-namespace-deletion";
        admin.post("/apis/admissionregistration.k8s.io/v1/validatingadmissionpolicies", new org.json.JSONObject(
                "{\"metadata\":{\"name\":\"" + policy + "\"},\"spec\":{\"failurePolicy\":\"Fail\","
                        + "\"matchConstraints\":{\"resourceRules\":[{\"apiGroups\":[\"\"],\"apiVersions\":[\"v1\"],"
                        + "\"operations\":[\"DELETE\"],\"resources\":[\"namespaces\"]}]},\"validations\":[{"
                        + "\"expression\":\"!oldObject.metadata.name.startsWith('hello-web-')\","
                        + "\"message\":\"kept for the test\"}]}}"));
        admin.post("/apis/admissionregistration.k8s.io/v1/validatingadmissionpolicybindings", new org.json.JSONObject(
                "{\"metadata\":{\"name\":\"" + policy + "\"},\"spec\":{\"policyName\":\"" + policy + "\","
                        + "\"validationActions\":[\"Deny\"]}}"));
        String namespace = null;
        Path single = null;
        try {
            CliRun run = provisionCli(kubeconfigs, app, report);

            assertThat(run.status()).as(run.output()).isEqualTo(1);
            org.json.JSONObject teardown = firstItems(report).get("provision.teardown");
            assertThat(teardown.getString("status")).as(run.output()).isEqualTo("FAIL");
            String remediation = teardown.getString("remediation");
            assertThat(remediation).matches("delete it by hand: kubectl --kubeconfig \\S+/kubeconfig --context target "
                    + "delete namespace hello-web-\\S+");
            String[] words = remediation.split(" ");
            single = Path.of(words[6]);
            namespace = words[words.length - 1];
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(single)))
                    .isEqualTo("rw-------");
            assertThat(io.ascent.core.provision.kube.ClusterConnector.fromKubeconfig(single,
                    java.util.Optional.of("target"), System.getenv()).get("/api/v1/namespaces/" + namespace).getJSONObject("metadata")
                    .getString("name")).as("the file the message names reaches the cluster").isEqualTo(namespace);
        } finally {
            admin.delete("/apis/admissionregistration.k8s.io/v1/validatingadmissionpolicybindings/" + policy,
                    new org.json.JSONObject());
            admin.delete("/apis/admissionregistration.k8s.io/v1/validatingadmissionpolicies/" + policy,
                    new org.json.JSONObject());
            if (namespace != null) {
                awaitDeleted(admin, namespace);
            }
            if (single != null && Files.isDirectory(single.getParent())) {
                try (var paths = Files.walk(single.getParent())) { // the run's folder, kept for the message
                    paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
    }

    /** Deletes {@code namespace} once the policy that kept it is gone (its removal takes a moment to apply). */
    private static void awaitDeleted(io.ascent.core.provision.kube.KubeConnection admin, String namespace)
            throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                admin.delete("/api/v1/namespaces/" + namespace, new org.json.JSONObject());
                return;
            } catch (io.ascent.core.provision.kube.KubeException e) {
                if (e.code() == 404 || System.nanoTime() > deadline) {
                    return;
                }
                java.util.concurrent.TimeUnit.MILLISECONDS.sleep(200); // the policy's removal reaching admission
            }
        }
    }

    private record CliRun(int status, String output) {
    }

    /**
     * {@code KUBECONFIG=first:second}, as kubectl users set it, written under {@link #temp}: the first file
     * ({@code ~/.kube/config}) makes {@code target} current and defines a decoy cluster nothing answers on; the
     * second defines {@code target}, its cluster and user (the control plane's admin), with certificate files named
     * relative to its own folder.
     */
    private String kubeconfigList(ClusterAccess cluster) throws Exception {
        io.kubernetes.client.util.KubeConfig admin = adminConfig(cluster);
        Path clouds = Files.createDirectories(temp.resolve("clouds"));
        Files.write(clouds.resolve("ca.crt"), admin.getDataOrFileRelative(admin.getCertificateAuthorityData(),
                admin.getCertificateAuthorityFile()));
        Files.write(clouds.resolve("client.crt"), admin.getDataOrFileRelative(admin.getClientCertificateData(),
                admin.getClientCertificateFile()));
        Files.write(clouds.resolve("client.key"), admin.getDataOrFileRelative(admin.getClientKeyData(),
                admin.getClientKeyFile()));
        Path second = Files.writeString(clouds.resolve("target.yaml"), "apiVersion: v1\nkind: Config\n"
                + "current-context: decoy\nclusters:\n- name: target\n  cluster:\n    server: " + admin.getServer()
                + "\n    certificate-authority: ca.crt\nusers:\n- name: target-admin\n  user:\n"
                + "    client-certificate: client.crt\n    client-key: client.key\n"
                + "contexts:\n- name: target\n  context: {cluster: target, user: target-admin}\n");
        Path first = Files.createDirectories(temp.resolve("home/.kube")).resolve("config");
        Files.writeString(first, "apiVersion: v1\nkind: Config\ncurrent-context: target\n"
                + "clusters:\n- name: decoy\n  cluster:\n    server: https://127.0.0.1:1\n"
                + "users:\n- name: decoy\n  user:\n    token: decoy-token\n"
                + "contexts:\n- name: decoy\n  context: {cluster: decoy, user: decoy}\n");
        return first + java.io.File.pathSeparator + second;
    }

    private static io.kubernetes.client.util.KubeConfig adminConfig(ClusterAccess cluster) throws Exception {
        io.kubernetes.client.util.KubeConfig admin;
        try (var reader = Files.newBufferedReader(cluster.kubeconfig())) {
            admin = io.kubernetes.client.util.KubeConfig.loadKubeConfig(reader);
        }
        admin.setFile(cluster.kubeconfig().toFile());
        return admin;
    }

    private static String server(ClusterAccess cluster) throws Exception {
        return adminConfig(cluster).getServer();
    }

    /**
     * {@code ascent provision APP --driver existing -f json -o REPORT} in a JVM of its own (the test JVM's class path
     * holds the CLI) with {@code KUBECONFIG} set, since a test cannot set this JVM's environment.
     */
    private CliRun provisionCli(String kubeconfigs, Path app, Path report) throws Exception {
        java.util.List<String> command = java.util.List.of(
                ProcessHandle.current().info().command().orElse("java"), "-cp", System.getProperty("java.class.path"),
                "io.ascent.cli.Main", "provision", app.toString(), "--no-git", "--driver", "existing",
                "--format", "json", "--output", report.toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile()).redirectErrorStream(true);
        builder.environment().put("KUBECONFIG", kubeconfigs);
        builder.environment().put("HOME", temp.resolve("home").toString());
        Process cli = builder.start();
        String output = new String(cli.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(cli.waitFor(180, java.util.concurrent.TimeUnit.SECONDS)).as(output).isTrue();
        return new CliRun(cli.exitValue(), output);
    }

    /** The report's first item of each id. */
    private static java.util.Map<String, org.json.JSONObject> firstItems(Path report) throws Exception {
        java.util.Map<String, org.json.JSONObject> items = new java.util.HashMap<>();
        for (Object item : new org.json.JSONObject(Files.readString(report)).getJSONArray("items")) {
            org.json.JSONObject entry = (org.json.JSONObject) item;
            items.putIfAbsent(entry.getString("id"), entry);
        }
        return items;
    }

    private static String message(java.util.Map<String, org.json.JSONObject> items, String id) {
        org.json.JSONObject item = items.get(id);
        return item == null ? null : item.getString("status") + " " + item.optString("message");
    }

    /** {@code admin}'s cluster (server and CA) with {@code token} as its only credential. */
    private static Path tokenKubeconfig(Path admin, String token, Path file) throws Exception {
        io.kubernetes.client.util.KubeConfig config;
        try (var reader = Files.newBufferedReader(admin)) {
            config = io.kubernetes.client.util.KubeConfig.loadKubeConfig(reader);
        }
        config.setFile(admin.toFile());
        String ca = java.util.Base64.getEncoder().encodeToString(config.getDataOrFileRelative(
                config.getCertificateAuthorityData(), config.getCertificateAuthorityFile()));
        return Files.writeString(file, "apiVersion: v1\nkind: Config\nclusters:\n- name: shared\n  cluster:\n"
                + "    server: " + config.getServer() + "\n    certificate-authority-data: " + ca + "\n"
                + "users:\n- name: ci\n  user:\n    token: " + token + "\n"
                + "contexts:\n- name: ci\n  context: {cluster: shared, user: ci}\ncurrent-context: ci\n");
    }

    /**
     * The connection to the cluster is opened while validation runs (reads only: kubeconfig, TLS, {@code /version});
     * a validation failure must still end the run before anything is created, and show no preflight item.
     */
    @Test
    void shouldCreateNothingWhenValidationFailsThoughTheConnectionOpensMeanwhile(ClusterAccess cluster)
            throws Exception {
        Path app = ProvisionFixtures.helloWebWithoutHttpTests(temp.resolve("hello-web-invalid"));
        Path deployment = app.resolve("deploy/app/deployment.yaml");
        Files.writeString(deployment, Files.readString(deployment).replace("replicas: 2", "replicas: two"));
        java.util.Set<String> before = helloWebNamespaces(cluster);

        Report report = new Ascent().provision(ProvisionOptions.builder(app).driver("existing").noGit(true)
                .kubeconfig(cluster.kubeconfig()).workDirectory(temp.resolve("work")).build(),
                new ProvisionFixtures.RecordingProgress());

        assertThat(report.verdict()).as(describe(report)).isEqualTo(Verdict.FAILED);
        assertThat(items(report, "provision.phase")).extracting(Item::key).containsExactly("validate");
        assertThat(phase(report, "validate").message()).endsWith("nothing was created");
        assertThat(report.items()).noneMatch(item -> item.id().startsWith("provision.preflight")
                || item.id().equals("provision.cluster") || item.id().equals("provision.apply"));
        assertThat(helloWebNamespaces(cluster)).as("no namespace created").isEqualTo(before);
    }

    private static java.util.Set<String> helloWebNamespaces(ClusterAccess cluster) throws Exception {
        return new io.kubernetes.client.openapi.apis.CoreV1Api(cluster.client()).listNamespace().execute().getItems()
                .stream().map(namespace -> namespace.getMetadata().getName())
                .filter(name -> name.startsWith("hello-web-")).collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void shouldFailFastOnImagePullBackOffWithReasonEventsAndContainerState(ClusterAccess cluster) throws Exception {
        Path app = ProvisionFixtures.application(temp.resolve("unpullable"), "unpullable",
                ", " + KwokStageLabels.SIMULATE + ": " + KwokStageLabels.IMAGE_PULL_FAILURE, "3m");

        Report report = provision(cluster, app);

        Item rollout = failedRollout(report);
        assertThat(rollout.duration()).as("failed fast, not at the 3m deadline").isLessThan(Duration.ofSeconds(20));
        assertThat(rollout.message())
                .contains("Deployment/unpullable: pod unpullable-")
                .contains("container app: ImagePullBackOff")
                .contains("container app (registry.invalid/unpullable:1.0.0): waiting (ImagePullBackOff")
                .contains("events of Deployment/unpullable:")
                .contains("ScalingReplicaSet")
                .contains("condition Ready=False")
                .containsPattern("log of unpullable-[^\\n]*: none \\(the container never started\\)");
        assertThat(rollout.location().toString()).as("the container's image line")
                .isEqualTo("deploy/deployment.yaml:16:18");
        assertThat(rollout.remediation()).contains("image name and tag");
        assertThat(namespaceExists(cluster, runNamespace(report))).isFalse();
    }

    @Test
    void shouldFailFastOnCrashLoopBackOffWithRestartsAndLastState(ClusterAccess cluster) throws Exception {
        Path app = ProvisionFixtures.application(temp.resolve("crasher"), "crasher",
                ", " + KwokStageLabels.SIMULATE + ": " + KwokStageLabels.CRASH_LOOP, "3m");

        Report report = provision(cluster, app);

        Item rollout = failedRollout(report);
        assertThat(rollout.duration()).isLessThan(Duration.ofSeconds(20));
        assertThat(rollout.message())
                .contains("container app: CrashLoopBackOff")
                .containsPattern("waiting \\(CrashLoopBackOff[^\\n]*restarts=\\d+, last state terminated \\(Error, exit code 1\\)");
        // kwok's kubelet serves no logs: the fix says what to do without one
        assertThat(rollout.message()).contains("log of ").contains(": not available (");
        assertThat(rollout.remediation()).contains("the application exits at start", "kubectl logs --previous");
        assertThat(rollout.location().toString()).as("the crashing container").isEqualTo("deploy/deployment.yaml:15:11");
        assertThat(namespaceExists(cluster, runNamespace(report))).isFalse();
    }

    @Test
    void shouldFailFastOnCreateContainerConfigErrorWithTheKubeletsMessage(ClusterAccess cluster) throws Exception {
        Path app = ProvisionFixtures.application(temp.resolve("misconfigured"), "misconfigured",
                ", " + KwokStageLabels.SIMULATE + ": " + KwokStageLabels.CONFIG_ERROR, "3m");

        Report report = provision(cluster, app);

        Item rollout = failedRollout(report);
        assertThat(rollout.duration()).as("failed fast, not at the 3m deadline").isLessThan(Duration.ofSeconds(20));
        assertThat(rollout.message())
                .contains("Deployment/misconfigured: pod misconfigured-")
                .contains("container app: CreateContainerConfigError")
                .contains("waiting (CreateContainerConfigError")
                .contains("secret \"app-credentials\" not found")
                .contains("events of Deployment/misconfigured:");
        assertThat(rollout.remediation()).contains("ConfigMap, Secret or key");
        assertThat(namespaceExists(cluster, runNamespace(report))).isFalse();
    }

    @Test
    void shouldFailFastOnAnUnschedulablePod(ClusterAccess cluster) throws Exception {
        Path app = ProvisionFixtures.application(temp.resolve("nowhere"), "nowhere", "", "3m");
        Path deployment = app.resolve("deploy/deployment.yaml");
        Files.writeString(deployment, Files.readString(deployment).replace("    spec:\n      securityContext",
                "    spec:\n      nodeSelector: {ascent.dev/no-such-node: \"true\"}\n      securityContext"));

        Report report = provision(cluster, app);

        Item rollout = failedRollout(report);
        assertThat(rollout.duration()).isLessThan(Duration.ofSeconds(20));
        assertThat(rollout.message()).contains(": Unschedulable (0/2 nodes are available")
                .contains("condition PodScheduled=False (Unschedulable)");
        assertThat(rollout.remediation()).contains("no node can take the pod");
    }

    /**
     * The LimitRanger admission plugin refuses every pod whose container's memory limit is over the namespace's
     * maximum: no pod ever shows a problem, the ReplicaSet controller says it in the Deployment's ReplicaFailure
     * condition. It fails once the refusal has stood for the grace, not at the 3m deadline.
     */
    @Test
    void shouldFailADeploymentWhosePodsTheServerRefusesOnceTheRefusalOutlastsTheGrace(ClusterAccess cluster)
            throws Exception {
        Path app = ProvisionFixtures.application(temp.resolve("over-limit"), "over-limit", "", "3m");
        Files.writeString(app.resolve("deploy/limits.yaml"), """
                apiVersion: v1
                kind: LimitRange
                metadata:
                  name: small
                spec:
                  limits:
                    - type: Container
                      max: {memory: 16Mi}
                """);

        Report report = provision(cluster, app);

        Item rollout = failedRollout(report);
        assertThat(rollout.duration()).as("failed after the grace, not at the 3m deadline")
                .isBetween(io.ascent.core.provision.wait.RolloutWaiter.CREATION_GRACE, Duration.ofSeconds(40));
        assertThat(rollout.message()).startsWith("Deployment/over-limit: the API server refused its pods for 10s: ")
                .contains("maximum memory usage per Container is 16Mi, but limit is 32Mi");
        assertThat(rollout.remediation()).contains("LimitRange");
        assertThat(rollout.location().toString()).isEqualTo("deploy/deployment.yaml:1:1");
        assertThat(namespaceExists(cluster, runNamespace(report))).isFalse();
    }

    /** The namespace is created enforcing the checklist's PodSecurity level at its target version (1.35). */
    @Test
    void shouldCreateTheNamespaceEnforcingTheChecklistsPodSecurityLevelAndFailAPodThatBreaksIt(ClusterAccess cluster)
            throws Exception {
        Path app = ProvisionFixtures.applicationBreakingRestricted(temp.resolve("restricted"), "restricted");

        Report report = provision(cluster, app);

        assertThat(items(report, "provision.cluster").get(0).message())
                .endsWith(" enforces PodSecurity restricted (v1.35)");
        Item rollout = failedRollout(report);
        assertThat(rollout.duration()).as("failed after the grace, not at the 3m deadline")
                .isBetween(io.ascent.core.provision.wait.RolloutWaiter.CREATION_GRACE, Duration.ofSeconds(40));
        assertThat(rollout.message()).contains("violates PodSecurity \"restricted:v1.35\"")
                .contains("capabilities.drop=[\"ALL\"]");
        assertThat(rollout.remediation()).contains("PodSecurity level");
        assertThat(namespaceExists(cluster, runNamespace(report))).isFalse();
    }

    /**
     * A StatefulSet's controller reports a refused pod only as a FailedCreate event; here a ResourceQuota of the
     * application's own allows no pod at all.
     */
    @Test
    void shouldFailAStatefulSetWhosePodsAQuotaRefusesFromItsFailedCreateEvents(ClusterAccess cluster)
            throws Exception {
        Path app = ProvisionFixtures.application(temp.resolve("over-quota"), "over-quota", "", "3m");
        Path deployment = app.resolve("deploy/deployment.yaml");
        Files.writeString(deployment, Files.readString(deployment).replace("kind: Deployment", "kind: StatefulSet")
                .replace("spec:\n  replicas: 1\n", "spec:\n  serviceName: over-quota\n  replicas: 1\n"));
        Files.writeString(app.resolve("deploy/quota.yaml"), """
                apiVersion: v1
                kind: ResourceQuota
                metadata:
                  name: no-pods
                spec:
                  hard:
                    pods: "0"
                """);

        Report report = provision(cluster, app);

        Item rollout = failedRollout(report);
        assertThat(rollout.duration()).as("failed after the grace, not at the 3m deadline")
                .isBetween(io.ascent.core.provision.wait.RolloutWaiter.CREATION_GRACE, Duration.ofSeconds(40));
        assertThat(rollout.message()).startsWith("StatefulSet/over-quota: the API server refused its pods for 10s: ")
                .contains("exceeded quota: no-pods")
                .contains("events of StatefulSet/over-quota:").contains("FailedCreate");
        assertThat(namespaceExists(cluster, runNamespace(report))).isFalse();
    }

    /**
     * The API server accepts a memory request of {@code 100m} (a tenth of a byte, meant as 100Mi) and says in a
     * Warning header that it is invalid, which {@code kubectl apply} prints: the apply item keeps it as a warning at
     * the field's line, and the run goes on.
     */
    @Test
    void shouldKeepTheServersWarningAtTheFieldItNamesAndGoOn(ClusterAccess cluster) throws Exception {
        Path app = ProvisionFixtures.application(temp.resolve("warned"), "warned", "", "3m");
        Path deployment = app.resolve("deploy/deployment.yaml");
        Files.writeString(deployment, Files.readString(deployment).replace("requests: {cpu: 10m, memory: 16Mi}",
                "requests: {cpu: 10m, memory: 100m}"));

        Report report = provision(cluster, app);

        Item apply = items(report, "provision.apply").get(0);
        assertThat(apply.status()).as(describe(report)).isEqualTo(Status.WARN);
        assertThat(apply.message()).isEqualTo("Deployment/warned applied; waiting for it; the API server warns:\n"
                + "  spec.template.spec.containers[0].resources.requests[memory]: fractional byte value \"100m\" is "
                + "invalid, must be an integer");
        assertThat(apply.location().toString()).isEqualTo("deploy/deployment.yaml:20:42");
        assertThat(items(report, "provision.rollout").get(0).status()).isEqualTo(Status.PASS);
        assertThat(report.verdict()).isNotEqualTo(Verdict.FAILED);
    }

    @Test
    void shouldReportTheServersRefusalAtTheFieldItNames(ClusterAccess cluster) throws Exception {
        Path app = ProvisionFixtures.application(temp.resolve("refused"), "refused", "", "3m");
        Path deployment = app.resolve("deploy/deployment.yaml");
        // Valid against the schema (replicas is any int32) and passed by every static check, refused by the API
        // server's validation (422). A selector that does not match its template is caught statically now.
        Files.writeString(deployment, Files.readString(deployment).replace("  replicas: 1\n", "  replicas: -1\n"));

        Report report = provision(cluster, app);

        assertThat(report.verdict()).as(describe(report)).isEqualTo(Verdict.FAILED);
        Item apply = items(report, "provision.apply").get(0);
        assertThat(apply.status()).isEqualTo(Status.FAIL);
        assertThat(apply.message()).startsWith("Deployment/refused: the API server refused it (422 Invalid): "
                + "Deployment.apps \"refused\" is invalid: spec.replicas: Invalid value: -1:")
                .contains("must be greater than or equal to 0");
        assertThat(apply.location().toString()).isEqualTo("deploy/deployment.yaml:6:13");
        assertThat(items(report, "provision.rollout")).isEmpty();
        assertThat(namespaceExists(cluster, runNamespace(report))).isFalse();
    }

    @Test
    void shouldKeepTheNamespaceOnFailureAndSayHowToReachIt(ClusterAccess cluster) throws Exception {
        Path app = ProvisionFixtures.application(temp.resolve("kept"), "kept",
                ", " + KwokStageLabels.SIMULATE + ": " + KwokStageLabels.IMAGE_PULL_FAILURE, "3m");

        Report report = new Ascent().provision(ProvisionOptions.builder(app).noGit(true).keep(Keep.ON_FAILURE)
                .kubeconfig(cluster.kubeconfig()).workDirectory(temp.resolve("work")).build(),
                new ProvisionFixtures.RecordingProgress());

        String namespace = runNamespace(report);
        try {
            assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
            Item teardown = items(report, "provision.teardown").get(0);
            assertThat(teardown.status()).isEqualTo(Status.INFO);
            assertThat(teardown.message()).isEqualTo("kept (--keep on-failure): reach it with kubectl --kubeconfig "
                    + cluster.kubeconfig().toAbsolutePath() + " -n " + namespace + " get all");
            assertThat(teardown.remediation()).endsWith("delete namespace " + namespace);
            // A namespace left running is a resource the user must know of: every format says so by default.
            for (Format format : Format.values()) {
                java.io.StringWriter rendered = new java.io.StringWriter();
                format.renderer().render(report, rendered);
                // Markdown escapes punctuation and breaks links with zero-width spaces; the words stay.
                String text = rendered.toString().replace("\\", "").replace("\u200b", "");
                assertThat(text).as(format.label()).contains("reach it with kubectl")
                        .contains(" -n " + namespace + " get all");
            }
            assertThat(namespaceExists(cluster, namespace)).isTrue();
        } finally {
            new io.kubernetes.client.openapi.apis.CoreV1Api(cluster.client()).deleteNamespace(namespace).execute();
        }
    }

    private Report provision(ClusterAccess cluster, Path app) {
        return new Ascent().provision(ProvisionOptions.builder(app).noGit(true).kubeconfig(cluster.kubeconfig())
                .workDirectory(temp.resolve("work")).build(), new ProvisionFixtures.RecordingProgress());
    }

    private static Item failedRollout(Report report) {
        assertThat(report.verdict()).as(describe(report)).isEqualTo(Verdict.FAILED);
        assertThat(phase(report, "deploy").status()).isEqualTo(Status.FAIL);
        assertThat(phase(report, "teardown").status()).isEqualTo(Status.PASS);
        Item rollout = items(report, "provision.rollout").get(0);
        assertThat(rollout.status()).isEqualTo(Status.FAIL);
        return rollout;
    }
}

package io.ascent.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import io.ascent.core.report.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the provision applies beyond {@code kubernetes.manifests} (a job test's manifest, the files of
 * {@code provision.deploy.manifests}) is judged by the manifest checks of {@code validate}, at its own lines, each
 * file once.
 */
class ProvisionedManifestsTest {
    /** A Job that meets {@code restricted} and every default check; {@code %s} replaces its pod's spec lines. */
    private static final String JOB = """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: smoke
            spec:
              backoffLimit: 1
              template:
                spec:
                  restartPolicy: Never
            %s
            """;
    private static final String RESTRICTED_POD = """
                  securityContext: {runAsNonRoot: true, runAsUser: 1000, seccompProfile: {type: RuntimeDefault}}
                  containers:
                    - name: check
                      image: busybox:1.37.0
                      resources:
                        requests: {cpu: 10m, memory: 16Mi}
                        limits: {cpu: 100m, memory: 32Mi}
                      securityContext:
                        allowPrivilegeEscalation: false
                        readOnlyRootFilesystem: true
                        capabilities: {drop: [ALL]}""";
    private static final String CONFIG = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
            data: {greeting: hello}
            """;

    /** The Job with {@code pod} as its pod's spec. */
    private static String job(String pod) {
        return JOB.formatted(pod.indent(6).stripTrailing());
    }

    /** The one item of {@code items}, a FAIL located at {@code place} ({@code file:line:col}, or its start). */
    private static Item onlyFailure(List<Item> items, String place) {
        assertThat(items).as(items.toString()).hasSize(1);
        assertThat(items.get(0).status()).isEqualTo(Status.FAIL);
        assertThat(items.get(0).location().toString()).startsWith(place);
        return items.get(0);
    }

    @TempDir
    Path repository;
    private ManifestWorkspace workspace;

    @BeforeEach
    void setUp() {
        workspace = new ManifestWorkspace(repository);
    }

    /** A checklist listing {@code deploy/app/} and a job test of {@code smoke/job.yaml}, with {@code more} after. */
    private ManifestWorkspace checklist(String cluster, String more) {
        return workspace.checklist("""
                kubernetes:
                  version: "1.31"
                  manifests: [deploy/app/]
                provision:
                  cluster:
                    driver: existing
                %s  tests:
                    - name: smoke
                      job: {manifest: smoke/job.yaml}
                %s""".formatted(cluster, more)).write("deploy/app/config.yaml", CONFIG);
    }

    @Test
    void shouldFailAJobManifestThatBreaksTheSchemaAtItsOwnLine() {
        checklist("", "").write("smoke/job.yaml", job(RESTRICTED_POD).replace("backoffLimit: 1",
                "backoffLimit: one"));

        List<Item> items = workspace.validate("manifest.schema", Optional.empty());

        assertThat(onlyFailure(items, "smoke/job.yaml:6:17").message()).contains("Job/smoke").contains("backoffLimit");
    }

    @Test
    void shouldFailAJobManifestWhoseApiVersionTheTargetNoLongerServes() {
        checklist("", "").write("smoke/job.yaml", """
                apiVersion: batch/v1beta1
                kind: CronJob
                metadata:
                  name: smoke
                spec:
                  schedule: "@hourly"
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          restartPolicy: Never
                          containers: [{name: check, image: busybox:1.37.0}]
                """);

        List<Item> items = workspace.validate("manifest.api-version", Optional.empty());

        assertThat(onlyFailure(items, "smoke/job.yaml:1:").message()).contains("batch/v1beta1").contains("1.25");
    }

    @Test
    void shouldFailAJobThatBreaksTheLevelTheRunsNamespaceEnforces() {
        checklist("    podSecurity: restricted\n", "").write("smoke/job.yaml", job(RESTRICTED_POD
                .replace("allowPrivilegeEscalation: false", "allowPrivilegeEscalation: true")));

        List<Item> items = workspace.validate("manifest.pod-security", Optional.empty());

        assertThat(onlyFailure(items, "smoke/job.yaml:").message())
                .startsWith("Job/smoke: violates PodSecurity \"restricted:v1.31\": allowPrivilegeEscalation != false");
    }

    @Test
    void shouldPassAJobThatMeetsTheLevelAndCountItWithTheListedFiles() {
        checklist("    podSecurity: restricted\n", "").write("smoke/job.yaml", job(RESTRICTED_POD));

        Report report = workspace.validate(Optional.empty());

        assertThat(report.items()).filteredOn(item -> item.id().startsWith("manifest."))
                .as(report.items().toString()).allSatisfy(item -> assertThat(item.status()).isEqualTo(Status.PASS));
        assertThat(report.items()).filteredOn(item -> item.id().equals("manifest.parse")).singleElement()
                .extracting(Item::message).isEqualTo("2 files read: 2 resources");
    }

    @Test
    void shouldJudgeAFileThatIsBothListedAndAJobManifestOnce() {
        workspace.checklist("""
                kubernetes:
                  version: "1.31"
                  manifests: [deploy/]
                provision:
                  tests:
                    - name: smoke
                      job: {manifest: deploy/job.yaml}
                """).write("deploy/job.yaml", job(RESTRICTED_POD.replace("busybox:1.37.0", "busybox")));

        Report report = workspace.validate(Optional.empty());

        assertThat(report.items()).filteredOn(item -> item.id().equals("manifest.image-tag"))
                .extracting(Item::status).containsExactly(Status.FAIL);
        assertThat(report.items()).filteredOn(item -> item.id().equals("manifest.parse")).singleElement()
                .extracting(Item::message).isEqualTo("1 file read: 1 resource");
    }

    @Test
    void shouldJudgeAJobManifestThatKubernetesExcludeLeavesOutSinceTheProvisionAppliesIt() {
        workspace.checklist("""
                kubernetes:
                  version: "1.31"
                  manifests: [deploy/]
                  exclude: [deploy/smoke/]
                provision:
                  tests:
                    - name: smoke
                      job: {manifest: deploy/smoke/job.yaml}
                """).write("deploy/config.yaml", CONFIG)
                .write("deploy/smoke/job.yaml", job(RESTRICTED_POD.replace("busybox:1.37.0", "busybox")));

        List<Item> items = workspace.validate("manifest.image-tag", Optional.empty());

        onlyFailure(items, "deploy/smoke/job.yaml:");
    }

    @Test
    void shouldJudgeTheProvisionsOwnDeployListWhenOnlyItNamesManifests() {
        workspace.checklist("""
                kubernetes:
                  version: "1.31"
                provision:
                  deploy:
                    manifests: [release/]
                """).write("release/cronjob.yaml", """
                apiVersion: batch/v1beta1
                kind: CronJob
                metadata:
                  name: nightly
                spec:
                  schedule: "@daily"
                  jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: c, image: busybox:1.37.0}]}}}}
                """);

        List<Item> items = workspace.validate("manifest.api-version", Optional.empty());

        onlyFailure(items, "release/cronjob.yaml:1:");
    }
}

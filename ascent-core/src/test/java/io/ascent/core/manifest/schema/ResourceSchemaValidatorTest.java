package io.ascent.core.manifest.schema;

import static io.ascent.core.manifest.schema.SchemaTestSupport.DEPLOYMENT;
import static io.ascent.core.manifest.schema.SchemaTestSupport.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.jsonschema.SchemaViolation;
import io.ascent.core.manifest.api.KubernetesVersion;
import io.ascent.core.yaml.YamlDocument;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceSchemaValidatorTest {
    private static final KubernetesVersion V1_30 = KubernetesVersion.of(1, 30);

    private final SchemaTestSupport.RecordingFetcher network = new SchemaTestSupport.RecordingFetcher();
    private final ResourceSchemaValidator strict = ResourceSchemaValidator.builder().fetcher(network).build();

    private SchemaResult.Checked checked(SchemaResult result) {
        assertThat(result).isInstanceOf(SchemaResult.Checked.class);
        return (SchemaResult.Checked) result;
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.22", "1.23", "1.24", "1.25", "1.26", "1.27", "1.28", "1.29", "1.30", "1.31", "1.32",
            "1.33", "1.34", "1.35", "1.36", "1.37"})
    void bundledSchemaOfEveryReleaseAcceptsAValidDeploymentWithNullsAndIntOrStrings(String version) {
        SchemaResult.Checked result = checked(strict.validate(yaml(DEPLOYMENT), List.of(), "apps/v1", "Deployment",
                KubernetesVersion.parse(version)));

        assertThat(result.violations()).isEmpty();
        assertThat(result.source()).isEqualTo("bundled Kubernetes " + version + " schema of apps/v1 Deployment");
    }

    @Test
    void bundledLookupFollowsTheTargetVersion() {
        String cronJob = """
                apiVersion: batch/v1beta1
                kind: CronJob
                metadata: {name: nightly}
                spec:
                  schedule: "0 3 * * *"
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          restartPolicy: Never
                          containers: [{name: job, image: busybox}]
                """;

        assertThat(checked(strict.validate(yaml(cronJob), List.of(), "batch/v1beta1", "CronJob",
                KubernetesVersion.of(1, 24))).violations()).isEmpty();
        SchemaResult removed = strict.validate(yaml(cronJob), List.of(), "batch/v1beta1", "CronJob",
                KubernetesVersion.of(1, 25));
        // no CRD gives a removed built-in API a schema: the object has to move
        assertThat(removed).isEqualTo(new SchemaResult.Skipped("no schema for batch/v1beta1 CronJob (Kubernetes 1.25)"
                + " in the default location", Optional.of(SchemaResult.Remedy.other("a built-in API Kubernetes 1.25 does"
                + " not serve: move the object to the version manifest.api-version names"))));
    }

    @Test
    void misspeltKindOfABuiltInGroupIsSkippedAsAMisspellingNotAsAMissingCrd() {
        SchemaResult result = strict.validate(yaml("apiVersion: apps/v1\nkind: Deploymnet\nspec: {}\n"),
                List.of(), "apps/v1", "Deploymnet", V1_30);

        assertThat(result).isEqualTo(new SchemaResult.Skipped("no schema for apps/v1 Deploymnet (Kubernetes 1.30)"
                + " in the default location", Optional.of(SchemaResult.Remedy.other("its API group is built in and has"
                + " no such kind in the releases Ascent knows: check the kind and apiVersion (manifest.api-version)"))));
    }

    @Test
    void targetOlderThanTheBundleIsSkippedNamingTheCoveredRange() {
        SchemaResult result = strict.validate(yaml(DEPLOYMENT), List.of(), "apps/v1", "Deployment",
                KubernetesVersion.of(1, 21));

        assertThat(((SchemaResult.Skipped) result).reason())
                .contains("the bundled schemas cover Kubernetes 1.22 to 1.37, not 1.21");
    }

    @Test
    void targetNewerThanTheBundleUsesTheNewestReleaseAndSaysSo() {
        SchemaResult.Checked result = checked(strict.validate(yaml(DEPLOYMENT), List.of(), "apps/v1", "Deployment",
                KubernetesVersion.of(1, 40)));

        assertThat(result.violations()).isEmpty();
        assertThat(result.source()).isEqualTo("bundled Kubernetes 1.37 schema of apps/v1 Deployment"
                + " (the newest bundled release; the target is 1.40)");
    }

    @Test
    void strictModeReportsAnUnknownFieldAtItsKeyLine() {
        YamlDocument document = yaml(DEPLOYMENT.replace("image: nginx:1.27\n",
                "image: nginx:1.27\n          imagePullPolicyy: Always\n"));

        List<SchemaViolation> violations = checked(strict.validate(document, List.of(), "apps/v1", "Deployment",
                V1_30)).violations();

        assertThat(violations).hasSize(1);
        SchemaViolation violation = violations.get(0);
        assertThat(violation.location().toString()).isEqualTo("deploy/app.yaml:25:11");
        assertThat(violation.pointer()).isEqualTo("/spec/template/spec/containers/0");
        assertThat(violation.keyword()).isEqualTo("additionalProperties");
        assertThat(violation.message()).startsWith("unknown property 'imagePullPolicyy' in spec.template.spec"
                + ".containers[0]; did you mean 'imagePullPolicy'?");
    }

    @Test
    void nonStrictModeAcceptsUnknownFieldsButStillChecksTypes() {
        ResourceSchemaValidator lenient = ResourceSchemaValidator.builder().strict(false).fetcher(network).build();
        YamlDocument document = yaml(DEPLOYMENT.replace("image: nginx:1.27\n",
                "image: nginx:1.27\n          imagePullPolicyy: Always\n").replace("replicas: 2", "replicas: two"));

        List<SchemaViolation> violations = checked(lenient.validate(document, List.of(), "apps/v1", "Deployment",
                V1_30)).violations();

        assertThat(violations).extracting(SchemaViolation::keyword).containsExactly("type");
    }

    @Test
    void typeErrorIsReportedAtTheValue() {
        YamlDocument document = yaml(DEPLOYMENT.replace("replicas: 2", "replicas: two"));

        List<SchemaViolation> violations = checked(strict.validate(document, List.of(), "apps/v1", "Deployment",
                V1_30)).violations();

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.location().toString()).isEqualTo("deploy/app.yaml:9:13");
            assertThat(v.pointer()).isEqualTo("/spec/replicas");
            assertThat(v.message()).isEqualTo("expected an integer but found 'two' in spec.replicas");
        });
    }

    @Test
    void intOrStringFieldsAcceptNumbersAndStringsButNotMappings() {
        YamlDocument document = yaml(DEPLOYMENT.replace("maxUnavailable: 1", "maxUnavailable: {a: 1}"));

        List<SchemaViolation> violations = checked(strict.validate(document, List.of(), "apps/v1", "Deployment",
                V1_30)).violations();

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.pointer()).isEqualTo("/spec/strategy/rollingUpdate/maxUnavailable");
            assertThat(v.message()).isEqualTo("expected a string or an integer but found a mapping"
                    + " in spec.strategy.rollingUpdate.maxUnavailable");
        });
    }

    @Test
    void requiredFieldWhoseValueIsNullIsReportedMissing() {
        YamlDocument document = yaml("""
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers: null
                """);

        List<SchemaViolation> violations = checked(strict.validate(document, List.of(), "v1", "Pod", V1_30))
                .violations();

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.keyword()).isEqualTo("required");
            assertThat(v.message()).isEqualTo("missing required property 'containers' in spec");
        });
    }

    @Test
    void itemsOfAListArePointedAtFromTheDocumentRoot() {
        YamlDocument document = yaml("""
                apiVersion: v1
                kind: List
                items:
                  - apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: a}
                    data: {k: v}
                  - apiVersion: v1
                    kind: Service
                    metadata: {name: b}
                    spec:
                      ports:
                        - port: 80
                          targetPort: http
                          protocl: TCP
                """);

        assertThat(checked(strict.validate(document, List.of("items", "0"), "v1", "ConfigMap", V1_30)).violations())
                .isEmpty();
        List<SchemaViolation> violations = checked(strict.validate(document, List.of("items", "1"), "v1", "Service",
                V1_30)).violations();

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.pointer()).isEqualTo("/items/1/spec/ports/0");
            assertThat(v.location().toString()).isEqualTo("deploy/app.yaml:15:11");
            assertThat(v.message()).startsWith("unknown property 'protocl' in items[1].spec.ports[0]; did you mean 'protocol'?");
        });
    }

    @Test
    void unknownKindInTheDefaultLocationIsSkippedWithAReason() {
        SchemaResult result = strict.validate(yaml("apiVersion: example.com/v1\nkind: Widget\nspec: {size: 1}\n"),
                List.of(), "example.com/v1", "Widget", V1_30);

        assertThat(result).isEqualTo(new SchemaResult.Skipped("no schema for example.com/v1 Widget (Kubernetes 1.30)"
                + " in the default location", Optional.of(SchemaResult.Remedy.CRD)));
    }

    @Test
    void defaultLocationNeverUsesTheNetwork() {
        for (String version : List.of("1.22", "1.30", "1.37")) {
            strict.validate(yaml(DEPLOYMENT), List.of(), "apps/v1", "Deployment", KubernetesVersion.parse(version));
            strict.validate(yaml("apiVersion: example.com/v1\nkind: Widget\n"), List.of(), "example.com/v1", "Widget",
                    KubernetesVersion.parse(version));
            strict.validate(yaml("apiVersion: v1\nkind: Service\n"), List.of(), "v1", "Service",
                    KubernetesVersion.parse(version));
        }

        assertThat(network.calls).hasValue(0);
    }

    @Test
    void eachSchemaIsCompiledOnceAndSharedAcrossThreads() throws InterruptedException {
        SchemaRegistry registry = strict.registry();
        SchemaRegistry.Lookup[] seen = new SchemaRegistry.Lookup[8];
        Thread[] threads = new Thread[seen.length];
        for (int i = 0; i < threads.length; i++) {
            int slot = i;
            threads[i] = new Thread(() -> seen[slot] = registry.lookup(V1_30, "apps/v1", "StatefulSet"));
            threads[i].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(seen).allSatisfy(lookup -> assertThat(lookup).isSameAs(seen[0]).isInstanceOf(SchemaRegistry.Found.class));
    }

    @Test
    void quantitiesAcceptNumbersAndStrings() {
        YamlDocument document = yaml(DEPLOYMENT.replace("resources: {}", """
                resources:
                            requests: {cpu: 0.5, memory: 64Mi}
                            limits: {cpu: 1, memory: "128Mi", ephemeral-storage: 1Gi}"""));

        assertThat(checked(strict.validate(document, List.of(), "apps/v1", "Deployment", V1_30)).violations())
                .isEmpty();
    }

    @Test
    void timestampsMustBeRfc3339() {
        String event = """
                apiVersion: events.k8s.io/v1
                kind: Event
                metadata: {name: e, creationTimestamp: "2024-05-01T10:00:00Z"}
                eventTime: yesterday
                """;

        List<SchemaViolation> violations = checked(strict.validate(yaml(event), List.of(), "events.k8s.io/v1", "Event",
                V1_30)).violations();

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.pointer()).isEqualTo("/eventTime");
            assertThat(v.location().toString()).isEqualTo("deploy/app.yaml:4:12");
            assertThat(v.message()).isEqualTo("'yesterday' in eventTime must be of type date-time");
        });
    }
}

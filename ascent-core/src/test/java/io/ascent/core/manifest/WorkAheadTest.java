package io.ascent.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.manifest.api.ApiLifecycleTable;
import io.ascent.core.manifest.schema.SchemaFetcher;
import io.ascent.core.network.UrlAllowList;
import io.ascent.core.report.Item;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The work the loader threads do on each object they parsed, before the checking thread gets it
 * ({@code ManifestValidationStep}'s {@code Ahead}): the JSON copy when a check reads every object's copy, and the
 * schema check's validation ({@code ManifestCheck.prepare}). Where it runs is observed through seams, not timed: the
 * state of each object's document when the checking thread receives it, and the thread a remote schema is fetched on.
 * And it changes nothing in the report: the same items with it and without it (one thread parses on the checking one).
 */
class WorkAheadTest {
    private static final String FIXTURES = "/manifest-checks";
    private static final String LOADER_THREAD = "ascent-manifest-loader";
    private static final String ONLY_SCHEMA_AND_API = """
              checks:
                manifest.shape: {enabled: false}
                manifest.resources: {enabled: false}
                manifest.probes: {enabled: false}
                manifest.image-tag: {enabled: false}
                manifest.run-as-non-root: {enabled: false}
                manifest.privileged: {enabled: false}
                manifest.host-namespaces: {enabled: false}
                manifest.read-only-root-filesystem: {enabled: false}
                manifest.pod-disruption-budget: {enabled: false}
                manifest.service-selector: {enabled: false}
            """;

    @TempDir
    Path repository;

    @Test
    void shouldBuildEveryCopyOnTheLoaderThreadsWhenACheckReadsEveryCopy() {
        ManifestWorkspace workspace = applications(new ManifestWorkspace(repository)
                .checklist("kubernetes:\n  version: \"1.31\"\n  manifests: [deploy/]\n"));

        List<Boolean> copied = copiedWhenHandedOver(workspace);

        // manifest.shape reads every object's copy: each was built before the checking thread got its object.
        assertThat(copied).hasSize(12).containsOnly(true);
    }

    @Test
    void shouldBuildNoCopyWhenNoCheckReadsEveryCopy() {
        ManifestWorkspace workspace = applications(new ManifestWorkspace(repository)
                .checklist("kubernetes:\n  version: \"1.31\"\n  manifests: [deploy/]\n" + ONLY_SCHEMA_AND_API));

        assertThat(copiedWhenHandedOver(workspace)).hasSize(12).containsOnly(false);
    }

    @ParameterizedTest(name = "kubernetes.version {0}")
    @ValueSource(strings = {"1.31", "1.29..1.33"})
    void shouldValidateSchemasOnTheLoaderThreadsWhenEveryCheckIsOn(String versions) {
        int versionsJudged = versions.contains("..") ? 5 : 1;
        assertThat(schemaFetchThreads(versions, "")).hasSize(6 * versionsJudged).containsOnly(LOADER_THREAD);
    }

    @Test
    void shouldValidateSchemasOnTheCheckingThreadWhenOnlySchemaAndApiVersionAreOn() {
        // The loader threads are the busier side then: the checking thread validates.
        assertThat(schemaFetchThreads("1.31", ONLY_SCHEMA_AND_API)).hasSize(6).doesNotContain(LOADER_THREAD);
    }

    /**
     * The names of the threads that fetched a schema: every kind's schema comes from a remote location the test
     * serves, fetched by the thread that validates the first object of that kind, for each target version.
     */
    private List<String> schemaFetchThreads(String versions, String checks) {
        String base = "http://127.0.0.1:9/schemas/";
        List<String> fetchedOn = Collections.synchronizedList(new ArrayList<>());
        SchemaFetcher fetcher = uri -> {
            fetchedOn.add(Thread.currentThread().getName());
            return new SchemaFetcher.Fetched("{\"type\": \"object\", \"properties\": {\"spec\": {\"type\": \"object\","
                    + " \"properties\": {\"size\": {\"type\": \"integer\"}}}}}", false);
        };
        ManifestWorkspace workspace = new ManifestWorkspace(repository).checklist("kubernetes:\n  version: \""
                + versions + "\"\n  schemaLocations: [\"" + base + "{{ .ResourceKind }}.json\"]\n"
                + "  manifests: [deploy/]\n" + checks);
        for (int i = 0; i < 6; i++) {
            workspace.write("deploy/" + i + ".yaml", "apiVersion: example.com/v1\nkind: Widget" + i
                    + "\nmetadata: {name: w" + i + "}\nspec: {size: " + (i % 2 == 0 ? "3" : "big") + "}\n");
        }

        List<Item> items = workspace.validate(Optional.empty(), new ManifestValidationStep(
                ApiLifecycleTable.builtIn(), 2, fetcher, UrlAllowList.of(List.of(base)), resource -> { })).items();

        assertThat(items).filteredOn(item -> item.id().equals("manifest.schema")).extracting(Item::message)
                .anySatisfy(message -> assertThat(message).contains("w1"))
                .noneSatisfy(message -> assertThat(message).contains("w2"));
        return fetchedOn;
    }

    @ParameterizedTest(name = "kubernetes.version {0}")
    @ValueSource(strings = {"1.31", "1.24..1.33"})
    void shouldReportTheSameItemsWhetherTheWorkIsDoneAheadOrNot(String versions) throws Exception {
        ManifestWorkspace workspace = new ManifestWorkspace(repository)
                .checklist("kubernetes:\n  version: \"" + versions + "\"\n  manifests: [deploy/]\n");
        List<Path> fixtures = fixtures();
        for (int i = 0; i < fixtures.size(); i++) {
            // Numbered so that the files are read in the same order in both runs, and never one alone.
            workspace.write(String.format("deploy/%03d-%s", i, fixtures.get(i).getFileName()),
                    Files.readString(fixtures.get(i)));
        }
        // The fixtures hold no List with entries: entries share one document, so work done ahead must be kept per
        // object, not per document. A custom resource read before its CRD waits for it whoever validated it first.
        workspace.write("deploy/000-lists.yaml", """
                apiVersion: v1
                kind: List
                items:
                - apiVersion: v1
                  kind: ConfigMap
                  metadata: {name: settings}
                  data: {mode: fast}
                - apiVersion: v1
                  kind: Service
                  metadata: {name: web}
                  spec: {selector: {app: web}, ports: [{port: "80"}], colour: blue}
                ---
                apiVersion: apps/v1
                kind: DeploymentList
                items:
                - apiVersion: apps/v1
                  kind: Deployment
                  metadata: {name: web}
                  spec:
                    replicas: two
                    selector: {matchLabels: {app: web}}
                    template:
                      metadata: {labels: {app: web}}
                      spec: {containers: [{name: web, image: web:1.0}]}
                ---
                apiVersion: example.com/v1
                kind: Gadget
                metadata: {name: g1}
                spec: {size: big}
                """);
        workspace.write("deploy/999-crd.yaml", """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: gadgets.example.com}
                spec:
                  group: example.com
                  names: {kind: Gadget, plural: gadgets, singular: gadget, listKind: GadgetList}
                  scope: Namespaced
                  versions:
                  - name: v1
                    served: true
                    storage: true
                    schema:
                      openAPIV3Schema:
                        type: object
                        properties:
                          spec: {type: object, properties: {size: {type: integer}}}
                """);

        List<Item> ahead = workspace.validate(Optional.empty(),
                new ManifestValidationStep(ApiLifecycleTable.builtIn(), 2)).items();
        List<Item> inline = workspace.validate(Optional.empty(),
                new ManifestValidationStep(ApiLifecycleTable.builtIn(), 1)).items();

        assertThat(ahead).as("findings of the fixtures").hasSizeGreaterThan(fixtures.size());
        assertThat(ahead).extracting(Item::message).anySatisfy(message -> assertThat(message).contains("g1"));
        assertThat(ahead).usingRecursiveFieldByFieldElementComparatorIgnoringFields("duration")
                .containsExactlyElementsOf(inline);
    }

    /** Six files of two objects each, every one valid. */
    private static ManifestWorkspace applications(ManifestWorkspace workspace) {
        for (int i = 0; i < 6; i++) {
            workspace.write("deploy/app" + i + ".yaml", """
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: settings-%1$d, labels: {app: web-%1$d}}
                    data: {mode: fast}
                    ---
                    apiVersion: v1
                    kind: ServiceAccount
                    metadata: {name: web-%1$d, labels: {app: web-%1$d}}
                    """.formatted(i));
        }
        return workspace;
    }

    /** Whether each object's document had its JSON copy when the checking thread received it, in file order. */
    private static List<Boolean> copiedWhenHandedOver(ManifestWorkspace workspace) {
        List<Boolean> copied = new ArrayList<>();
        workspace.validate(Optional.empty(), new ManifestValidationStep(ApiLifecycleTable.builtIn(), 2, null,
                UrlAllowList.none(), resource -> copied.add(resource.document().hasJson())));
        return copied;
    }

    private static List<Path> fixtures() throws IOException, URISyntaxException {
        Path root = Path.of(WorkAheadTest.class.getResource(FIXTURES).toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }
}

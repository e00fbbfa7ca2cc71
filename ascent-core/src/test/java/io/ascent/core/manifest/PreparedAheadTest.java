package io.ascent.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.report.Item;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks' work done ahead on the parsing threads ({@code ManifestCheck.prepare}: schema validation, the JSON
 * copy) gives the same report as the same work done by {@code inspect} alone: every check fixture, in one run with
 * every check on, read on two threads and on one. The fixtures hold invalid objects, List entries, CRDs with their
 * custom resources, exemptions and objects without kind or apiVersion, each a path the work ahead could get wrong.
 */
class PreparedAheadTest {
    private static final String FIXTURES = "/manifest-checks";

    @TempDir
    Path repository;

    @ParameterizedTest(name = "kubernetes.version {0}")
    @ValueSource(strings = {"1.31", "1.24..1.33"})
    void shouldReportTheSameItemsWhetherObjectsArePreparedAheadOrNot(String versions) throws Exception {
        ManifestWorkspace workspace = new ManifestWorkspace(repository)
                .checklist("kubernetes:\n  version: \"" + versions + "\"\n  manifests: [deploy/]\n");
        List<Path> fixtures = fixtures();
        for (int i = 0; i < fixtures.size(); i++) {
            // Numbered so that the files are read in the same order in both runs, and never one alone.
            workspace.write(String.format("deploy/%03d-%s", i, fixtures.get(i).getFileName()),
                    Files.readString(fixtures.get(i)));
        }

        // The fixtures hold no List with entries: entries share one document, so work done ahead must be kept per
        // object, not per document.
        workspace.write("deploy/999-lists.yaml", """
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
                """);

        List<Item> ahead = workspace.validate(Optional.empty(), 2).items();
        List<Item> inline = workspace.validate(Optional.empty(), 1).items();

        assertThat(ahead).as("findings of the fixtures").hasSizeGreaterThan(fixtures.size());
        assertThat(ahead).usingRecursiveFieldByFieldElementComparatorIgnoringFields("duration")
                .containsExactlyElementsOf(inline);
    }

    private static List<Path> fixtures() throws IOException, URISyntaxException {
        Path root = Path.of(PreparedAheadTest.class.getResource(FIXTURES).toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }
}

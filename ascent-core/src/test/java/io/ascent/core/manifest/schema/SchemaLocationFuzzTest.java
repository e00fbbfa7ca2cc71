package io.ascent.core.manifest.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ascent.core.fuzz.FuzzFolders;
import io.ascent.core.jsonschema.SchemaViolation;
import io.ascent.core.manifest.api.KubernetesVersion;
import io.ascent.core.yaml.YamlDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Fuzzes what a repository controls about schema lookup: the location as written, the kind and apiVersion that
 * fill its template, and the {@code $ref} of a schema in its folder. Whatever they are, nothing outside the
 * repository is read (a schema there would report "readFromOutside"), the fetcher is never asked (no URL is
 * allowed), and the only exception is a refused location at build time. The default test run replays the seeds
 * in {@code SchemaLocationFuzzTestInputs}; fuzz with
 * {@code JAZZER_FUZZ=1 ./mvnw -B -pl ascent-core test -Dtest=SchemaLocationFuzzTest -Djazzer.skip}.
 */
class SchemaLocationFuzzTest {
    private static final Path TEMP = createLayout();
    private static final Path REPOSITORY = TEMP.resolve("repo");
    private static final YamlDocument DOCUMENT = SchemaTestSupport.yaml("apiVersion: v1\nkind: X\nspec: {a: 1}\n");

    private static Path createLayout() {
        try {
            Path temp = FuzzFolders.create("ascent-schema-fuzz");
            Path repository = Files.createDirectories(temp.resolve("repo/schemas/sub"));
            String outside = "{\"type\": \"object\", \"required\": [\"readFromOutside\"]}";
            Files.writeString(temp.resolve("secret.json"), outside);
            Files.writeString(temp.resolve("repo/secret.json"), "{\"type\": \"object\"}");
            Files.createSymbolicLink(temp.resolve("repo/schemas/out.json"), temp.resolve("secret.json"));
            Files.createSymbolicLink(temp.resolve("repo/schemas/sub/up"), temp);
            return temp;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "20s")
    void shouldNeverReadOutsideOrUseTheNetwork(FuzzedDataProvider data) throws IOException {
        String ref = data.consumeString(200);
        String apiVersion = data.consumeString(60);
        String kind = data.consumeString(60);
        String location = data.consumeRemainingAsString();
        Files.writeString(REPOSITORY.resolve("schemas/fuzzed.json"),
                "{\"type\": \"object\", \"properties\": {\"spec\": {\"$ref\": " + org.json.JSONObject.quote(ref)
                        + "}}}");
        SchemaTestSupport.RecordingFetcher fetcher = new SchemaTestSupport.RecordingFetcher();
        ResourceSchemaValidator validator;
        try {
            validator = ResourceSchemaValidator.builder()
                    .schemaLocations(List.of(location, "schemas/fuzzed.json", "schemas/{{ .ResourceKind }}.json"))
                    .baseDirectory(REPOSITORY)
                    .repositoryRoot(REPOSITORY)
                    .fetcher(fetcher)
                    .build();
        } catch (IllegalArgumentException refused) {
            return;
        }

        SchemaResult result = validator.validate(DOCUMENT, List.of(), apiVersion, kind, KubernetesVersion.of(1, 30));

        assertThat(fetcher.calls.get()).as("fetcher calls").isZero();
        if (result instanceof SchemaResult.Checked checked) {
            assertThat(checked.violations()).extracting(SchemaViolation::message)
                    .noneMatch(message -> message.contains("readFromOutside"));
        }
    }
}

package io.ascent.core.manifest.schema;

import static io.ascent.core.manifest.schema.SchemaTestSupport.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.ascent.core.jsonschema.LocatedSchemaValidator;
import io.ascent.core.manifest.api.KubernetesVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.json.JSONObject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema locations read only what lies under them: a manifest's kind cannot steer a template out of its folder,
 * a schema's {@code $ref} cannot leave its location, a folder location cannot leave the repository, and a schema
 * file that is a device is refused. Every file is made by the test; "outside" is a folder beside the repository
 * holding a schema that, if it were used, would report a violation no repository schema can produce.
 */
class SchemaConfinementTest {
    private static final KubernetesVersion V1_30 = KubernetesVersion.of(1, 30);
    /** A schema that would reject every document: used, it would show as a violation. */
    private static final String OUTSIDE_SCHEMA = """
            {"type": "object", "required": ["readFromOutsideTheRepository"]}
            """;
    private static final String WIDGET = """
            apiVersion: example.com/v1
            kind: Widget
            metadata: {name: w}
            spec: {size: 1}
            """;

    @TempDir
    Path temp;

    private Path repository;
    private Path outside;

    @BeforeEach
    void layout() throws IOException {
        repository = Files.createDirectories(temp.resolve("repo"));
        outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("passwd.json"), OUTSIDE_SCHEMA);
        Files.createDirectories(repository.resolve("schemas"));
    }

    private ResourceSchemaValidator validator(String... locations) {
        return ResourceSchemaValidator.builder()
                .schemaLocations(List.of(locations))
                .baseDirectory(repository)
                .repositoryRoot(repository)
                .fetcher(SchemaFetcher.offline())
                .build();
    }

    private void schema(String relative, String json) throws IOException {
        Path file = repository.resolve("schemas").resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, json);
    }

    @Test
    void shouldNotLetAKindLikeAPathSteerAFolderTemplateOutOfTheRepository() {
        SchemaResult result = validator("schemas/{{ .ResourceKind }}.json").validate(yaml("""
                apiVersion: v1
                kind: ../../outside/passwd
                metadata: {name: x}
                """), List.of(), "v1", "../../outside/passwd", V1_30);

        assertThat(result).isInstanceOfSatisfying(SchemaResult.Skipped.class, skipped ->
                assertThat(skipped.reason()).contains("kind '../../outside/passwd' is not a Kubernetes kind")
                        .contains("no schema was looked up"));
    }

    @Test
    void shouldNotLetAnApiGroupLikeAPathSteerATemplate() {
        SchemaResult result = validator("schemas/{{ .Group }}/{{ .ResourceKind }}.json").validate(yaml(WIDGET),
                List.of(), "../../outside/v1", "Passwd", V1_30);

        assertThat(result).isInstanceOfSatisfying(SchemaResult.Skipped.class, skipped ->
                assertThat(skipped.reason()).contains("is not a Kubernetes API version"));
    }

    @Test
    void shouldStillFindAValidKindInAFolderInsideTheRepository() throws IOException {
        schema("widget.json", "{\"type\": \"object\", \"required\": [\"spec\"]}");

        SchemaResult result = validator("schemas/{{ .ResourceKind }}.json").validate(yaml(WIDGET), List.of(),
                "example.com/v1", "Widget", V1_30);

        assertThat(result).isInstanceOf(SchemaResult.Checked.class);
    }

    @Test
    void shouldRefuseAFolderLocationOutsideTheRepository() {
        assertThatThrownBy(() -> validator("../outside/{{ .ResourceKind }}.json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is outside the repository");
        assertThatThrownBy(() -> validator(outside + "/"))
                .hasMessageContaining("is outside the repository");
    }

    @Test
    void shouldRefuseAFileReferenceToAnAbsolutePathFromAFolderSchema() throws IOException {
        schema("widget.json", "{\"$ref\": \"" + outside.resolve("passwd.json").toUri() + "\"}");

        assertNotUsed(validator("schemas/{{ .ResourceKind }}.json").validate(yaml(WIDGET), List.of(),
                "example.com/v1", "Widget", V1_30));
    }

    @Test
    void shouldRefuseARelativeReferenceThatClimbsOutOfTheFolder() throws IOException {
        schema("widget.json", "{\"$ref\": \"../../outside/passwd.json\"}");

        assertNotUsed(validator("schemas/{{ .ResourceKind }}.json").validate(yaml(WIDGET), List.of(),
                "example.com/v1", "Widget", V1_30));
    }

    @Test
    void shouldRefuseASchemaFileThatLinksOutOfItsFolder() throws IOException {
        Files.createSymbolicLink(repository.resolve("schemas/widget.json"), outside.resolve("passwd.json"));

        assertNotUsed(validator("schemas/{{ .ResourceKind }}.json").validate(yaml(WIDGET), List.of(),
                "example.com/v1", "Widget", V1_30));
    }

    @Test
    void shouldRefuseASchemaFileThatIsALinkToAnEndlessDevice() throws IOException {
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")), "/dev/zero exists");
        Files.createSymbolicLink(repository.resolve("schemas/widget.json"), Path.of("/dev/zero"));

        SchemaResult result = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> validator(
                "schemas/{{ .ResourceKind }}.json").validate(yaml(WIDGET), List.of(), "example.com/v1", "Widget",
                V1_30));

        assertThat(result).isInstanceOfSatisfying(SchemaResult.Skipped.class, skipped ->
                assertThat(skipped.reason()).contains("symbolic link that leads out of"));
    }

    @Test
    void shouldRefuseASchemaFileOverTheSizeLimitWithoutReadingIt() throws IOException {
        try (java.io.RandomAccessFile sparse = new java.io.RandomAccessFile(
                repository.resolve("schemas/widget.json").toFile(), "rw")) {
            sparse.setLength(CachingHttpFetcher.MAX_BYTES + 1L); // a hole: no disk used, no memory if refused
        }

        SchemaResult result = widget(validator("schemas/{{ .ResourceKind }}.json"));

        assertThat(result).isInstanceOfSatisfying(SchemaResult.Skipped.class, skipped ->
                assertThat(skipped.reason()).contains("the limit is " + CachingHttpFetcher.MAX_BYTES + " bytes"));
    }

    @Test
    void shouldRefuseAReferenceToAnotherDocumentFromASchemaGivenAsJson() throws IOException {
        JSONObject schema = new JSONObject("{\"$ref\": \"" + outside.resolve("passwd.json").toUri() + "\"}");

        assertThatThrownBy(() -> LocatedSchemaValidator.fromJson(schema))
                .hasStackTraceContaining("only references inside the schema");
    }

    private static SchemaResult widget(ResourceSchemaValidator validator) {
        return validator.validate(yaml(WIDGET), List.of(), "example.com/v1", "Widget", V1_30);
    }

    /** The outside schema was not used, and the reason says a reference or file was refused. */
    private static void assertNotUsed(SchemaResult result) {
        assertThat(result).isInstanceOfSatisfying(SchemaResult.Skipped.class, skipped ->
                assertThat(skipped.reason()).containsAnyOf("outside the schema location", "leads out of")
                        .doesNotContain("readFromOutsideTheRepository"));
    }
}

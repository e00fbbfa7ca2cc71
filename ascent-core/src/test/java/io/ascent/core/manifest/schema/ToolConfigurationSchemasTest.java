package io.ascent.core.manifest.schema;

import static io.ascent.core.manifest.schema.SchemaTestSupport.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.jsonschema.SchemaViolation;
import io.ascent.core.manifest.api.KubernetesVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** kind's cluster configuration is validated like a manifest, but as kind reads it. */
class ToolConfigurationSchemasTest {

    private static final String MISSPELT = """
            apiVersion: kind.x-k8s.io/v1alpha4
            kind: Cluster
            nodes:
              - role: control-plane
                extraPortMapping: []
            """;

    private final SchemaTestSupport.RecordingFetcher network = new SchemaTestSupport.RecordingFetcher();

    @Test
    void shouldRefuseUnknownFieldsOfAKindConfigEvenWhenKubernetesValidationIsLenient() {
        ResourceSchemaValidator lenient = ResourceSchemaValidator.builder().strict(false).fetcher(network).build();

        SchemaResult result = lenient.validate(yaml(MISSPELT), List.of(), "kind.x-k8s.io/v1alpha4", "Cluster",
                KubernetesVersion.of(1, 31));

        assertThat(result).isInstanceOf(SchemaResult.Checked.class);
        assertThat(((SchemaResult.Checked) result).violations()).extracting(SchemaViolation::message)
                .singleElement().asString().contains("unknown property 'extraPortMapping' in nodes[0]");
        assertThat(network.calls).as("no network for a built-in schema").hasValue(0);
    }

    @Test
    void shouldValidateAKindConfigForATargetOlderThanTheBundledKubernetesSchemas() {
        ResourceSchemaValidator strict = ResourceSchemaValidator.builder().fetcher(network).build();

        SchemaResult result = strict.validate(yaml(MISSPELT), List.of(), "kind.x-k8s.io/v1alpha4", "Cluster",
                KubernetesVersion.of(1, 20));

        assertThat(result).isInstanceOf(SchemaResult.Checked.class);
        assertThat(((SchemaResult.Checked) result).violations()).hasSize(1);
    }

    @Test
    void shouldStillSkipAKindApiVersionThatKindDoesNotRead() {
        ResourceSchemaValidator strict = ResourceSchemaValidator.builder().fetcher(network).build();

        SchemaResult result = strict.validate(yaml(MISSPELT.replace("v1alpha4", "v1alpha3")), List.of(),
                "kind.x-k8s.io/v1alpha3", "Cluster", KubernetesVersion.of(1, 31));

        assertThat(result).isInstanceOf(SchemaResult.Skipped.class);
    }

    @Test
    void shouldPointAtKindsDocumentationOnlyForKindsConfig() {
        assertThat(ToolConfigurationSchemas.documentation("kind.x-k8s.io/v1alpha4", "Cluster"))
                .hasValue("https://kind.sigs.k8s.io/docs/user/configuration/");
        assertThat(ToolConfigurationSchemas.documentation("apps/v1", "Deployment")).isEmpty();
    }
}

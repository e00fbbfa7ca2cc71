package io.ascent.core.manifest.schema;

import static io.ascent.core.manifest.schema.SchemaTestSupport.all;
import static io.ascent.core.manifest.schema.SchemaTestSupport.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.jsonschema.SchemaViolation;
import io.ascent.core.manifest.CrdYaml;
import io.ascent.core.manifest.api.KubernetesVersion;
import io.ascent.core.yaml.YamlDocument;
import java.util.List;
import java.util.Optional;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

class CustomResourceSchemasTest {
    private static final KubernetesVersion V1_30 = KubernetesVersion.of(1, 30);
    private static final String CRD = CrdYaml.of("example.com", "Widget", "widgets",
            CrdYaml.version("v1", true, """
                    type: object
                    properties:
                      spec:
                        type: object
                        required: [size]
                        properties:
                          size: {type: integer, minimum: 1, exclusiveMinimum: false}
                          port:
                            x-kubernetes-int-or-string: true
                            anyOf: [{type: integer}, {type: string}]
                          ratio: {type: number, maximum: 1, exclusiveMaximum: true}
                          labels:
                            type: object
                            additionalProperties: {type: string}
                          template:
                            type: object
                            x-kubernetes-preserve-unknown-fields: true
                          note: {type: string, nullable: true}
                          mode:
                            type: string
                            enum: [fast, safe]
                          choice:
                            type: object
                            properties:
                              a: {type: string}
                              b: {type: string}
                            oneOf:
                              - required: [a]
                              - required: [b]
                      status:
                        type: object
                        x-kubernetes-preserve-unknown-fields: true
                    """),
            CrdYaml.version("v1alpha1", false, """
                    type: object
                    x-kubernetes-preserve-unknown-fields: true
                    """));

    private final SchemaTestSupport.RecordingFetcher network = new SchemaTestSupport.RecordingFetcher();

    private ResourceSchemaValidator validator(boolean strict) {
        return ResourceSchemaValidator.builder().strict(strict).fetcher(network)
                .customResourceDefinitions(all(CRD)).build();
    }

    private static SchemaResult.Checked checked(SchemaResult result) {
        assertThat(result).isInstanceOf(SchemaResult.Checked.class);
        return (SchemaResult.Checked) result;
    }

    @Test
    void validCustomResourceIsCheckedAgainstTheSchemaOfItsCrd() {
        YamlDocument widget = yaml("""
                apiVersion: example.com/v1
                kind: Widget
                metadata:
                  name: w
                  namespace: demo
                  labels: {app: w}
                  creationTimestamp: null
                spec:
                  size: 3
                  port: http
                  ratio: 0.5
                  labels: {tier: front}
                  template: {anything: [1, 2], goes: {here: true}}
                  note: null
                  mode: safe
                  choice: {a: x}
                status: {observed: 1}
                """);

        SchemaResult.Checked result = checked(validator(true).validate(widget, List.of(), "example.com/v1", "Widget", V1_30));

        assertThat(result.violations()).isEmpty();
        assertThat(result.source()).isEqualTo("CustomResourceDefinition widgets.example.com (deploy/app.yaml:1:1)");
        assertThat(network.calls).hasValue(0);
    }

    @Test
    void strictModeReportsFieldsTheApiServerWouldPruneAtTheirLines() {
        YamlDocument widget = yaml("""
                apiVersion: example.com/v1
                kind: Widget
                metadata: {name: w}
                spec:
                  size: 3
                  colour: red
                  choice: {a: x}
                extra: true
                """);

        List<SchemaViolation> violations = checked(validator(true).validate(widget, List.of(), "example.com/v1",
                "Widget", V1_30)).violations();

        assertThat(violations).extracting(SchemaViolation::describe).containsExactly(
                "deploy/app.yaml:6:3: unknown property 'colour' in spec. Allowed: choice, labels, mode, note, port,"
                        + " ratio, size, template",
                "deploy/app.yaml:8:1: unknown property 'extra' at the top level. Allowed: apiVersion, kind, metadata,"
                        + " spec, status");
    }

    @Test
    void nonStrictModeAllowsUnknownFieldsOfCustomResources() {
        YamlDocument widget = yaml("apiVersion: example.com/v1\nkind: Widget\nspec: {size: 3, colour: red}\n");

        assertThat(checked(validator(false).validate(widget, List.of(), "example.com/v1", "Widget", V1_30))
                .violations()).isEmpty();
    }

    @Test
    void valuesAreCheckedAgainstTypesBoundsEnumsAndCombinators() {
        YamlDocument widget = yaml("""
                apiVersion: example.com/v1
                kind: Widget
                spec:
                  size: 0
                  port: {name: http}
                  ratio: 1
                  mode: slow
                  choice: {}
                """);

        List<SchemaViolation> violations = checked(validator(true).validate(widget, List.of(), "example.com/v1",
                "Widget", V1_30)).violations();

        assertThat(violations).extracting(SchemaViolation::pointer).containsExactly(
                "/spec/size", "/spec/port", "/spec/ratio", "/spec/mode", "/spec/choice");
        assertThat(violations.get(0).message()).isEqualTo("must be at least 1 but is the number 0 in spec.size");
        assertThat(violations.get(2).message()).isEqualTo("must be less than 1 but is the number 1 in spec.ratio");
    }

    @Test
    void everyVersionOfTheCrdGetsItsOwnSchema() {
        YamlDocument widget = yaml("apiVersion: example.com/v1alpha1\nkind: Widget\nspec: {whatever: 1}\n");

        assertThat(checked(validator(true).validate(widget, List.of(), "example.com/v1alpha1", "Widget", V1_30))
                .violations()).isEmpty();
    }

    @Test
    void customResourceWithoutItsCrdIsSkippedWithAReason() {
        YamlDocument gadget = yaml("apiVersion: example.com/v1\nkind: Gadget\nspec: {}\n");

        SchemaResult result = validator(true).validate(gadget, List.of(), "example.com/v1", "Gadget", V1_30);

        assertThat(result).isEqualTo(new SchemaResult.Skipped("no schema for example.com/v1 Gadget (Kubernetes 1.30)"
                + " in the default location", Optional.of(SchemaResult.Remedy.CRD)));
    }

    @Test
    void crdsInsideAListAreFoundAndOtherDocumentsIgnored() {
        String list = "apiVersion: v1\nkind: List\nitems:\n"
                + CRD.lines().map(line -> "    " + line).collect(java.util.stream.Collectors.joining("\n"))
                        .replaceFirst("    apiVersion", "  - apiVersion")
                + "\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n";

        CustomResourceSchemas schemas = CustomResourceSchemas.from(all(list), true);

        assertThat(schemas.entries()).containsOnlyKeys("example.com/v1 Widget", "example.com/v1alpha1 Widget");
        assertThat(schemas.find("example.com/v1", "Widget").orElseThrow().location().toString())
                .isEqualTo("deploy/app.yaml:4:5");
        assertThat(schemas.problems()).isEmpty();
    }

    @Test
    void crdWithoutGroupOrKindIsAProblemNotAnError() {
        CustomResourceSchemas schemas = CustomResourceSchemas.from(all("""
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: broken.example.com}
                spec: {versions: []}
                """), true);

        assertThat(schemas.entries()).isEmpty();
        assertThat(schemas.problems()).singleElement().satisfies(p -> assertThat(p.message())
                .isEqualTo("CustomResourceDefinition broken.example.com has no spec.group or spec.names.kind;"
                        + " its custom resources cannot be checked"));
    }

    @Test
    void crdWhoseGroupKindOrVersionNameIsNotAStringIsAProblemNotAnError() {
        CustomResourceSchemas schemas = CustomResourceSchemas.from(all("""
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: numeric.example.com}
                spec: {group: -1, names: {kind: Widget}, versions: [{name: v1}]}
                ---
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: listed.example.com}
                spec: {group: example.com, names: {kind: [Widget]}, versions: [{name: v1}]}
                ---
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: gadgets.example.com}
                spec: {group: example.com, names: {kind: Gadget}, versions: [{name: 1}, {name: v2}]}
                """), true);

        assertThat(schemas.problems()).extracting(CustomResourceSchemas.Problem::message).containsExactly(
                "CustomResourceDefinition numeric.example.com has no spec.group or spec.names.kind; its custom"
                        + " resources cannot be checked",
                "CustomResourceDefinition listed.example.com has no spec.group or spec.names.kind; its custom"
                        + " resources cannot be checked");
        assertThat(schemas.entries().values()).extracting(CustomResourceSchemas.Entry::apiVersion)
                .containsExactly("example.com/v2");
    }

    @Test
    void conversionOfOpenApiKeywordsToDraft07() {
        JSONObject converted = CustomResourceSchemas.convert(new JSONObject("""
                {"type": "object", "properties": {
                  "n": {"type": "integer", "minimum": 0, "exclusiveMinimum": true, "format": "int32", "nullable": true},
                  "t": {"type": "string", "format": "date-time", "x-kubernetes-validations": [{"rule": "self != ''"}]},
                  "e": {"type": "object", "x-kubernetes-embedded-resource": true, "properties": {"spec": {"type": "object"}}}
                }}"""), true, true, false);

        assertThat(converted.similar(new JSONObject("""
                {"type": "object", "additionalProperties": false, "properties": {
                  "apiVersion": {"type": "string"}, "kind": {"type": "string"}, "metadata": {"type": "object"},
                  "n": {"type": ["integer", "null"], "exclusiveMinimum": 0},
                  "t": {"type": "string", "format": "date-time"},
                  "e": {"type": "object", "additionalProperties": false, "properties": {
                    "apiVersion": {"type": "string"}, "kind": {"type": "string"}, "metadata": {"type": "object"},
                    "spec": {"type": "object", "additionalProperties": false}}}
                }}"""))).as(converted.toString()).isTrue();
    }

    @Test
    void shouldNameTheFormatAValueBreaksAsTheApiServerDoes() {
        String crd = CrdYaml.of("example.com", "Probe", "probes", CrdYaml.version("v1", true, """
                type: object
                properties:
                  spec:
                    type: object
                    properties:
                      address: {type: string, format: ipv4}
                      since: {type: string, format: date-time}
                """));
        ResourceSchemaValidator validator = ResourceSchemaValidator.builder().strict(true).fetcher(network)
                .customResourceDefinitions(all(crd)).build();
        YamlDocument probe = yaml("""
                apiVersion: example.com/v1
                kind: Probe
                metadata: {name: p}
                spec:
                  address: 10.0.0.256
                  since: yesterday
                """);

        List<SchemaViolation> violations = checked(validator.validate(probe, List.of(), "example.com/v1", "Probe",
                V1_30)).violations();

        assertThat(violations).extracting(SchemaViolation::message).containsExactlyInAnyOrder(
                "'10.0.0.256' in spec.address must be of type ipv4",
                "'yesterday' in spec.since must be of type date-time");
    }
}

package io.ascent.core.manifest.schema;

import static io.ascent.core.manifest.schema.SchemaTestSupport.all;
import static io.ascent.core.manifest.schema.SchemaTestSupport.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.jsonschema.SchemaViolation;
import io.ascent.core.manifest.CrdYaml;
import io.ascent.core.manifest.api.KubernetesVersion;
import io.ascent.core.yaml.YamlDocument;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A custom resource is validated as the API server validates it: its schema's defaults filled in first. The
 * Gateway API case: an address without {@code type} is an {@code IPAddress} (the default), so it matches exactly
 * one branch of the {@code oneOf} that tells the address types apart. Run with both validators: everit (the
 * {@code not} and {@code format: ipv4} of the Gateway schema are outside the structural subset) and, on a schema
 * inside the subset, the structural one.
 */
class CustomResourceDefaultsTest {
    private static final KubernetesVersion V1_31 = KubernetesVersion.of(1, 31);

    /** Gateway's {@code spec.addresses}, cut down. */
    private static final String GATEWAY_CRD = CrdYaml.of("example.com", "Gateway", "gateways",
            CrdYaml.version("v1", true, """
                    type: object
                    properties:
                      spec:
                        type: object
                        properties:
                          addresses:
                            type: array
                            items:
                              type: object
                              required: [value]
                              properties:
                                type: {type: string, default: IPAddress}
                                value: {type: string}
                              oneOf:
                                - properties:
                                    type: {enum: [IPAddress]}
                                    value:
                                      anyOf: [{format: ipv4}, {format: ipv6}]
                                - properties:
                                    type:
                                      not: {enum: [IPAddress]}
                    """));

    /**
     * The same shape inside the structural subset: {@code mode} defaults to {@code fast}, and each branch allows one
     * mode; defaults also inside additionalProperties values and a defaulted object.
     */
    private static final String SUBSET_CRD = CrdYaml.of("example.com", "Pipe", "pipes",
            CrdYaml.version("v1", true, """
                    type: object
                    properties:
                      spec:
                        type: object
                        properties:
                          stages:
                            type: array
                            items:
                              type: object
                              properties:
                                mode: {type: string, default: fast}
                                depth: {type: integer}
                              oneOf:
                                - properties:
                                    mode: {enum: [fast]}
                                    depth: {maximum: 3}
                                - properties:
                                    mode: {enum: [safe, slow]}
                          named:
                            type: object
                            additionalProperties:
                              type: object
                              properties:
                                limits:
                                  type: object
                                  default: {cpu: 1}
                                  properties:
                                    cpu: {type: integer, maximum: 4}
                    """));

    private static ResourceSchemaValidator validator(String validators, String crd) {
        ResourceSchemaValidator.Builder builder = ResourceSchemaValidator.builder()
                .fetcher(new SchemaTestSupport.RecordingFetcher())
                .customResourceDefinitions(all(crd));
        return (validators.equals("everit") ? builder.everitOnly() : builder).build();
    }

    private static List<SchemaViolation> violations(String validators, String crd, YamlDocument document) {
        var root = (org.json.JSONObject) document.json();
        SchemaResult result = validator(validators, crd).validate(document, List.of(), root.getString("apiVersion"),
                root.getString("kind"), V1_31);
        assertThat(result).isInstanceOf(SchemaResult.Checked.class);
        return ((SchemaResult.Checked) result).violations();
    }

    @ParameterizedTest
    @ValueSource(strings = {"everit", "structural-or-fallback"})
    void shouldPassAnAddressWithoutTypeBecauseTheDefaultPicksOneBranch(String validators) {
        YamlDocument gateway = yaml("""
                apiVersion: example.com/v1
                kind: Gateway
                spec:
                  addresses:
                    - value: 192.0.2.1
                    - value: "2001:db8::1"
                    - value: 010.0.0.1
                    - value: "::ffff:192.0.2.1"
                    - type: null
                      value: 192.0.2.2
                    - type: Hostname
                      value: example.com
                """);

        assertThat(violations(validators, GATEWAY_CRD, gateway)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"everit", "structural-or-fallback"})
    void shouldFailAHostnameGivenAsAnIpAddressAtItsValue(String validators) {
        YamlDocument gateway = yaml("""
                apiVersion: example.com/v1
                kind: Gateway
                spec:
                  addresses:
                    - type: IPAddress
                      value: example.com
                """);

        List<SchemaViolation> found = violations(validators, GATEWAY_CRD, gateway);

        assertThat(found).hasSize(1);
        assertThat(found.get(0).pointer()).isEqualTo("/spec/addresses/0/value");
        assertThat(found.get(0).location().line()).isEqualTo(6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"everit", "structural"})
    void shouldSayPlainlyWhenAnItemMatchesMoreThanOneAlternative(String validators) {
        YamlDocument pipe = yaml("""
                apiVersion: example.com/v1
                kind: Pipe
                spec:
                  stages:
                    - mode: fast
                    - depth: 2
                    - mode: null
                      depth: 1
                """);
        // Stripping the defaults would make the second stage match both branches; with them it matches one.
        assertThat(violations(validators, SUBSET_CRD, pipe)).isEmpty();

        YamlDocument both = yaml("""
                apiVersion: example.com/v1
                kind: Gateway
                spec:
                  addresses:
                    - type: IPAddress
                      value: 192.0.2.1
                """);
        // A oneOf whose branches overlap: a schema Gateway does not have, so the overlap is written here.
        String overlapping = GATEWAY_CRD.replace("not: {enum: [IPAddress]}", "enum: [IPAddress, Hostname]");
        List<SchemaViolation> found = violations(validators, overlapping, both);

        assertThat(found).extracting(SchemaViolation::message)
                .containsExactly("matches more than one of the alternatives (oneOf) in spec.addresses[0]");
        assertThat(found.get(0).location().line()).isEqualTo(5);

        // Inside the structural subset, with the overlap reached through a default: an empty stage is fast.
        String overlappingPipe = SUBSET_CRD.replace("enum: [safe, slow]", "enum: [fast, safe]");
        YamlDocument empty = yaml("apiVersion: example.com/v1\nkind: Pipe\nspec:\n  stages:\n    - {}\n");
        assertThat(violations(validators, overlappingPipe, empty))
                .extracting(SchemaViolation::message, v -> v.location().line())
                .containsExactly(Tuple.tuple(
                        "matches more than one of the alternatives (oneOf) in spec.stages[0]", 5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"everit", "structural"})
    void shouldFillDefaultsInsideItemsAndAdditionalPropertiesBeforeValidating(String validators) {
        YamlDocument pipe = yaml("""
                apiVersion: example.com/v1
                kind: Pipe
                spec:
                  stages:
                    - depth: 7
                  named:
                    a: {limits: {cpu: 9}}
                    b: {}
                """);

        List<SchemaViolation> found = violations(validators, SUBSET_CRD, pipe);

        // The first stage gets mode: fast (the default), so only the fast branch can apply, and its depth limit
        // fails; the defaulted limits of b are valid; a's own limit fails at its line.
        assertThat(found).extracting(SchemaViolation::pointer)
                .containsExactly("/spec/stages/0/depth", "/spec/named/a/limits/cpu");
        assertThat(found).extracting(v -> v.location().line()).containsExactly(5, 7);
    }
}

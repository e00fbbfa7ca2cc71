package io.ascent.core.jsonschema;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.yaml.SafeYamlLoader;
import io.ascent.core.yaml.ScalarRules;
import io.ascent.core.yaml.YamlDocument;
import io.ascent.core.yaml.YamlLimits;
import java.time.Duration;
import java.util.List;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * The structural validator's own bounds and limits (its agreement with everit is
 * {@code StructuralValidatorComparisonTest}'s): schemas are repository input, so patterns and references must cost
 * bounded time and stack, and a schema outside the subset goes to everit.
 */
class StructuralSchemaTest {

    private static YamlDocument document(String yaml) throws Exception {
        return new SafeYamlLoader(YamlLimits.MANIFEST, ScalarRules.KUBECTL).parse(yaml, "cr.yaml").get(0);
    }

    private static List<SchemaViolation> validate(String schema, String yaml) throws Exception {
        YamlDocument document = document(yaml);
        return StructuralSchema.of(new JSONObject(schema)).orElseThrow()
                .validate(document, List.of(), document.root());
    }

    @Test
    void shouldMatchABacktrackingPatternInLinearTime() throws Exception {
        long start = System.nanoTime();
        List<SchemaViolation> violations = validate("""
                {"type": "object", "properties": {"name": {"type": "string", "pattern": "^(a+)+$"}}}""",
                "name: " + "a".repeat(5_000) + "!\n");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.keyword()).isEqualTo("pattern");
            assertThat(v.location().line()).isEqualTo(1);
            assertThat(v.location().column()).isEqualTo(7);
        });
    }

    @Test
    void shouldLeaveAPatternRe2CannotCompileToEverit() {
        assertThat(StructuralSchema.of(new JSONObject("""
                {"type": "string", "pattern": "^(?=x)x$"}"""))).isEmpty();
    }

    @Test
    void shouldReportASchemaThatRefersToItselfWithoutEndInsteadOfOverflowing() throws Exception {
        assertThat(validate("{\"$ref\": \"#\"}", "a: 1\n")).singleElement().satisfies(v -> {
            assertThat(v.keyword()).isEqualTo("$ref");
            assertThat(v.message()).contains("refers to itself without end");
        });
    }

    @Test
    void shouldLeaveEveryKeywordOutsideTheSubsetToEverit() {
        for (String schema : List.of("{\"const\": 1}", "{\"not\": {\"type\": \"string\"}}",
                "{\"patternProperties\": {\"a\": {}}}", "{\"propertyNames\": {\"maxLength\": 2}}",
                "{\"dependencies\": {\"a\": [\"b\"]}}", "{\"if\": {}, \"then\": {}}", "{\"contains\": {}}",
                "{\"items\": [{}], \"additionalItems\": false}", "{\"$ref\": \"other.json#/definitions/a\"}",
                "{\"$id\": \"http://x/\"}", "{\"format\": \"email\"}", "{\"minLength\": 1.5}",
                "{\"$schema\": \"http://json-schema.org/draft-04/schema#\"}", "{\"properties\": {\"a\": true}}",
                "{\"enum\": [{\"a\": 1}]}", "{\"type\": \"strnig\"}", "{\"multipleOf\": 0}",
                "{\"$ref\": \"#/definitions/missing\"}")) {
            assertThat(StructuralSchema.of(new JSONObject(schema))).as(schema).isEmpty();
        }
    }

    @Test
    void shouldFollowReferencesIntoTheDefinitions() throws Exception {
        StructuralSchema schema = StructuralSchema.of(new JSONObject("""
                {"type": "object", "properties": {"a": {"type": "string"}, "b": {"$ref": "#/definitions/b"}},
                 "definitions": {"b": {"type": "integer", "minimum": 3}}}""")).orElseThrow();
        YamlDocument valid = document("a: x\n");
        assertThat(schema.validate(valid, List.of(), valid.root())).isEmpty();
        YamlDocument invalid = document("b: 2\n");
        assertThat(schema.validate(invalid, List.of(), invalid.root())).singleElement()
                .satisfies(v -> assertThat(v.message()).isEqualTo("must be at least 3 but is the number 2 in b"));
    }

    @Test
    void shouldTreatANullMemberAsAbsentAndReadScalarsAsKubectlDoes() throws Exception {
        String schema = """
                {"type": "object", "required": ["name"], "additionalProperties": false,
                 "properties": {"name": {"type": "string"}, "privileged": {"type": "boolean"},
                                "mode": {"type": "integer", "maximum": 500}}}""";
        assertThat(validate(schema, "name: ~\nprivileged: yes\nmode: 0644\nother: null\n"))
                .extracting(SchemaViolation::message)
                .containsExactly("missing required property 'name' at the top level");
        assertThat(validate(schema, "name: a\nmode: 0765\n")).extracting(SchemaViolation::message)
                .containsExactly("must be at most 500 but is the number 0765 in mode");
    }

    @Test
    void shouldReportTheBranchEveritReportsWhenNoBranchMatches() throws Exception {
        // everit visits the branches of anyOf/oneOf in the order of their hash codes and reports the first one's
        // failure: half of these pairs name the second branch's property.
        List<String> names = List.of("a", "b", "left", "right", "host", "port", "url", "secretRef", "configMapRef");
        YamlDocument document = document("other: 1\n");
        int compared = 0;
        for (String first : names) {
            for (String second : names) {
                for (String criterion : List.of("anyOf", "oneOf")) {
                    if (first.equals(second)) {
                        continue;
                    }
                    JSONObject schema = new JSONObject("{\"" + criterion + "\": [{\"required\": [\"" + first
                            + "\"]}, {\"required\": [\"" + second + "\"]}]}");
                    assertThat(StructuralSchema.of(schema).orElseThrow().validate(document, List.of(), document.root()))
                            .as(schema.toString())
                            .isEqualTo(LocatedSchemaValidator.fromJson(schema).validate(document, List.of(),
                                    document.json()));
                    compared++;
                }
            }
        }
        assertThat(compared).isEqualTo(144);
    }
}

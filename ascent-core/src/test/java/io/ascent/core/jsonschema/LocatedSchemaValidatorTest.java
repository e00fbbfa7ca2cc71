package io.ascent.core.jsonschema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ascent.core.yaml.SafeYamlLoader;
import io.ascent.core.yaml.YamlDocument;
import io.ascent.core.yaml.YamlLimits;
import java.time.Duration;
import java.util.List;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** Schemas are repository input too: their patterns and references must cost bounded time and stack. */
class LocatedSchemaValidatorTest {

    private static YamlDocument document(String yaml) throws Exception {
        return new SafeYamlLoader(YamlLimits.MANIFEST).parse(yaml, "cr.yaml").get(0);
    }

    @Test
    void shouldMatchABacktrackingPatternInLinearTime() throws Exception {
        LocatedSchemaValidator validator = LocatedSchemaValidator.fromJson(new JSONObject("""
                {"type": "object", "properties": {"name": {"type": "string", "pattern": "^(a+)+$"}}}"""));
        YamlDocument cr = document("name: " + "a".repeat(5_000) + "!\n");
        long start = System.nanoTime();
        List<SchemaViolation> violations = validator.validate(cr);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.keyword()).isEqualTo("pattern");
            assertThat(v.location().line()).isEqualTo(1);
        });
    }

    @Test
    void shouldRefuseAPatternKubernetesWouldRefuse() {
        assertThatThrownBy(() -> LocatedSchemaValidator.fromJson(new JSONObject("""
                {"type": "string", "pattern": "^(?=x)x$"}""")).validate(document("x\n")))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void shouldReportASchemaThatRefersToItselfWithoutEndInsteadOfOverflowing() throws Exception {
        LocatedSchemaValidator validator = LocatedSchemaValidator.fromJson(new JSONObject("{\"$ref\": \"#\"}"));
        List<SchemaViolation> violations = validator.validate(document("a: 1\n"));
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.keyword()).isEqualTo("$ref");
            assertThat(v.message()).contains("refers to itself without end");
        });
    }
}

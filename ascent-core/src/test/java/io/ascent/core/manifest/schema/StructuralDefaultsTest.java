package io.ascent.core.manifest.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** The JSON side of defaulting, which CEL's validation rules read (the YAML side is the schema validators'). */
class StructuralDefaultsTest {
    private static final StructuralDefaults MATCH = StructuralDefaults.of(new JSONObject("""
            {"type": "object", "properties": {"path": {"type": "object",
              "default": {"value": "/"},
              "properties": {"type": {"type": "string", "default": "PathPrefix"}, "value": {"type": "string"}}}}}
            """));

    @Test
    void shouldFillAnAbsentFieldAndTheDefaultsInsideItsDefault() {
        JSONObject object = new JSONObject();

        Object defaulted = MATCH.apply(object);

        assertThat(defaulted.toString()).isEqualTo("{\"path\":{\"type\":\"PathPrefix\",\"value\":\"/\"}}");
        assertThat(object.toString()).as("the input is never changed").isEqualTo("{}");
    }

    @Test
    void shouldFillANullFieldAsTheApiServerPrunesItFirst() {
        JSONObject object = new JSONObject().put("path", new JSONObject().put("type", JSONObject.NULL)
                .put("value", "/api"));

        assertThat(MATCH.apply(object).toString())
                .isEqualTo("{\"path\":{\"type\":\"PathPrefix\",\"value\":\"/api\"}}");
        assertThat(MATCH.apply(new JSONObject().put("path", JSONObject.NULL)).toString())
                .isEqualTo("{\"path\":{\"type\":\"PathPrefix\",\"value\":\"/\"}}");
    }

    @Test
    void shouldGiveBackWhatNeedsNoDefault() {
        JSONObject object = new JSONObject().put("path", new JSONObject().put("type", "Exact").put("value", "/"));

        assertThat(MATCH.apply(object)).isSameAs(object);
        assertThat(StructuralDefaults.of(new JSONObject("{\"type\": \"object\"}"))).isSameAs(StructuralDefaults.NONE);
    }
}

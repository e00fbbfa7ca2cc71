package io.ascent.core.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.manifest.api.KubernetesVersion;
import io.ascent.core.manifest.api.KubernetesVersions;
import io.ascent.core.yaml.SafeYamlLoader;
import io.ascent.core.yaml.YamlDocument;
import io.ascent.core.yaml.YamlLimits;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The checklist's JSON Schema and the engine read a Kubernetes version with one grammar: what the schema accepts
 * the engine parses, and what the engine refuses the schema refuses at its line (before, the schema accepted
 * {@code "1.05"} and the engine then refused it without a location).
 */
class KubernetesVersionGrammarTest {

    @ParameterizedTest
    @ValueSource(strings = {"1.22", "1.22.3", "v1.22.3", "v1.30.0-gke.1200", "v1.29.4+k3s1", "1.0", "0.5", "2.0",
        "1.37", "1.99", "1.21.14", "1.05", "01.22", "1.022", "1.22.03", "V1.22", "1", "v1", "1.", "1.x", "x.22",
        "1.22.", "1.22.3.4", "1.-2", "1,22", "latest", "1.22-rc.1", "99999.1", " 1.25", "1.25 ", "", "1.22.3-",
        "v1.22.3-rc.1+build.5", "1.1000", "1.10000", "1.29..1.33", "1.29, 1.31", "1.27,1.29..1.31", "1.29..",
        "..1.29", "1.29,", "1.29...1.31", "1.29..1.31.2", "v1.29..v1.30"})
    void shouldAcceptInTheChecklistExactlyWhatTheEngineParses(String spelling) throws Exception {
        boolean engine;
        try {
            KubernetesVersions.parse(spelling);
            engine = true;
        } catch (IllegalArgumentException e) {
            engine = false;
        }
        String checklist = new JSONObject().put("apiVersion", ChecklistSchema.API_VERSION).put("kind", "Checklist")
                .put("metadata", new JSONObject().put("name", "app").put("owner", "team"))
                .put("kubernetes", new JSONObject().put("version", spelling)).toString();
        YamlDocument document = new SafeYamlLoader(YamlLimits.CHECKLIST).parse(checklist, "ascent.yaml").get(0);

        boolean schema = ChecklistSchema.validator().validate(document).isEmpty();

        assertThat(schema).as("the schema accepts '%s' exactly when the engine parses it (engine: %s)", spelling,
                engine).isEqualTo(engine);
    }

    @Test
    void shouldUseTheEnginesPatternInTheSchema() {
        JSONObject schema = new JSONObject(ChecklistSchema.text());

        assertThat(schema.getJSONObject("definitions").getJSONObject("kubernetesVersion").getString("pattern"))
                .isEqualTo("^" + KubernetesVersion.PATTERN + "$");
        assertThat(schema.getJSONObject("definitions").getJSONObject("kubernetesVersions").getString("pattern"))
                .isEqualTo("^" + KubernetesVersions.PATTERN + "$");
    }
}

package io.ascent.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.checklist.ChecklistSchema;
import io.ascent.core.manifest.check.ManifestChecks;
import io.ascent.core.report.CheckDescription;
import io.ascent.core.repo.RepositoryRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * The checklist schema names every configurable id, so that editors complete {@code kubernetes.checks} and
 * {@code repository.rules}: its lists must be exactly the registries'. On failure the message carries the lines to
 * paste into ascent-checklist-v1.schema.json.
 */
class ChecklistSchemaIdsTest {
    private static final JSONObject SCHEMA = new JSONObject(ChecklistSchema.text());

    @Test
    void shouldEnumerateExactlyTheManifestChecksUnderKubernetesChecks() {
        JSONObject checks = SCHEMA.getJSONObject("definitions").getJSONObject("kubernetes")
                .getJSONObject("properties").getJSONObject("checks").getJSONObject("properties");
        assertThat(described(checks)).as("kubernetes.checks.properties should be:\n"
                        + expected(ManifestChecks.configurableIds(), "checkSetting"))
                .isEqualTo(expectedMap(ManifestChecks.configurableIds()));
    }

    @Test
    void shouldEnumerateExactlyTheConfigurableRepositoryRulesUnderRepositoryRules() {
        JSONObject rules = SCHEMA.getJSONObject("definitions").getJSONObject("repository")
                .getJSONObject("properties").getJSONObject("rules").getJSONObject("properties");
        List<String> ids = Arrays.stream(RepositoryRule.values()).filter(RepositoryRule::configurable)
                .map(RepositoryRule::id).toList();
        assertThat(described(rules)).as("repository.rules.properties should be:\n" + expected(ids, "ruleSetting"))
                .isEqualTo(expectedMap(ids));
    }

    private static Map<String, String> described(JSONObject properties) {
        Map<String, String> found = new LinkedHashMap<>();
        for (String id : properties.keySet()) {
            found.put(id, properties.getJSONObject(id).optString("description"));
        }
        return found;
    }

    private static Map<String, String> expectedMap(List<String> ids) {
        Map<String, String> expected = new LinkedHashMap<>();
        for (String id : ids) {
            expected.put(id, description(CheckCatalog.find(id).orElseThrow()));
        }
        return expected;
    }

    private static String description(CheckDescription d) {
        return d.title() + " (default severity: " + d.defaultSeverity().label() + ")";
    }

    private static String expected(List<String> ids, String definition) {
        List<String> lines = new ArrayList<>();
        for (String id : ids) {
            lines.add("  \"" + id + "\": { \"$ref\": \"#/definitions/" + definition + "\", \"description\": \""
                    + description(CheckCatalog.find(id).orElseThrow()) + "\" }");
        }
        return String.join(",\n", lines);
    }
}

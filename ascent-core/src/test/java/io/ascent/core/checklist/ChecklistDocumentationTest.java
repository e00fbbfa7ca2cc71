package io.ascent.core.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** docs/checklist.md stays true to the schema: every property the schema allows is documented. */
class ChecklistDocumentationTest {

    @Test
    void shouldDocumentEverySchemaProperty() throws Exception {
        String reference = Files.readString(Path.of("..", "docs", "checklist.md"));
        JSONObject schema = new JSONObject(ChecklistSchema.text());
        List<String> undocumented = new ArrayList<>();
        collect(schema, schema, undocumented, reference);
        assertThat(undocumented).as("properties missing from docs/checklist.md").isEmpty();
    }

    private static boolean isCheckId(String name) {
        return name.matches("(repo|manifest)\\.[a-z-]+");
    }

    private static void collect(JSONObject node, JSONObject root, List<String> undocumented, String reference) {
        JSONObject properties = node.optJSONObject("properties");
        if (properties != null) {
            for (String name : properties.keySet()) {
                // Check ids (kubernetes.checks, repository.rules) are documented in docs/checks.md, and
                // ChecklistSchemaIdsTest keeps them equal to the registries.
                if (!isCheckId(name) && !reference.contains("`" + name) && !reference.contains("." + name + "`")
                        && !reference.contains(name + ":") && !reference.contains(name + "`")) {
                    undocumented.add(name);
                }
                collect(properties.getJSONObject(name), root, undocumented, reference);
            }
        }
        if (node.has("items") && node.get("items") instanceof JSONObject items) {
            collect(items, root, undocumented, reference);
        }
        if (node.has("$ref")) {
            String ref = node.getString("$ref").replace("#/definitions/", "");
            JSONObject target = root.getJSONObject("definitions").getJSONObject(ref);
            if (target != node && target.has("properties") && !target.optBoolean("__visited")) {
                target.put("__visited", true);
                collect(target, root, undocumented, reference);
            }
        }
    }
}

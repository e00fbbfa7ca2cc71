package io.ascent.core.repo;

import io.ascent.core.yaml.SafeYamlLoader;
import io.ascent.core.yaml.ScalarRules;
import io.ascent.core.yaml.YamlInputException;
import io.ascent.core.yaml.YamlLimits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The decoded {@code data} values of Kubernetes Secrets committed in YAML or JSON files. The API server stores
 * {@code data} base64-encoded, so a committed Secret hides its credentials from a scanner that reads the file as it
 * is; gitleaks decodes base64 before matching, and so does this. Only files that name {@code Secret} are parsed
 * (with the manifests' safe loader and limits); a file that does not parse yields what was read before the error:
 * the manifest step reports bad YAML, the secret scan does not.
 */
final class SecretManifestData {
    private static final SafeYamlLoader LOADER = new SafeYamlLoader(YamlLimits.MANIFEST, ScalarRules.KUBECTL);
    private static final byte[] SECRET = "Secret".getBytes(StandardCharsets.ISO_8859_1);

    /**
     * One decoded value.
     *
     * @param key     the key under {@code data}
     * @param line    1-based line of the value in the file
     * @param column  1-based column of the value
     * @param decoded the decoded bytes
     */
    record Value(String key, int line, int column, byte[] decoded) {
    }

    private SecretManifestData() {
    }

    /** Whether a file may hold a Secret: a manifest file name and the word {@code Secret} in its text. */
    static boolean mayHold(String name, byte[] content, int length) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!(lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json"))) {
            return false;
        }
        outer:
        for (int i = 0; i + SECRET.length <= length; i++) {
            for (int k = 0; k < SECRET.length; k++) {
                if (content[i + k] != SECRET[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Every base64 value under {@code data} of every {@code kind: Secret} document (also inside a {@code List}). */
    static List<Value> values(String path, byte[] content, int length) {
        List<Value> values = new ArrayList<>();
        try {
            LOADER.stream(new String(content, 0, length, StandardCharsets.UTF_8), path,
                    document -> collect(document.root(), values, 0));
        } catch (YamlInputException e) {
            // Not valid YAML: the manifest step says so where it matters; keep what was read before the error.
        }
        return values;
    }

    private static void collect(Node node, List<Value> values, int depth) {
        if (!(node instanceof MappingNode mapping) || depth > 2) {
            return;
        }
        String kind = scalar(mapping, "kind");
        if ("Secret".equals(kind) && value(mapping, "data") instanceof MappingNode data) {
            for (NodeTuple tuple : data.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key && tuple.getValueNode() instanceof ScalarNode value) {
                    byte[] decoded = decode(value.getValue());
                    if (decoded != null && decoded.length > 0) {
                        values.add(new Value(key.getValue(), value.getStartMark().getLine() + 1,
                                value.getStartMark().getColumn() + 1, decoded));
                    }
                }
            }
        } else if (kind != null && kind.endsWith("List") && value(mapping, "items") instanceof SequenceNode items) {
            for (Node item : items.getValue()) {
                collect(item, values, depth + 1);
            }
        }
    }

    private static byte[] decode(String value) {
        try {
            return Base64.getDecoder().decode(value.replaceAll("\\s+", ""));
        } catch (IllegalArgumentException e) {
            return null; // not base64: the API server would refuse it; nothing to decode
        }
    }

    private static String scalar(MappingNode mapping, String key) {
        return value(mapping, key) instanceof ScalarNode scalar ? scalar.getValue() : null;
    }

    private static Node value(MappingNode mapping, String key) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
                return tuple.getValueNode();
            }
        }
        return null;
    }
}

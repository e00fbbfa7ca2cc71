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
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The values of Kubernetes Secrets committed in YAML or JSON files: {@code data} decoded, {@code stringData} as it
 * is. The API server stores {@code data} base64-encoded, so a committed Secret hides its credentials from a scanner
 * that reads the file as it is; gitleaks decodes base64 before matching, and so does this. A {@code stringData}
 * value is plain text, but only read as a value (under its key, at its position) does a scanner see that
 * {@code password: hunter2} is a password. Only files that name {@code Secret} are parsed
 * (with the manifests' safe loader and limits); a file that does not parse yields what was read before the error:
 * the manifest step reports bad YAML, the secret scan does not.
 */
final class SecretManifestData {
    private static final SafeYamlLoader LOADER = new SafeYamlLoader(YamlLimits.MANIFEST, ScalarRules.KUBECTL);
    private static final byte[] SECRET = "Secret".getBytes(StandardCharsets.ISO_8859_1);

    /**
     * One value.
     *
     * @param key     the key under {@code data} or {@code stringData}
     * @param line    1-based line of the value in the file
     * @param column  1-based column of the value
     * @param decoded the decoded bytes ({@code data}), or the text's UTF-8 bytes ({@code stringData})
     * @param encoded whether it came from {@code data} (base64), not {@code stringData}
     * @param indent  for a {@code stringData} literal block ({@code |}), the columns before its text on every line,
     *                so that a finding in its line {@code n} is at the file's line {@code line + n}; else -1
     */
    record Value(String key, int line, int column, byte[] decoded, boolean encoded, int indent) {
        /** Where the value says how it was hidden, for the finding's message. */
        String where() {
            return encoded ? "base64 in the Secret's data '" + key + "'" : "in the Secret's stringData '" + key + "'";
        }
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

    /**
     * Every base64 value under {@code data} and every string under {@code stringData} of every {@code kind: Secret}
     * document (also inside a {@code List}).
     */
    static List<Value> values(String path, byte[] content, int length) {
        List<Value> values = new ArrayList<>();
        String text = new String(content, 0, length, StandardCharsets.UTF_8);
        try {
            LOADER.stream(text, path, document -> collect(document.root(), values, 0, text));
        } catch (YamlInputException e) {
            // Not valid YAML: the manifest step says so where it matters; keep what was read before the error.
        }
        return values;
    }

    private static void collect(Node node, List<Value> values, int depth, String text) {
        if (!(node instanceof MappingNode mapping) || depth > 2) {
            return;
        }
        String kind = scalar(mapping, "kind");
        if ("Secret".equals(kind)) {
            for (boolean encoded : new boolean[] {true, false}) {
                if (value(mapping, encoded ? "data" : "stringData") instanceof MappingNode data) {
                    collect(data, encoded, values, text);
                }
            }
        } else if (kind != null && kind.endsWith("List") && value(mapping, "items") instanceof SequenceNode items) {
            for (Node item : items.getValue()) {
                collect(item, values, depth + 1, text);
            }
        }
    }

    private static void collect(MappingNode data, boolean encoded, List<Value> values, String text) {
        for (NodeTuple tuple : data.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key && tuple.getValueNode() instanceof ScalarNode value) {
                byte[] bytes = encoded ? decode(value.getValue()) : value.getValue().getBytes(StandardCharsets.UTF_8);
                if (bytes != null && bytes.length > 0) {
                    int indent = !encoded && value.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL
                            ? indentAfter(text, value.getStartMark().getIndex()) : -1;
                    values.add(new Value(key.getValue(), value.getStartMark().getLine() + 1,
                            value.getStartMark().getColumn() + 1, bytes, encoded, indent));
                }
            }
        }
    }

    /** The spaces that begin the line after {@code index} (a literal block's first line of text). */
    private static int indentAfter(String text, int index) {
        int newline = text.indexOf('\n', index);
        if (newline < 0) {
            return -1;
        }
        int spaces = 0;
        while (newline + 1 + spaces < text.length() && text.charAt(newline + 1 + spaces) == ' ') {
            spaces++;
        }
        return spaces;
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

package io.ascent.core.manifest.check;

import io.ascent.core.yaml.SafeYamlLoader;
import io.ascent.core.yaml.YamlDocument;
import io.ascent.core.yaml.YamlInputException;
import io.ascent.core.yaml.YamlLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONObject;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A template's document as clusterctl writes it for a user who sets no variable: the values whose every variable has
 * a default ({@link TemplateVariables#withDefaults}) replaced by that text, read as clusterctl's output is read.
 * clusterctl fills in the template's text before YAML is parsed, so an unquoted {@code replicas:
 * ${WORKER_MACHINE_COUNT:=3}} becomes the integer 3 and {@code cidrBlocks: ${SERVICE_CIDR:=["10.128.0.0/12"]}} a
 * list, while a quoted {@code '${PORT:=8080}'} stays the string '8080'. The original is not changed: only the paths
 * to the replaced values are copied.
 */
final class DefaultedDocument {
    private DefaultedDocument() {
    }

    /**
     * The document with {@code values} (by their tokens from the document's root) filled in, or {@code null} when a
     * default does not read as one YAML value where it stands (the caller then judges nothing).
     */
    static YamlDocument of(YamlDocument document, Map<List<String>, TemplateVariables.Defaulted> values) {
        Node root = document.root();
        Object json = document.json();
        for (Map.Entry<List<String>, TemplateVariables.Defaulted> value : values.entrySet()) {
            if (!(document.nodeAt(value.getKey()) instanceof ScalarNode written)) {
                return null;
            }
            String text = value.getValue().text();
            Node node;
            Object filled;
            if (written.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN) {
                List<YamlDocument> read;
                try {
                    // At most as long as the value it came from: a default is part of the value.
                    read = new SafeYamlLoader(YamlLimits.MANIFEST, document.rules()).parse(text, document.path());
                } catch (YamlInputException notOneValue) {
                    return null;
                }
                if (read.size() != 1) {
                    return null;
                }
                node = read.get(0).root();
                filled = read.get(0).json();
            } else {
                node = new ScalarNode(Tag.STR, text, written.getStartMark(), written.getEndMark(),
                        written.getScalarStyle());
                filled = text;
            }
            root = replace(root, value.getKey(), 0, node);
            json = replace(json, value.getKey(), 0, filled);
        }
        return new YamlDocument(document.path(), root, json, document.source(), document.nullMembers(),
                document.rules());
    }

    private static Node replace(Node node, List<String> tokens, int at, Node replacement) {
        if (at == tokens.size()) {
            return replacement;
        }
        String token = tokens.get(at);
        if (node instanceof MappingNode mapping) {
            List<NodeTuple> tuples = new ArrayList<>(mapping.getValue());
            for (int i = 0; i < tuples.size(); i++) {
                NodeTuple tuple = tuples.get(i);
                if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(token)) {
                    tuples.set(i, new NodeTuple(key, replace(tuple.getValueNode(), tokens, at + 1, replacement)));
                }
            }
            return new MappingNode(mapping.getTag(), true, tuples, mapping.getStartMark(), mapping.getEndMark(),
                    mapping.getFlowStyle());
        }
        int index = index(token);
        if (node instanceof SequenceNode sequence && index >= 0 && index < sequence.getValue().size()) {
            List<Node> items = new ArrayList<>(sequence.getValue());
            items.set(index, replace(items.get(index), tokens, at + 1, replacement));
            return new SequenceNode(sequence.getTag(), true, items, sequence.getStartMark(), sequence.getEndMark(),
                    sequence.getFlowStyle());
        }
        return node;
    }

    private static Object replace(Object value, List<String> tokens, int at, Object replacement) {
        if (at == tokens.size()) {
            return replacement;
        }
        String token = tokens.get(at);
        if (value instanceof JSONObject object && object.has(token)) {
            JSONObject copy = new JSONObject();
            for (String key : object.keySet()) {
                copy.put(key, object.opt(key));
            }
            return copy.put(token, replace(object.opt(token), tokens, at + 1, replacement));
        }
        int index = index(token);
        if (value instanceof JSONArray array && index >= 0 && index < array.length()) {
            JSONArray copy = new JSONArray();
            for (int i = 0; i < array.length(); i++) {
                copy.put(i == index ? replace(array.opt(i), tokens, at + 1, replacement) : array.opt(i));
            }
            return copy;
        }
        return value;
    }

    private static int index(String token) {
        return !token.isEmpty() && token.length() < 10 && token.chars().allMatch(c -> c >= '0' && c <= '9')
                ? Integer.parseInt(token) : -1;
    }
}

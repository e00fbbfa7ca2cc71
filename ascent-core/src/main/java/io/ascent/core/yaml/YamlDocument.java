package io.ascent.core.yaml;

import io.ascent.core.report.Location;
import java.util.List;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One composed YAML document: its node tree (with positions), the same content as JSON values
 * ({@link org.json.JSONObject}, {@link org.json.JSONArray}, strings, numbers, booleans,
 * {@link org.json.JSONObject#NULL}), and the path it was read from.
 *
 * @param path  the file, relative to the repository root, as reports show it
 * @param root  the document's root node
 * @param json  the document as JSON values, for schema validation and models
 * @param source the text the document was parsed from, or {@code null} when not kept
 * @param nullMembers false when no mapping in {@code json} has a key whose value is null ({@code key: ~}, or
 *                    {@code key:} with nothing after it), so that consumers who drop such keys need not look; true
 *                    when some has, or when that is not known
 * @param rules how its plain scalars were typed (how a reader of {@code root} must type them to agree with
 *              {@code json})
 */
public record YamlDocument(String path, Node root, Object json, SourceText source, boolean nullMembers,
                           ScalarRules rules) {

    public YamlDocument(String path, Node root, Object json, SourceText source, boolean nullMembers) {
        this(path, root, json, source, nullMembers, ScalarRules.YAML_1_2);
    }

    public YamlDocument(String path, Node root, Object json) {
        this(path, root, json, null);
    }

    public YamlDocument(String path, Node root, Object json, SourceText source) {
        this(path, root, json, source, true);
    }

    /** The location of a node, 1-based. */
    public Location locationOf(Node node) {
        return new Location(path, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
    }

    /** The location of the document start, for problems that concern the whole document. */
    public Location start() {
        return locationOf(root);
    }

    /**
     * The node at a JSON pointer's tokens (already unescaped), or the deepest existing ancestor when the pointer
     * leads past the tree (a missing property is best shown at the mapping that lacks it).
     */
    public Node nodeAt(List<String> tokens) {
        Node current = root;
        for (String token : tokens) {
            Node next = child(current, token);
            if (next == null) {
                return current;
            }
            current = next;
        }
        return current;
    }

    /** The key node of {@code key} inside the mapping at {@code tokens}, or the mapping itself if absent. */
    public Node keyAt(List<String> tokens, String key) {
        Node mapping = nodeAt(tokens);
        if (mapping instanceof MappingNode map) {
            for (NodeTuple tuple : map.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
                    return scalar;
                }
            }
        }
        return mapping;
    }

    private static Node child(Node node, String token) {
        if (node instanceof MappingNode map) {
            for (NodeTuple tuple : map.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(token)) {
                    return tuple.getValueNode();
                }
            }
        } else if (node instanceof SequenceNode sequence) {
            try {
                int index = Integer.parseInt(token);
                return index >= 0 && index < sequence.getValue().size() ? sequence.getValue().get(index) : null;
            } catch (NumberFormatException notAnIndex) {
                return null;
            }
        }
        return null;
    }
}

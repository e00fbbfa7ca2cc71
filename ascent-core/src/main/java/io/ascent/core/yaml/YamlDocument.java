package io.ascent.core.yaml;

import io.ascent.core.report.Location;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
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
 * <p>The loader hands over documents whose JSON copy is built the first time {@link #json()} is asked for: most
 * manifest runs read only the node tree (schemas are validated on it), and the copy was a tenth of their CPU time
 * and most of their garbage. The copy, once built, is kept as long as the document, as the tree is. Thread-safe:
 * readers on several threads get the same copy.
 */
public final class YamlDocument {
    private final String path;
    private final Node root;
    private final SourceText source;
    private final boolean nullMembers;
    private final ScalarRules rules;
    private Supplier<Object> builder; // guarded by this; null once json is set
    private volatile Object json;

    /**
     * A document whose JSON copy is built by {@code builder} on first use.
     *
     * @param path        the file, relative to the repository root, as reports show it
     * @param root        the document's root node
     * @param builder     builds the document as JSON values, for schema validation and models; called at most once,
     *                    and must not fail (the loader checked the tree before)
     * @param source      the text the document was parsed from, or {@code null} when not kept
     * @param nullMembers false when no mapping has a key whose value is null ({@code key: ~}, or {@code key:} with
     *                    nothing after it), so that consumers who drop such keys need not look; true when some has,
     *                    or when that is not known
     * @param rules       how its plain scalars were typed (how a reader of {@code root} must type them to agree with
     *                    {@code json})
     */
    public static YamlDocument lazy(String path, Node root, Supplier<Object> builder, SourceText source,
            boolean nullMembers, ScalarRules rules) {
        return new YamlDocument(path, root, null, Objects.requireNonNull(builder), source, nullMembers, rules);
    }

    /** A document whose JSON values are given; see {@link #lazy} for the parameters. */
    public YamlDocument(String path, Node root, Object json, SourceText source, boolean nullMembers,
            ScalarRules rules) {
        this(path, root, Objects.requireNonNull(json), null, source, nullMembers, rules);
    }

    public YamlDocument(String path, Node root, Object json, SourceText source, boolean nullMembers) {
        this(path, root, json, source, nullMembers, ScalarRules.YAML_1_2);
    }

    public YamlDocument(String path, Node root, Object json) {
        this(path, root, json, null);
    }

    public YamlDocument(String path, Node root, Object json, SourceText source) {
        this(path, root, json, source, true);
    }

    private YamlDocument(String path, Node root, Object json, Supplier<Object> builder, SourceText source,
            boolean nullMembers, ScalarRules rules) {
        this.path = path;
        this.root = root;
        this.json = json;
        this.builder = builder;
        this.source = source;
        this.nullMembers = nullMembers;
        this.rules = rules;
    }

    /** The file, relative to the repository root, as reports show it. */
    public String path() {
        return path;
    }

    /** The document's root node. */
    public Node root() {
        return root;
    }

    /** The document as JSON values, built on the first call. */
    public Object json() {
        Object value = json;
        if (value == null) {
            synchronized (this) {
                value = json;
                if (value == null) {
                    value = Objects.requireNonNull(builder.get(), "the JSON of " + path);
                    json = value;
                    builder = null; // nothing else needs it; the tree stays reachable through root
                }
            }
        }
        return value;
    }

    /** Whether the JSON copy exists yet: given, or built by a call of {@link #json()}. */
    public boolean hasJson() {
        return json != null;
    }

    /** The text the document was parsed from, or {@code null} when not kept. */
    public SourceText source() {
        return source;
    }

    /** False when no mapping has a key whose value is null; true when some has, or when that is not known. */
    public boolean nullMembers() {
        return nullMembers;
    }

    /** How its plain scalars were typed. */
    public ScalarRules rules() {
        return rules;
    }

    /**
     * The value a scalar node reads as, typed as in {@link #json()} ({@link ScalarValues}); {@code null} for a
     * collection or a missing node.
     */
    public Object scalarValue(Node node) {
        return node instanceof ScalarNode scalar ? ScalarValues.of(scalar, rules) : null;
    }

    /** The value of {@code key} in a mapping node; {@code null} when the node is no mapping or lacks the key. */
    public static Node member(Node mapping, String key) {
        if (mapping instanceof MappingNode map) {
            for (NodeTuple tuple : map.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
                    return tuple.getValueNode();
                }
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "YamlDocument[" + path + " at line " + (root.getStartMark().getLine() + 1) + "]";
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
        if (node instanceof MappingNode) {
            return member(node, token);
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

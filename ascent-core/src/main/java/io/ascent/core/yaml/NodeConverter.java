package io.ascent.core.yaml;

import io.ascent.core.report.Location;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.json.JSONArray;
import org.json.JSONObject;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Enforces on a composed node tree the rules SnakeYAML's composer does not (only standard tags, scalar unique keys,
 * no merge keys, no recursion, a bound on nodes after alias expansion, readable numbers) and, when asked, turns it
 * into JSON values. The loader checks every document at once and builds its JSON only when a reader asks for it:
 * manifests checked against schemas walk the node tree and never need the copy.
 *
 * <p>Scalars are typed by the {@link ScalarRules} given: YAML 1.2's core schema for the checklist ({@code yes},
 * {@code no}, {@code on} and {@code off} stay strings, so {@code country: no} is not {@code false}), or go-yaml
 * v2's YAML 1.1 rules for manifests, as kubectl reads them.
 */
final class NodeConverter {
    private static final Set<Tag> STANDARD_TAGS = Set.of(
            Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.MAP, Tag.SEQ, Tag.TIMESTAMP);

    private final String path;
    private final YamlLimits limits;
    private final ScalarRules rules;
    private final Map<Node, Boolean> onPath = new IdentityHashMap<>();
    private int nodes;
    private boolean nullMembers;
    private final boolean aliases;
    private boolean build = true;

    /** Mappings up to this size are searched for a duplicate key in place; larger ones use a set. */
    private static final int SCANNED_KEYS = 8;

    NodeConverter(String path, YamlLimits limits, ScalarRules rules) {
        this(path, limits, rules, true);
    }

    /**
     * @param aliases false for a tree without aliases (the block composer's), in which no collection can contain
     *                itself, so the path need not be tracked
     */
    NodeConverter(String path, YamlLimits limits, ScalarRules rules, boolean aliases) {
        this.aliases = aliases;
        this.path = path;
        this.limits = limits;
        this.rules = rules;
    }

    /**
     * Checks {@code node}'s tree against every rule {@link #convert} enforces, building nothing: a tree that passes
     * converts without an exception.
     */
    void check(Node node) throws YamlInputException {
        build = false;
        try {
            convert(node);
        } finally {
            build = true;
        }
    }

    /** The JSON value of {@code node}; {@code null} for a collection while only {@link #check checking}. */
    Object convert(Node node) throws YamlInputException {
        if (++nodes > limits.maxNodes()) {
            throw new YamlInputException(location(node),
                    "the document has more than " + limits.maxNodes() + " nodes once aliases are expanded");
        }
        checkTag(node);
        if (node instanceof ScalarNode scalar) {
            return scalar(scalar);
        }
        if (!aliases) {
            return node instanceof MappingNode mapping ? mapping(mapping) : sequence((SequenceNode) node);
        }
        if (onPath.put(node, Boolean.TRUE) != null) {
            throw new YamlInputException(location(node), "an alias refers to a collection that contains it");
        }
        try {
            return node instanceof MappingNode mapping ? mapping(mapping) : sequence((SequenceNode) node);
        } finally {
            onPath.remove(node);
        }
    }

    /** Whether a mapping converted so far has a key whose value is null. */
    boolean sawNullMember() {
        return nullMembers;
    }

    private JSONObject mapping(MappingNode mapping) throws YamlInputException {
        JSONObject object = build ? new JSONObject() : null;
        List<NodeTuple> tuples = mapping.getValue();
        Set<String> keys = !build && tuples.size() > SCANNED_KEYS ? new HashSet<>() : null;
        for (int i = 0; i < tuples.size(); i++) {
            NodeTuple tuple = tuples.get(i);
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode keyScalar)) {
                throw new YamlInputException(location(keyNode), "a mapping key must be a plain value, not a collection");
            }
            if (keyNode.getTag().equals(Tag.MERGE)) {
                throw new YamlInputException(location(keyNode), "merge keys ('<<') are not supported; repeat the keys");
            }
            checkTag(keyNode);
            String key = keyScalar.getValue();
            if (isRepeated(key, object, keys, tuples, i)) {
                throw new YamlInputException(location(keyNode), "duplicate key '" + key
                        + "' (first defined at line " + (firstKey(mapping, key).getStartMark().getLine() + 1) + ")");
            }
            if (++nodes > limits.maxNodes()) {
                throw new YamlInputException(location(keyNode),
                        "the document has more than " + limits.maxNodes() + " nodes once aliases are expanded");
            }
            Object value = convert(tuple.getValueNode());
            nullMembers |= value == JSONObject.NULL;
            if (build) {
                object.put(key, value);
            }
        }
        return object;
    }

    /**
     * Whether {@code key}, the {@code index}th of {@code tuples}, repeats an earlier key: looked up in the object
     * being built (keys are checked before their values, so every earlier key is in it), else in {@code keys},
     * else among the earlier keys of a small mapping.
     */
    private static boolean isRepeated(String key, JSONObject object, Set<String> keys, List<NodeTuple> tuples,
            int index) {
        if (object != null) {
            return object.has(key);
        }
        if (keys != null) {
            return !keys.add(key);
        }
        for (int i = 0; i < index; i++) {
            if (((ScalarNode) tuples.get(i).getKeyNode()).getValue().equals(key)) {
                return true;
            }
        }
        return false;
    }

    private static Node firstKey(MappingNode mapping, String key) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (((ScalarNode) tuple.getKeyNode()).getValue().equals(key)) {
                return tuple.getKeyNode();
            }
        }
        throw new IllegalStateException("no key " + key);
    }

    private JSONArray sequence(SequenceNode sequence) throws YamlInputException {
        JSONArray array = build ? new JSONArray() : null;
        for (Node item : sequence.getValue()) {
            Object value = convert(item);
            if (build) {
                array.put(value);
            }
        }
        return array;
    }

    private Object scalar(ScalarNode scalar) throws YamlInputException {
        try {
            return ScalarValues.of(scalar, rules);
        } catch (IllegalArgumentException e) {
            throw new YamlInputException(location(scalar), e.getMessage());
        }
    }

    private void checkTag(Node node) throws YamlInputException {
        Tag tag = node.getTag();
        if (tag == Tag.STR || tag == Tag.MAP || tag == Tag.SEQ) {
            return; // the resolver's constants: most nodes, without hashing the tag
        }
        if (!STANDARD_TAGS.contains(tag)) {
            throw new YamlInputException(location(node), "tag '" + tag.getValue()
                    + "' is not allowed; Ascent reads plain YAML data only");
        }
    }

    private Location location(Node node) {
        return new Location(path, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
    }
}

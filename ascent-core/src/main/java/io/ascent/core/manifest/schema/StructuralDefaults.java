package io.ascent.core.manifest.schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONObject;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The {@code default}s of a custom resource's structural schema, filled in before validation as the API server
 * does (apiextensions-apiserver's structural defaulting): a property that is absent (or null) gets its default,
 * recursively inside objects, array items and additionalProperties values, and inside the defaults themselves.
 * Defaults inside {@code allOf}/{@code anyOf}/{@code oneOf}/{@code not} are not read: the API server refuses them.
 *
 * <p>Without this a {@code oneOf} whose branches tell a defaulted field apart (Gateway API's addresses) matches
 * twice, and a CEL validation rule that reads a defaulted field ({@code self.type == 'PathPrefix'}) would not see
 * the default: both the schema validators and the CEL rules ({@code manifest.cel}) default through this one class.
 * Violations are located through the document's own nodes, so one on a default points at the mapping that
 * received it. The input is never changed: only the path to an added default is copied, and the defaults added
 * are shared (nothing that reads the result changes it). Immutable.
 */
public final class StructuralDefaults {
    /** No defaults anywhere: {@link #apply} gives its input back. */
    public static final StructuralDefaults NONE = new StructuralDefaults(null, Map.of(), null, null);

    /** Where default nodes are placed: nothing reads it (violations are located through the document's nodes). */
    private static final Mark NOWHERE = new Mark("default", 0, 0, 0, new int[0], 0);

    private final Map<String, StructuralDefaults> properties;
    private final StructuralDefaults items;
    private final StructuralDefaults additionalProperties;
    /**
     * The default with the defaults inside it filled in, once: every absent property gets the same value (neither
     * validator changes what it validates), so a large default in a CRD costs its size once, not once per item.
     */
    private final Object value;
    private final Node node;

    private StructuralDefaults(Object value, Map<String, StructuralDefaults> properties, StructuralDefaults items,
                               StructuralDefaults additionalProperties) {
        this.properties = Map.copyOf(properties);
        this.items = items;
        this.additionalProperties = additionalProperties;
        boolean none = value == null || value == JSONObject.NULL;
        this.value = none ? null : apply(value);
        this.node = none ? null : apply(nodeOf(value));
    }

    /** The defaults of a (converted) custom resource schema; {@link #NONE} when it has none. */
    public static StructuralDefaults of(JSONObject schema) {
        StructuralDefaults read = read(schema, 0);
        return read == null ? NONE : read;
    }

    /** {@code null} when neither this schema nor any below it has a default, so that walks skip the subtree. */
    private static StructuralDefaults read(JSONObject schema, int depth) {
        if (depth > 256) { // CRD schemas are trees, but a hostile one may be deep: the API server caps depth too
            return null;
        }
        Map<String, StructuralDefaults> properties = new LinkedHashMap<>();
        if (schema.opt("properties") instanceof JSONObject declared) {
            for (String name : declared.keySet()) {
                if (declared.opt(name) instanceof JSONObject property) {
                    StructuralDefaults child = read(property, depth + 1);
                    if (child != null) {
                        properties.put(name, child);
                    }
                }
            }
        }
        StructuralDefaults items = schema.opt("items") instanceof JSONObject item ? read(item, depth + 1) : null;
        StructuralDefaults additional = schema.opt("additionalProperties") instanceof JSONObject values
                ? read(values, depth + 1) : null;
        Object value = schema.opt("default");
        if ((value == null || value == JSONObject.NULL) && properties.isEmpty() && items == null
                && additional == null) {
            return null;
        }
        return new StructuralDefaults(value, properties, items, additional);
    }

    boolean isEmpty() {
        return this == NONE;
    }

    /** The node with the defaults filled in; {@code node} itself when none was missing. */
    Node apply(Node node) {
        if (node instanceof MappingNode mapping) {
            return applyToMapping(mapping);
        }
        if (node instanceof SequenceNode sequence && items != null) {
            List<Node> out = null;
            List<Node> values = sequence.getValue();
            for (int i = 0; i < values.size(); i++) {
                Node defaulted = items.apply(values.get(i));
                if (defaulted != values.get(i)) {
                    out = out != null ? out : new ArrayList<>(values);
                    out.set(i, defaulted);
                }
            }
            return out == null ? sequence : new SequenceNode(sequence.getTag(), true, out, sequence.getStartMark(),
                    sequence.getEndMark(), sequence.getFlowStyle());
        }
        return node;
    }

    private Node applyToMapping(MappingNode mapping) {
        List<NodeTuple> tuples = mapping.getValue();
        List<NodeTuple> out = null;
        for (int i = 0; i < tuples.size(); i++) {
            NodeTuple tuple = tuples.get(i);
            StructuralDefaults schema = tuple.getKeyNode() instanceof ScalarNode key
                    ? properties.getOrDefault(key.getValue(), properties.isEmpty() ? additionalProperties : null)
                    : null;
            if (schema == null) {
                continue;
            }
            Node member = tuple.getValueNode();
            Node defaulted = schema.node != null && isNull(member) ? schema.node : schema.apply(member);
            if (defaulted != member) {
                out = out != null ? out : new ArrayList<>(tuples);
                out.set(i, new NodeTuple(tuple.getKeyNode(), defaulted));
            }
        }
        for (Map.Entry<String, StructuralDefaults> property : properties.entrySet()) {
            StructuralDefaults schema = property.getValue();
            if (schema.value != null && !has(tuples, property.getKey())) {
                out = out != null ? out : new ArrayList<>(tuples);
                out.add(new NodeTuple(scalar(Tag.STR, property.getKey()), schema.node));
            }
        }
        return out == null ? mapping : new MappingNode(mapping.getTag(), true, out, mapping.getStartMark(),
                mapping.getEndMark(), mapping.getFlowStyle());
    }

    /**
     * The JSON value with the defaults filled in; {@code json} itself when none was missing. A null member with a
     * default gets it, as an absent one does (the API server prunes the null first).
     */
    public Object apply(Object json) {
        if (json instanceof JSONObject object) {
            JSONObject out = null;
            for (String key : object.keySet()) {
                StructuralDefaults schema = properties.getOrDefault(key,
                        properties.isEmpty() ? additionalProperties : null);
                if (schema == null) {
                    continue;
                }
                Object member = object.opt(key);
                Object defaulted = schema.value != null && member == JSONObject.NULL ? schema.value
                        : schema.apply(member);
                if (defaulted != member) {
                    out = out != null ? out : shallowCopy(object);
                    out.put(key, defaulted);
                }
            }
            for (Map.Entry<String, StructuralDefaults> property : properties.entrySet()) {
                StructuralDefaults schema = property.getValue();
                if (schema.value != null && !object.has(property.getKey())) {
                    out = out != null ? out : shallowCopy(object);
                    out.put(property.getKey(), schema.value);
                }
            }
            return out == null ? object : out;
        }
        if (json instanceof JSONArray array && items != null) {
            JSONArray out = null;
            for (int i = 0; i < array.length(); i++) {
                Object item = array.opt(i);
                Object defaulted = items.apply(item);
                if (defaulted != item) {
                    out = out != null ? out : shallowCopy(array);
                    out.put(i, defaulted);
                }
            }
            return out == null ? array : out;
        }
        return json;
    }

    private static boolean has(List<NodeTuple> tuples, String name) {
        for (NodeTuple tuple : tuples) {
            if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
    }

    /** A default as a YAML tree. */
    private static Node nodeOf(Object json) {
        if (json instanceof JSONObject object) {
            List<NodeTuple> tuples = new ArrayList<>();
            for (String key : object.keySet()) {
                tuples.add(new NodeTuple(scalar(Tag.STR, key), nodeOf(object.opt(key))));
            }
            return new MappingNode(Tag.MAP, true, tuples, NOWHERE, NOWHERE, DumperOptions.FlowStyle.FLOW);
        }
        if (json instanceof JSONArray array) {
            List<Node> values = new ArrayList<>();
            for (int i = 0; i < array.length(); i++) {
                values.add(nodeOf(array.opt(i)));
            }
            return new SequenceNode(Tag.SEQ, true, values, NOWHERE, NOWHERE, DumperOptions.FlowStyle.FLOW);
        }
        if (json instanceof String text) {
            return scalar(Tag.STR, text);
        }
        if (json instanceof Boolean bool) {
            return scalar(Tag.BOOL, bool.toString());
        }
        if (json instanceof BigDecimal || json instanceof Double || json instanceof Float) {
            return scalar(Tag.FLOAT, json.toString());
        }
        if (json instanceof Number number) {
            return scalar(Tag.INT, number.toString());
        }
        return scalar(Tag.NULL, "null");
    }

    private static ScalarNode scalar(Tag tag, String value) {
        return new ScalarNode(tag, true, value, NOWHERE, NOWHERE,
                tag == Tag.STR ? DumperOptions.ScalarStyle.DOUBLE_QUOTED : DumperOptions.ScalarStyle.PLAIN);
    }

    private static JSONObject shallowCopy(JSONObject object) {
        JSONObject copy = new JSONObject();
        for (String key : object.keySet()) {
            copy.put(key, object.opt(key));
        }
        return copy;
    }

    private static JSONArray shallowCopy(JSONArray array) {
        JSONArray copy = new JSONArray();
        for (int i = 0; i < array.length(); i++) {
            copy.put(array.opt(i));
        }
        return copy;
    }
}

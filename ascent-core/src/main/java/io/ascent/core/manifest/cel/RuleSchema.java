package io.ascent.core.manifest.cel;

import io.ascent.core.manifest.schema.StructuralDefaults;
import io.ascent.core.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * The part of a structural schema that CEL needs: each node's type and format (which decide the CEL value a YAML
 * value becomes), its properties, items and additional properties, and its validation rules. Immutable.
 *
 * <p>Rules inside {@code allOf}/{@code anyOf}/{@code oneOf}/{@code not} are not read: the API server refuses
 * {@code x-kubernetes-validations} there.
 */
public final class RuleSchema {
    private static final RuleSchema ANY = new RuleSchema(null, null, false, false, false, StructuralDefaults.NONE,
            List.of(), Map.of(), null, null);

    private final String type;
    private final String format;
    private final boolean intOrString;
    private final boolean embedded;
    private final boolean preserveUnknown;
    /** At the schema's root, its defaults, which the API server fills in before it evaluates rules; else none. */
    private final StructuralDefaults defaults;
    private final List<ValidationRule> rules;
    private final Map<String, RuleSchema> properties;
    private final RuleSchema items;
    private final RuleSchema additionalProperties;
    /** Whether this node or any below it has rules: walks skip subtrees without. */
    private final boolean hasRules;

    private RuleSchema(String type, String format, boolean intOrString, boolean embedded, boolean preserveUnknown,
            StructuralDefaults defaults, List<ValidationRule> rules, Map<String, RuleSchema> properties,
            RuleSchema items, RuleSchema additionalProperties) {
        this.type = type;
        this.format = format;
        this.intOrString = intOrString;
        this.embedded = embedded;
        this.preserveUnknown = preserveUnknown;
        this.defaults = defaults;
        this.rules = List.copyOf(rules);
        this.properties = Map.copyOf(properties);
        this.items = items;
        this.additionalProperties = additionalProperties;
        boolean any = !rules.isEmpty() || items != null && items.hasRules
                || additionalProperties != null && additionalProperties.hasRules;
        for (RuleSchema property : properties.values()) {
            any |= property.hasRules;
        }
        this.hasRules = any;
    }

    /**
     * Reads one {@code openAPIV3Schema} node. Malformed parts are read as "no constraint": the structural schema
     * check reports them.
     *
     * @param document the CRD's document, for the rules' locations
     * @param tokens   pointer tokens from the document root to {@code node}
     * @param crd      the CRD's name, for messages
     */
    static RuleSchema read(JSONObject node, YamlDocument document, List<String> tokens, String crd) {
        return read(node, document, null, tokens, crd, StructuralDefaults.of(node));
    }

    /**
     * Reads the {@code openAPIV3Schema} of a CRD bundled with Ascent, which is in no file: its rules name their
     * schema node and {@code source} instead of a line ({@link ValidationRule#bundled}).
     *
     * @param crd    the CRD's name
     * @param source how reports name the bundled CRD
     */
    public static RuleSchema readBundled(JSONObject node, String crd, String source) {
        return read(node, null, source, List.of(), crd, StructuralDefaults.of(node));
    }

    /** Exactly one of {@code document} (a CRD among the manifests) and {@code bundled} (a bundled CRD's source). */
    private static RuleSchema read(JSONObject node, YamlDocument document, String bundled, List<String> tokens,
            String crd, StructuralDefaults defaults) {
        List<ValidationRule> rules = new ArrayList<>();
        if (node.opt("x-kubernetes-validations") instanceof JSONArray entries) {
            for (int i = 0; i < entries.length(); i++) {
                List<String> at = child(tokens, "x-kubernetes-validations", Integer.toString(i));
                rules.add(rule(entries.opt(i), document, bundled, at, crd));
            }
        }
        Map<String, RuleSchema> properties = new LinkedHashMap<>();
        if (node.opt("properties") instanceof JSONObject declared) {
            for (String name : declared.keySet()) {
                if (declared.opt(name) instanceof JSONObject property) {
                    properties.put(name, read(property, document, bundled, child(tokens, "properties", name), crd,
                            StructuralDefaults.NONE));
                }
            }
        }
        RuleSchema items = node.opt("items") instanceof JSONObject item
                ? read(item, document, bundled, child(tokens, "items"), crd, StructuralDefaults.NONE) : null;
        RuleSchema additional = node.opt("additionalProperties") instanceof JSONObject value
                ? read(value, document, bundled, child(tokens, "additionalProperties"), crd, StructuralDefaults.NONE)
                : null;
        return new RuleSchema(node.opt("type") instanceof String t ? t : null,
                node.opt("format") instanceof String f ? f : null,
                node.optBoolean("x-kubernetes-int-or-string", false),
                node.optBoolean("x-kubernetes-embedded-resource", false),
                node.optBoolean("x-kubernetes-preserve-unknown-fields", false),
                defaults, rules, properties, items, additional);
    }

    private static ValidationRule rule(Object entry, YamlDocument document, String bundled, List<String> at,
            String crd) {
        ValidationRule.Bundled origin = bundled == null ? null : new ValidationRule.Bundled(bundled, node(at));
        if (!(entry instanceof JSONObject object) || !(object.opt("rule") instanceof String rule) || rule.isBlank()) {
            return new ValidationRule(null, null, null, null, null, false, crd,
                    document == null ? null : document.locationOf(document.nodeAt(at)), origin,
                    "the entry has no 'rule' string");
        }
        return new ValidationRule(rule, text(object, "message"), text(object, "messageExpression"),
                text(object, "reason"), text(object, "fieldPath"), object.optBoolean("optionalOldSelf", false), crd,
                document == null ? null : document.locationOf(document.nodeAt(child(at, "rule"))), origin, null);
    }

    /**
     * The field path of the schema node a rule's tokens ({@code properties/spec/items/x-kubernetes-validations/0})
     * lead to, as the API server writes paths: {@code spec[]}, a map's values as {@code [*]}, the root as
     * {@code <root>}.
     */
    private static String node(List<String> at) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < at.size(); i++) {
            switch (at.get(i)) {
                case "properties" -> {
                    if (i + 1 < at.size()) {
                        path.append(path.isEmpty() ? "" : ".").append(at.get(++i));
                    }
                }
                case "items" -> path.append("[]");
                case "additionalProperties" -> path.append("[*]");
                default -> {
                    return path.isEmpty() ? "<root>" : path.toString();
                }
            }
        }
        return path.isEmpty() ? "<root>" : path.toString();
    }

    private static String text(JSONObject object, String key) {
        return object.opt(key) instanceof String value && !value.isEmpty() ? value : null;
    }

    private static List<String> child(List<String> tokens, String... more) {
        List<String> out = new ArrayList<>(tokens.size() + more.length);
        out.addAll(tokens);
        out.addAll(List.of(more));
        return out;
    }

    /** The schema of a value no schema describes (unknown fields kept by {@code preserve-unknown-fields}). */
    static RuleSchema any() {
        return ANY;
    }

    public String type() {
        return type;
    }

    public String format() {
        return format;
    }

    public boolean intOrString() {
        return intOrString;
    }

    /** {@code x-kubernetes-embedded-resource}: the value is an object with its own apiVersion, kind and metadata. */
    public boolean embedded() {
        return embedded;
    }

    public boolean preserveUnknown() {
        return preserveUnknown;
    }

    /**
     * The defaults the API server fills in before it evaluates the rules: the schema's own at its root
     * ({@link #read}), none below it (the root's fill in the whole object at once).
     */
    public StructuralDefaults defaults() {
        return defaults;
    }

    public List<ValidationRule> rules() {
        return rules;
    }

    public Map<String, RuleSchema> properties() {
        return properties;
    }

    /** The schema of every item of an array, or {@code null}. */
    public RuleSchema items() {
        return items;
    }

    /** The schema of every value of a map, or {@code null}. */
    public RuleSchema additionalProperties() {
        return additionalProperties;
    }

    /** Whether this node or any node below it carries rules. */
    public boolean hasRules() {
        return hasRules;
    }

    /** Every rule of this node and below, in schema order. */
    public List<ValidationRule> allRules() {
        List<ValidationRule> out = new ArrayList<>();
        collect(this, out);
        return out;
    }

    private static void collect(RuleSchema schema, List<ValidationRule> out) {
        if (schema == null || !schema.hasRules) {
            return;
        }
        out.addAll(schema.rules);
        schema.properties.values().forEach(property -> collect(property, out));
        collect(schema.items, out);
        collect(schema.additionalProperties, out);
    }
}

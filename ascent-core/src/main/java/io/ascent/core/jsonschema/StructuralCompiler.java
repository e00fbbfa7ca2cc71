package io.ascent.core.jsonschema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.everit.json.schema.CombinedSchema;
import org.everit.json.schema.FormatValidator;
import org.everit.json.schema.Schema;
import org.everit.json.schema.internal.DateTimeFormatValidator;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * Compiles the schema objects of one draft-07 document into {@link StructuralNode}s, each when first needed and
 * once: a run compiles only the parts of a kind's schema its manifests reach. The document must have passed
 * {@link StructuralSubset#accepts}, so compiling cannot fail. Thread-safe: two threads may compile the same part at
 * once and one result is kept.
 */
final class StructuralCompiler {
    static final List<String> ARRAY_KEYWORDS = List.of("items", "minItems", "maxItems", "uniqueItems");
    static final List<String> OBJECT_KEYWORDS =
            List.of("properties", "required", "additionalProperties", "minProperties", "maxProperties");
    static final List<String> NUMBER_KEYWORDS =
            List.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf");
    static final List<String> STRING_KEYWORDS = List.of("minLength", "maxLength", "pattern", "format");
    private static final FormatValidator DATE_TIME = new DateTimeFormatValidator();

    private final JSONObject root;
    private final Map<String, Lazy> references = new ConcurrentHashMap<>();

    StructuralCompiler(JSONObject root) {
        this.root = root;
    }

    /** The root schema, not compiled yet. */
    Supplier<StructuralNode> root() {
        return new Lazy(root);
    }

    /** A schema object compiled on the first {@link #get}. */
    private final class Lazy implements Supplier<StructuralNode> {
        private final JSONObject json;
        private volatile StructuralNode compiled;

        Lazy(JSONObject json) {
            this.json = json;
        }

        @Override
        public StructuralNode get() {
            StructuralNode node = compiled;
            if (node == null) {
                node = compile(json);
                compiled = node;
            }
            return node;
        }
    }

    private StructuralNode compile(JSONObject json) {
        String description = json.opt("description") instanceof String text ? text : null;
        if (json.has("$ref")) {
            String ref = json.getString("$ref");
            return new StructuralNode.Ref(description, references.computeIfAbsent(ref,
                    r -> new Lazy((JSONObject) StructuralSubset.resolve(root, r))));
        }
        // The order of everit's schema extractors: enum, combinators, type, then keywords without a type.
        List<StructuralNode> parts = new ArrayList<>(2);
        Set<String> consumed = new HashSet<>();
        if (json.has("enum")) {
            parts.add(enumeration(json.getJSONArray("enum")));
        }
        Set<String> combinators = new HashSet<>(); // everit collects them in a hash set: keep its order
        for (String key : List.of("allOf", "anyOf", "oneOf")) {
            if (json.has(key)) {
                combinators.add(key);
            }
        }
        for (String key : combinators) {
            parts.add(new StructuralNode.Combined(null, key, everitOrder(json.getJSONArray(key))));
        }
        Object type = json.opt("type");
        if (type instanceof String single) {
            parts.add(typed(single, json, consumed, true));
        } else if (type instanceof JSONArray several) {
            List<Supplier<StructuralNode>> branches = new ArrayList<>();
            for (int i = 0; i < several.length(); i++) {
                StructuralNode branch = typed(several.getString(i), json, consumed, true);
                branches.add(() -> branch);
            }
            parts.add(new StructuralNode.Combined(null, "anyOf", branches));
        }
        if (unconsumed(json, ARRAY_KEYWORDS, consumed)) {
            parts.add(array(json, false, null));
        }
        if (unconsumed(json, OBJECT_KEYWORDS, consumed)) {
            parts.add(object(json, false, null));
        }
        if (unconsumed(json, NUMBER_KEYWORDS, consumed)) {
            parts.add(number(json, false, false, null));
        }
        if (unconsumed(json, STRING_KEYWORDS, consumed)) {
            parts.add(string(json, false, null));
        }
        if (parts.isEmpty()) {
            return new StructuralNode.Empty(description);
        }
        if (parts.size() == 1) {
            return withDescription(parts.get(0), description);
        }
        List<Supplier<StructuralNode>> all = new ArrayList<>(parts.size());
        for (StructuralNode part : parts) {
            all.add(() -> part);
        }
        return new StructuralNode.Combined(description, "allOf", combinedFirst(all));
    }

    /**
     * The branches of an {@code allOf}/{@code anyOf}/{@code oneOf} in the order everit visits them: combined schemas
     * first, then by the hash code of everit's compiled branch. The order decides which branch's failure an
     * {@code anyOf} reports, so each branch is compiled with everit once to learn it (branches are small, and only
     * CRDs have them; StructuralSubset keeps references out of them).
     */
    private List<Supplier<StructuralNode>> everitOrder(JSONArray branches) {
        List<Supplier<StructuralNode>> lazy = lazyAll(branches);
        if (lazy.size() < 2) {
            return lazy;
        }
        List<Integer> order = new ArrayList<>();
        boolean[] combined = new boolean[lazy.size()];
        int[] hashes = new int[lazy.size()];
        for (int i = 0; i < lazy.size(); i++) {
            Schema schema = LocatedSchemaValidator.loader().schemaJson(branches.getJSONObject(i)).build().load()
                    .build();
            combined[i] = schema instanceof CombinedSchema;
            hashes[i] = schema.hashCode();
            order.add(i);
        }
        order.sort((a, b) -> combined[a] == combined[b] ? Integer.compare(hashes[a], hashes[b])
                : combined[a] ? -1 : 1);
        List<Supplier<StructuralNode>> out = new ArrayList<>(lazy.size());
        for (int i : order) {
            out.add(lazy.get(i));
        }
        return out;
    }

    /** everit visits combined subschemas first; the rest keep their order here. */
    private static List<Supplier<StructuralNode>> combinedFirst(List<Supplier<StructuralNode>> subschemas) {
        List<Supplier<StructuralNode>> out = new ArrayList<>(subschemas.size());
        for (Supplier<StructuralNode> s : subschemas) {
            if (s.get() instanceof StructuralNode.Combined) {
                out.add(s);
            }
        }
        for (Supplier<StructuralNode> s : subschemas) {
            if (!(s.get() instanceof StructuralNode.Combined)) {
                out.add(s);
            }
        }
        return out;
    }

    /** The one schema of a schema object carries its description (everit sets it on what it returns). */
    private StructuralNode withDescription(StructuralNode node, String description) {
        if (description == null) {
            return node;
        }
        if (node instanceof StructuralNode.Combined combined) {
            return new StructuralNode.Combined(description, combined.criterion, combined.subschemas);
        }
        if (node instanceof StructuralNode.Enum enumeration) {
            return new StructuralNode.Enum(description, enumeration.values, enumeration.joined);
        }
        if (node instanceof StructuralNode.ObjectType o) {
            return new StructuralNode.ObjectType(description, o.requiresObject, o.properties, o.visitOrder, o.required,
                    o.additionalAllowed, o.additional, o.minProperties, o.maxProperties);
        }
        if (node instanceof StructuralNode.ArrayType a) {
            return new StructuralNode.ArrayType(description, a.requiresArray, a.items, a.minItems, a.maxItems,
                    a.uniqueItems);
        }
        if (node instanceof StructuralNode.StringType s) {
            return new StructuralNode.StringType(description, s.requiresString, s.minLength, s.maxLength,
                    s.patternText, s.format);
        }
        if (node instanceof StructuralNode.NumberType n) {
            return new StructuralNode.NumberType(description, n.requiresNumber, n.requiresInteger, n.minimum,
                    n.maximum, n.exclusiveMinimum, n.exclusiveMaximum, n.multipleOf);
        }
        if (node instanceof StructuralNode.BooleanType) {
            return new StructuralNode.BooleanType(description);
        }
        return new StructuralNode.NullType(description);
    }

    private static boolean unconsumed(JSONObject json, List<String> keywords, Set<String> consumed) {
        for (String keyword : keywords) {
            if (json.has(keyword) && !consumed.contains(keyword)) {
                return true;
            }
        }
        return false;
    }

    private StructuralNode typed(String type, JSONObject json, Set<String> consumed, boolean required) {
        return switch (type) {
            case "string" -> {
                consumed.addAll(STRING_KEYWORDS);
                yield string(json, required, null);
            }
            case "integer" -> {
                consumed.addAll(NUMBER_KEYWORDS);
                yield number(json, true, true, null);
            }
            case "number" -> {
                consumed.addAll(NUMBER_KEYWORDS);
                yield number(json, true, false, null);
            }
            case "boolean" -> new StructuralNode.BooleanType(null);
            case "null" -> new StructuralNode.NullType(null);
            case "array" -> {
                consumed.addAll(ARRAY_KEYWORDS);
                yield array(json, required, null);
            }
            default -> {
                consumed.addAll(OBJECT_KEYWORDS);
                yield object(json, required, null);
            }
        };
    }

    private StructuralNode.StringType string(JSONObject json, boolean requiresString, String description) {
        return new StructuralNode.StringType(description, requiresString, (Integer) json.opt("minLength"),
                (Integer) json.opt("maxLength"), (String) json.opt("pattern"),
                "date-time".equals(json.opt("format")) ? DATE_TIME : null);
    }

    private StructuralNode.NumberType number(JSONObject json, boolean requiresNumber, boolean requiresInteger,
                                             String description) {
        return new StructuralNode.NumberType(description, requiresNumber, requiresInteger,
                (Number) json.opt("minimum"), (Number) json.opt("maximum"), (Number) json.opt("exclusiveMinimum"),
                (Number) json.opt("exclusiveMaximum"), (Number) json.opt("multipleOf"));
    }

    private StructuralNode.ArrayType array(JSONObject json, boolean requiresArray, String description) {
        Object items = json.opt("items");
        return new StructuralNode.ArrayType(description, requiresArray,
                items instanceof JSONObject schema ? new Lazy(schema) : null, (Integer) json.opt("minItems"),
                (Integer) json.opt("maxItems"), Boolean.TRUE.equals(json.opt("uniqueItems")));
    }

    private StructuralNode.ObjectType object(JSONObject json, boolean requiresObject, String description) {
        Map<String, Supplier<StructuralNode>> properties = new HashMap<>();
        JSONObject definitions = json.optJSONObject("properties");
        if (definitions != null) {
            for (String name : definitions.keySet()) {
                properties.put(name, new Lazy(definitions.getJSONObject(name)));
            }
        }
        // everit keeps the properties in a copied hash map and visits them in its order.
        List<Map.Entry<String, Supplier<StructuralNode>>> order = List.copyOf(new HashMap<>(properties).entrySet());
        List<String> required = new ArrayList<>();
        JSONArray names = json.optJSONArray("required");
        if (names != null) {
            for (int i = 0; i < names.length(); i++) {
                required.add(names.getString(i));
            }
        }
        Object additional = json.opt("additionalProperties");
        return new StructuralNode.ObjectType(description, requiresObject, Map.copyOf(properties), order,
                List.copyOf(required), !Boolean.FALSE.equals(additional),
                additional instanceof JSONObject schema ? new Lazy(schema) : null,
                (Integer) json.opt("minProperties"), (Integer) json.opt("maxProperties"));
    }

    /** The allowed values as everit keeps them: JSON null as {@code null}; the message lists them sorted. */
    private static StructuralNode.Enum enumeration(JSONArray array) {
        List<Object> values = new ArrayList<>(array.length());
        for (int i = 0; i < array.length(); i++) {
            Object value = array.opt(i);
            values.add(value == JSONObject.NULL ? null : value);
        }
        String joined = new LinkedHashSet<>(values).stream().map(String::valueOf).sorted()
                .collect(Collectors.joining(", "));
        return new StructuralNode.Enum(null, java.util.Collections.unmodifiableList(values), joined);
    }

    private List<Supplier<StructuralNode>> lazyAll(JSONArray schemas) {
        List<Supplier<StructuralNode>> out = new ArrayList<>(schemas.length());
        for (int i = 0; i < schemas.length(); i++) {
            out.add(new Lazy(schemas.getJSONObject(i)));
        }
        return out;
    }
}

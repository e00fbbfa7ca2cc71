package io.ascent.core.jsonschema;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * Decides whether a draft-07 schema lies in the part of JSON Schema that {@link StructuralSchema} validates exactly
 * as everit does: the keywords of Kubernetes' structural schemas ({@code type}, {@code properties},
 * {@code additionalProperties}, {@code items} as one schema, {@code required}, {@code enum} of plain values,
 * {@code pattern}, the bounds, {@code multipleOf}, {@code uniqueItems}, {@code format}, {@code allOf}/{@code anyOf}/
 * {@code oneOf}) and {@code $ref}s inside the document, each with a value everit accepts. Anything else (another
 * keyword everit validates, a reference to another document, a value everit would refuse to compile, a pattern
 * RE2/J cannot compile) answers no, and the caller compiles the schema with everit, which then behaves as it
 * always has. Annotations and unknown keywords are ignored by both.
 */
final class StructuralSubset {
    /** Keywords everit validates (draft 7) that the structural validator does not. */
    private static final Set<String> UNSUPPORTED = Set.of("const", "contains", "patternProperties", "propertyNames",
            "dependencies", "additionalItems", "if", "then", "else", "not", "$id", "id");
    /** Formats everit checks in draft 7; only date-time is in the subset (others are ignored by everit too). */
    private static final Set<String> CHECKED_FORMATS = Set.of("date", "time", "email", "hostname", "ipv4", "ipv6",
            "uri", "uri-reference", "uri-template", "json-pointer", "relative-json-pointer", "regex", "idn-email",
            "idn-hostname", "iri", "iri-reference");
    private static final Set<String> TYPES = Set.of("string", "integer", "number", "boolean", "null", "array",
            "object");
    private static final Set<String> DRAFT_7 = Set.of("http://json-schema.org/draft-07/schema",
            "http://json-schema.org/draft-07/schema#");

    private final JSONObject root;
    private final Map<JSONObject, Boolean> seen = new IdentityHashMap<>();

    private StructuralSubset(JSONObject root) {
        this.root = root;
    }

    /** Whether every schema reachable from {@code root} lies in the subset. */
    static boolean accepts(JSONObject root) {
        Object version = root.opt("$schema");
        if (version != null && !DRAFT_7.contains(version)) {
            return false;
        }
        try {
            return new StructuralSubset(root).schema(root);
        } catch (StackOverflowError | RuntimeException e) {
            return false; // too deep, or shaped in a way not foreseen here: everit decides, as before
        }
    }

    /** The value a {@code $ref} inside the document points at, or {@code null}. */
    static Object resolve(JSONObject root, String ref) {
        if (!ref.startsWith("#") || ref.indexOf('%') >= 0) {
            return null;
        }
        String pointer = ref.substring(1);
        if (pointer.isEmpty()) {
            return root;
        }
        if (!pointer.startsWith("/")) {
            return null;
        }
        Object current = root;
        for (String raw : pointer.substring(1).split("/", -1)) {
            String token = raw.replace("~1", "/").replace("~0", "~");
            if (current instanceof JSONObject object && object.has(token)) {
                current = object.get(token);
            } else {
                return null;
            }
        }
        return current;
    }

    private boolean schema(Object value) {
        if (!(value instanceof JSONObject json)) {
            return false; // boolean schemas and the like
        }
        if (seen.put(json, Boolean.TRUE) != null) {
            return true;
        }
        for (String key : json.keySet()) {
            if (UNSUPPORTED.contains(key)) {
                return false;
            }
        }
        if (!(isString(json, "description") && isString(json, "title"))) {
            return false;
        }
        if (json.has("$ref")) {
            // everit reads nothing else of a schema object with a reference.
            return json.opt("$ref") instanceof String ref && schema(resolve(root, ref));
        }
        return type(json.opt("type")) && enumeration(json.opt("enum")) && combinators(json)
                && object(json) && array(json) && number(json) && string(json);
    }

    private static boolean isString(JSONObject json, String key) {
        return !json.has(key) || json.opt(key) instanceof String;
    }

    private static boolean type(Object type) {
        if (type == null) {
            return true;
        }
        if (type instanceof String name) {
            return TYPES.contains(name);
        }
        if (type instanceof JSONArray names) {
            for (Object name : names) {
                if (!(name instanceof String text && TYPES.contains(text))) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean enumeration(Object values) {
        if (values == null) {
            return true;
        }
        if (!(values instanceof JSONArray array)) {
            return false;
        }
        for (Object value : array) {
            if (!(value instanceof String || value instanceof Number || value instanceof Boolean
                    || value == JSONObject.NULL)) {
                return false;
            }
        }
        return true;
    }

    private boolean combinators(JSONObject json) {
        for (String key : List.of("allOf", "anyOf", "oneOf")) {
            if (json.has(key)) {
                if (!(json.opt(key) instanceof JSONArray branches)) {
                    return false;
                }
                for (Object branch : branches) {
                    // StructuralCompiler learns everit's order of the branches by compiling each on its own, which a
                    // reference out of the branch would not survive.
                    if (!schema(branch) || branches.length() > 1 && branch.toString().contains("\"$ref\"")) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private boolean object(JSONObject json) {
        if (json.has("properties")) {
            if (!(json.opt("properties") instanceof JSONObject properties)) {
                return false;
            }
            for (String name : properties.keySet()) {
                if (name.equals("$id") || !schema(properties.opt(name))) {
                    return false;
                }
            }
        }
        Object additional = json.opt("additionalProperties");
        if (additional != null && !(additional instanceof Boolean) && !schema(additional)) {
            return false;
        }
        if (json.has("required")) {
            if (!(json.opt("required") instanceof JSONArray names)) {
                return false;
            }
            for (Object name : names) {
                if (!(name instanceof String)) {
                    return false;
                }
            }
        }
        return count(json, "minProperties") && count(json, "maxProperties");
    }

    private boolean array(JSONObject json) {
        if (json.has("items") && !schema(json.opt("items"))) {
            return false;
        }
        if (json.has("uniqueItems") && !(json.opt("uniqueItems") instanceof Boolean)) {
            return false;
        }
        return count(json, "minItems") && count(json, "maxItems");
    }

    private static boolean number(JSONObject json) {
        for (String key : StructuralCompiler.NUMBER_KEYWORDS) {
            if (json.has(key) && !(json.opt(key) instanceof Number)) {
                return false;
            }
        }
        return !(json.opt("multipleOf") instanceof Number multiple && multiple.doubleValue() == 0);
    }

    private static boolean string(JSONObject json) {
        if (!count(json, "minLength") || !count(json, "maxLength")) {
            return false;
        }
        if (json.has("format")) {
            if (!(json.opt("format") instanceof String format) || CHECKED_FORMATS.contains(format)) {
                return false;
            }
        }
        if (json.has("pattern")) {
            if (!(json.opt("pattern") instanceof String pattern)) {
                return false;
            }
            try {
                com.google.re2j.Pattern.compile(pattern);
            } catch (com.google.re2j.PatternSyntaxException e) {
                return false;
            }
        }
        return true;
    }

    /** everit reads counts as Java {@code Integer}s and refuses anything else. */
    private static boolean count(JSONObject json, String key) {
        return !json.has(key) || json.opt(key) instanceof Integer;
    }
}

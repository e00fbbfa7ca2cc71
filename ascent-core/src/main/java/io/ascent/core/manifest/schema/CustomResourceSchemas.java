package io.ascent.core.manifest.schema;

import io.ascent.core.report.Location;
import io.ascent.core.yaml.YamlDocument;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * JSON schemas of custom resources, derived from the {@code CustomResourceDefinition}s found among the
 * manifests. A CRD's {@code openAPIV3Schema} is a structural OpenAPI v3 schema; it becomes draft-07 JSON Schema:
 * <ul>
 *   <li>descriptions, examples and {@code x-kubernetes-*} annotations are dropped (CEL rules in
 *       {@code x-kubernetes-validations} are evaluated by {@code manifest.validation-rules}, and so are the
 *       duplicates {@code x-kubernetes-list-type: set} and {@code map} forbid, in the API server's words);</li>
 *   <li>{@code nullable: true} adds {@code null} to the type (and to the enum);</li>
 *   <li>a required field whose property has a {@code default} is not required: the API server fills it in
 *       before it validates;</li>
 *   <li>{@code minLength}, {@code maxItems} and the other counts become whole numbers everit accepts;</li>
 *   <li>{@code x-kubernetes-int-or-string: true} becomes {@code type: [integer, string]};</li>
 *   <li>OpenAPI's boolean {@code exclusiveMinimum}/{@code exclusiveMaximum} become draft-07 numbers;</li>
 *   <li>formats other than {@code date-time}, {@code ipv4} and {@code ipv6} are dropped;</li>
 *   <li>{@code default}s outside {@code allOf}/{@code anyOf}/{@code oneOf}/{@code not} are kept: they are filled
 *       in before validation ({@link StructuralDefaults});</li>
 *   <li>the root's {@code apiVersion}, {@code kind} and {@code metadata} are always allowed (the API server
 *       checks metadata itself; Ascent checks only that it is a mapping);</li>
 *   <li>in strict mode every object schema without {@code additionalProperties} and without
 *       {@code x-kubernetes-preserve-unknown-fields: true} gets {@code additionalProperties: false}: the fields
 *       the API server would silently prune are reported. Schemas under {@code allOf}/{@code anyOf}/{@code oneOf}/
 *       {@code not} only constrain values and are left open, as Kubernetes requires.</li>
 * </ul>
 * Immutable once built.
 */
public final class CustomResourceSchemas {
    /** A custom resource kind's schema and where its CRD is. */
    public record Entry(String apiVersion, String kind, JSONObject schema, String crdName, Location location) {
        /** How reports name the schema's source. */
        public String source() {
            return "CustomResourceDefinition " + crdName + " (" + location + ")";
        }
    }

    /** A CRD that could not be turned into a schema. */
    public record Problem(Location location, String message) {
    }

    /** The types a structural schema may name. */
    private static final Set<String> TYPES = Set.of("object", "array", "string", "integer", "number", "boolean");

    private final Map<String, Entry> entries;
    private final List<Problem> problems;

    private CustomResourceSchemas(Map<String, Entry> entries, List<Problem> problems) {
        this.entries = Map.copyOf(entries);
        this.problems = List.copyOf(problems);
    }

    /** Schemas already converted (tests of what uses them). */
    static CustomResourceSchemas of(Map<String, Entry> entries) {
        return new CustomResourceSchemas(entries, List.of());
    }

    public static CustomResourceSchemas none() {
        return new CustomResourceSchemas(Map.of(), List.of());
    }

    /**
     * Finds the CRDs ({@code apiextensions.k8s.io/v1} or {@code v1beta1}) among {@code documents}, including
     * the items of {@code List} documents, and converts the schema of each of their versions. Other documents are
     * ignored. When two CRDs define the same kind and version, the first one wins.
     */
    public static CustomResourceSchemas from(Collection<YamlDocument> documents, boolean strict) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (YamlDocument document : documents) {
            if (!(document.json() instanceof JSONObject root)) {
                continue;
            }
            if (root.opt("items") instanceof JSONArray items && root.optString("kind").endsWith("List")) {
                for (int i = 0; i < items.length(); i++) {
                    if (items.opt(i) instanceof JSONObject item) {
                        add(document, List.of("items", Integer.toString(i)), item, strict, entries, problems);
                    }
                }
            } else {
                add(document, List.of(), root, strict, entries, problems);
            }
        }
        return new CustomResourceSchemas(entries, problems);
    }

    /**
     * The string at {@code key}, or empty when it is missing or not a string: a CRD is hostile input, and
     * {@code group: -1} reads as "-1" through {@code optString} but fails {@code getString}.
     */
    private static String text(JSONObject object, String key) {
        return object.opt(key) instanceof String value ? value : "";
    }

    private static void add(YamlDocument document, List<String> prefix, JSONObject crd, boolean strict,
                            Map<String, Entry> entries, List<Problem> problems) {
        String apiVersion = crd.optString("apiVersion");
        if (!crd.optString("kind").equals("CustomResourceDefinition")
                || !(apiVersion.equals("apiextensions.k8s.io/v1") || apiVersion.equals("apiextensions.k8s.io/v1beta1"))) {
            return;
        }
        Location location = document.locationOf(document.nodeAt(prefix));
        JSONObject spec = crd.optJSONObject("spec");
        String name = crd.optJSONObject("metadata") == null ? "?" : crd.getJSONObject("metadata").optString("name", "?");
        String group = spec == null ? "" : text(spec, "group");
        String kind = spec == null || spec.optJSONObject("names") == null ? ""
                : text(spec.getJSONObject("names"), "kind");
        if (group.isEmpty() || kind.isEmpty()) {
            problems.add(new Problem(location, "CustomResourceDefinition " + name
                    + " has no spec.group or spec.names.kind; its custom resources cannot be checked"));
            return;
        }
        JSONObject shared = spec.optJSONObject("validation") == null ? null
                : spec.getJSONObject("validation").optJSONObject("openAPIV3Schema");
        List<String> versionNames = new ArrayList<>();
        Map<String, JSONObject> schemas = new LinkedHashMap<>();
        JSONArray versions = spec.optJSONArray("versions");
        if (versions != null) {
            for (int i = 0; i < versions.length(); i++) {
                JSONObject version = versions.optJSONObject(i);
                if (version == null || text(version, "name").isEmpty()) {
                    continue;
                }
                versionNames.add(version.getString("name"));
                JSONObject own = version.optJSONObject("schema") == null ? null
                        : version.getJSONObject("schema").optJSONObject("openAPIV3Schema");
                schemas.put(version.getString("name"), own != null ? own : shared);
            }
        }
        if (versionNames.isEmpty() && !text(spec, "version").isEmpty()) {
            versionNames.add(spec.getString("version"));
            schemas.put(spec.getString("version"), shared);
        }
        for (String version : versionNames) {
            JSONObject openApi = schemas.get(version);
            String key = group + "/" + version + " " + kind;
            if (entries.containsKey(key)) {
                continue;
            }
            if (openApi == null) {
                // No schema at all: the API server accepts anything (v1 requires one; v1beta1 does not).
                openApi = new JSONObject().put("type", "object").put("x-kubernetes-preserve-unknown-fields", true);
            }
            try {
                JSONObject schema = convert(openApi, strict, true, false);
                entries.put(key, new Entry(group + "/" + version, kind, schema, name, location));
            } catch (RuntimeException e) {
                problems.add(new Problem(location, "CustomResourceDefinition " + name + " version " + version
                        + ": its openAPIV3Schema cannot be used (" + e.getMessage() + ")"));
            }
        }
    }

    public Optional<Entry> find(String apiVersion, String kind) {
        return Optional.ofNullable(entries.get(apiVersion + " " + kind));
    }

    /**
     * The versions the CRDs serve of {@code apiVersion}'s group and {@code kind}, when they serve not that one: an
     * object at a version its CRD does not define is refused by the API server ({@code no matches for kind}).
     */
    public List<Entry> otherVersions(String apiVersion, String kind) {
        int slash = apiVersion.indexOf('/');
        String group = apiVersion.substring(0, Math.max(slash, 0));
        return entries.values().stream().filter(entry -> entry.kind().equals(kind)
                && !entry.apiVersion().equals(apiVersion) && entry.apiVersion().startsWith(group + "/")
                && !group.isEmpty()).toList();
    }

    /** Every converted kind, keyed {@code group/version Kind}. */
    public Map<String, Entry> entries() {
        return entries;
    }

    /** CRDs whose schemas could not be used. */
    public List<Problem> problems() {
        return problems;
    }

    /**
     * Turns one structural OpenAPI v3 schema node into draft-07 JSON Schema (a new object).
     *
     * @throws IllegalArgumentException when the node is not a schema the API server would accept (a keyword of the
     *                                  wrong type, an unknown type name, a pattern that is no regular expression)
     */
    static JSONObject convert(JSONObject source, boolean strict, boolean root, boolean inCombinator) {
        JSONObject out = new JSONObject();
        boolean preserveUnknown = source.optBoolean("x-kubernetes-preserve-unknown-fields", false);
        boolean intOrString = source.optBoolean("x-kubernetes-int-or-string", false);
        boolean embedded = source.optBoolean("x-kubernetes-embedded-resource", false);
        for (String key : source.keySet()) {
            Object value = source.get(key);
            switch (key) {
                case "properties" -> {
                    JSONObject properties = new JSONObject();
                    JSONObject in = asObject(value, key);
                    for (String name : in.keySet()) {
                        properties.put(name, convert(asObject(in.get(name), name), strict, false, inCombinator));
                    }
                    out.put(key, properties);
                }
                case "items" -> {
                    if (value instanceof JSONArray array) {
                        JSONArray items = new JSONArray();
                        for (int i = 0; i < array.length(); i++) {
                            items.put(convert(asObject(array.get(i), key), strict, false, inCombinator));
                        }
                        out.put(key, items);
                    } else {
                        out.put(key, convert(asObject(value, key), strict, false, inCombinator));
                    }
                }
                case "additionalProperties" -> {
                    if (value instanceof JSONObject object) {
                        out.put(key, convert(object, strict, false, inCombinator));
                    } else if (value instanceof Boolean) {
                        out.put(key, value);
                    } else {
                        throw new IllegalArgumentException("'additionalProperties' is neither a schema nor a boolean");
                    }
                }
                case "allOf", "anyOf", "oneOf" -> {
                    if (!(value instanceof JSONArray array)) {
                        throw new IllegalArgumentException("'" + key + "' is not a list of schemas");
                    }
                    if (intOrString && isIntOrStringAlternatives(array)) {
                        continue;
                    }
                    JSONArray branches = new JSONArray();
                    for (int i = 0; i < array.length(); i++) {
                        branches.put(convert(asObject(array.get(i), key), strict, false, true));
                    }
                    out.put(key, branches);
                }
                case "not" -> out.put(key, convert(asObject(value, key), strict, false, true));
                case "exclusiveMinimum", "exclusiveMaximum" -> {
                    if (Boolean.TRUE.equals(value)) {
                        String bound = key.equals("exclusiveMinimum") ? "minimum" : "maximum";
                        if (source.has(bound)) {
                            out.put(key, number(source.get(bound), bound));
                        }
                    } else if (value instanceof Number) {
                        out.put(key, value);
                    }
                }
                case "minimum", "maximum" -> {
                    String exclusive = key.equals("minimum") ? "exclusiveMinimum" : "exclusiveMaximum";
                    if (!Boolean.TRUE.equals(source.opt(exclusive))) {
                        out.put(key, number(value, key));
                    }
                }
                case "multipleOf" -> out.put(key, number(value, key));
                // The API server reads these as int64; the JSON library gives Long, but everit wants Integer.
                case "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties" ->
                        out.put(key, count(value, key));
                case "format" -> {
                    // The formats Ascent checks as the API server does; ipv4/ipv6 send the schema to everit.
                    if ("date-time".equals(value) || "ipv4".equals(value) || "ipv6".equals(value)) {
                        out.put(key, value);
                    }
                }
                case "type" -> out.put(key, typeName(value));
                case "enum" -> {
                    if (!(value instanceof JSONArray)) {
                        throw new IllegalArgumentException("'enum' is not a list");
                    }
                    out.put(key, value);
                }
                case "required" -> out.put(key, required(value, source.optJSONObject("properties")));
                case "pattern" -> out.put(key, pattern(value));
                case "uniqueItems" -> {
                    if (!(value instanceof Boolean)) {
                        throw new IllegalArgumentException("'uniqueItems' is not a boolean");
                    }
                    out.put(key, value);
                }
                // Kept for StructuralDefaults (an annotation to both validators); the API server refuses a default
                // inside a combinator, so one there is dropped rather than filled in.
                case "default" -> {
                    if (!inCombinator) {
                        out.put(key, value);
                    }
                }
                default -> {
                    // description, title, example, externalDocs, nullable, x-kubernetes-*: no validation
                }
            }
        }
        if (intOrString && !out.has("type")) {
            out.put("type", new JSONArray().put("integer").put("string"));
        }
        if (root || embedded) {
            JSONObject properties = out.optJSONObject("properties");
            if (properties == null) {
                properties = new JSONObject();
                out.put("properties", properties);
            }
            properties.put("apiVersion", new JSONObject().put("type", "string"));
            properties.put("kind", new JSONObject().put("type", "string"));
            properties.put("metadata", new JSONObject().put("type", "object"));
            if (root) {
                out.put("type", "object");
            }
        }
        boolean isObject = "object".equals(out.opt("type")) || out.has("properties");
        if (strict && isObject && !inCombinator && !preserveUnknown && !out.has("additionalProperties")) {
            out.put("additionalProperties", false);
        }
        if (source.optBoolean("nullable", false) && !root) {
            allowNull(out);
        }
        return out;
    }

    private static String typeName(Object value) {
        if (value instanceof String type && TYPES.contains(type)) {
            return type;
        }
        throw new IllegalArgumentException("'type' is " + value + "; a structural schema names one of " + TYPES);
    }

    private static Number number(Object value, String key) {
        if (value instanceof Number number) {
            return number;
        }
        throw new IllegalArgumentException("'" + key + "' is not a number");
    }

    /** A length or count bound; above what a Java array can hold it bounds nothing, so it is capped. */
    private static Integer count(Object value, String key) {
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            long bound = ((Number) value).longValue();
            if (value instanceof BigInteger big && big.bitLength() >= 64 || bound < 0) {
                throw new IllegalArgumentException("'" + key + "' is " + value + "; expected a count from 0");
            }
            return (int) Math.min(bound, Integer.MAX_VALUE);
        }
        throw new IllegalArgumentException("'" + key + "' is " + value + "; expected a whole number");
    }

    /**
     * The required names, without those whose property has a {@code default}: the API server fills defaults in
     * before it validates, so such a field is never missing.
     */
    private static JSONArray required(Object value, JSONObject properties) {
        if (!(value instanceof JSONArray names)) {
            throw new IllegalArgumentException("'required' is not a list of names");
        }
        JSONArray out = new JSONArray();
        for (Object name : names) {
            if (!(name instanceof String text)) {
                throw new IllegalArgumentException("'required' holds " + name + ", which is not a name");
            }
            JSONObject property = properties == null ? null : properties.optJSONObject(text);
            if (property == null || !property.has("default")) {
                out.put(text);
            }
        }
        return out;
    }

    /**
     * The API server compiles patterns with Go's RE2; the one RE2 spelling Java lacks is the named group
     * {@code (?P<name>...)}, rewritten to Java's {@code (?<name>...)}.
     */
    private static String pattern(Object value) {
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException("'pattern' is not a string");
        }
        String java = text.replace("(?P<", "(?<");
        try {
            Pattern.compile(java);
            return java;
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("'pattern' " + text + " is not a regular expression: "
                    + e.getDescription());
        }
    }

    /** {@code nullable: true}: null is a valid value besides those of the type (and of the enum, if any). */
    private static void allowNull(JSONObject out) {
        Object type = out.opt("type");
        if (type instanceof String single) {
            out.put("type", new JSONArray().put(single).put("null"));
        } else if (type instanceof JSONArray several) {
            several.put("null");
        }
        if (out.opt("enum") instanceof JSONArray values) {
            out.put("enum", new JSONArray(values.toList()).put(JSONObject.NULL));
        }
    }

    private static boolean isIntOrStringAlternatives(JSONArray branches) {
        for (int i = 0; i < branches.length(); i++) {
            if (!(branches.opt(i) instanceof JSONObject branch) || branch.length() != 1
                    || !(branch.opt("type") instanceof String type)
                    || !(type.equals("integer") || type.equals("string"))) {
                return false;
            }
        }
        return true;
    }

    private static JSONObject asObject(Object value, String where) {
        if (value instanceof JSONObject object) {
            return object;
        }
        throw new IllegalArgumentException("'" + where + "' is not a schema object");
    }

    /** A copy of a schema without any {@code additionalProperties: false}: unknown fields allowed. */
    static JSONObject lenient(JSONObject schema) {
        JSONObject out = new JSONObject();
        for (String key : schema.keySet()) {
            Object value = schema.get(key);
            if (key.equals("additionalProperties") && Boolean.FALSE.equals(value)) {
                continue;
            }
            out.put(key, lenientValue(value));
        }
        return out;
    }

    private static Object lenientValue(Object value) {
        if (value instanceof JSONObject object) {
            return lenient(object);
        }
        if (value instanceof JSONArray array) {
            JSONArray out = new JSONArray();
            for (Object item : array) {
                out.put(lenientValue(item));
            }
            return out;
        }
        return value;
    }
}

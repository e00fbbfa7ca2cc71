package io.ascent.core.manifest.cel;

import io.ascent.core.manifest.listtype.ListTypeSchema;
import io.ascent.core.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * The rules beyond the structural schema of the CustomResourceDefinitions among the manifests, by
 * {@code group/version Kind}: the validation rules ({@code x-kubernetes-validations}) and the list types
 * ({@code x-kubernetes-list-type: set/map}, {@link ListTypeSchema}). Only versions whose schema has a rule or a
 * list type are kept. When two CRDs define the same kind and version, the first one wins (as for the structural
 * schemas). Immutable once built; {@link #add} is for building.
 */
public final class CustomResourceRules {
    private final Set<String> seen = new HashSet<>();
    /** {@code group/version Kind} of every version a CRD read defines, with a schema or not. */
    private final Set<String> defined = new HashSet<>();
    private final Map<String, RuleSchema> byKind = new LinkedHashMap<>();
    private final Map<String, ListTypeSchema> listTypes = new LinkedHashMap<>();

    /**
     * Reads the rules of {@code object} if it is a CustomResourceDefinition; ignores it otherwise.
     *
     * @param document the document holding it, for the rules' locations
     * @param pointer  pointer tokens from the document root to the object (empty, or {@code items/3} in a List)
     * @return the rules of the versions this CRD adds (empty when it has none, or another CRD came first)
     */
    public List<RuleSchema> add(YamlDocument document, List<String> pointer, JSONObject object) {
        List<RuleSchema> added = new ArrayList<>();
        addCrd(document, pointer, object, added);
        return added;
    }

    private void addCrd(YamlDocument document, List<String> prefix, JSONObject crd, List<RuleSchema> added) {
        if (!"CustomResourceDefinition".equals(crd.opt("kind"))
                || !(crd.opt("apiVersion") instanceof String apiVersion)
                || !apiVersion.startsWith("apiextensions.k8s.io/")
                || !(crd.opt("spec") instanceof JSONObject spec)
                || !(spec.opt("group") instanceof String group)
                || !(spec.opt("names") instanceof JSONObject names)
                || !(names.opt("kind") instanceof String kind)) {
            return; // the schema check reports a CRD it cannot use
        }
        String name = crd.opt("metadata") instanceof JSONObject metadata && metadata.opt("name") instanceof String n
                ? n : "?";
        JSONObject shared = spec.opt("validation") instanceof JSONObject validation
                && validation.opt("openAPIV3Schema") instanceof JSONObject schema ? schema : null;
        List<String> sharedAt = path(prefix, "spec", "validation", "openAPIV3Schema");
        if (spec.opt("versions") instanceof JSONArray versions && !versions.isEmpty()) {
            for (int i = 0; i < versions.length(); i++) {
                if (versions.opt(i) instanceof JSONObject version && version.opt("name") instanceof String v) {
                    defined.add(group + "/" + v + " " + kind);
                    JSONObject own = version.opt("schema") instanceof JSONObject s
                            && s.opt("openAPIV3Schema") instanceof JSONObject o ? o : null;
                    List<String> at = own != null
                            ? path(prefix, "spec", "versions", Integer.toString(i), "schema", "openAPIV3Schema")
                            : sharedAt;
                    put(group + "/" + v + " " + kind, own != null ? own : shared, document, at, name, added);
                }
            }
        } else if (spec.opt("version") instanceof String v) {
            defined.add(group + "/" + v + " " + kind);
            put(group + "/" + v + " " + kind, shared, document, sharedAt, name, added);
        }
    }

    private void put(String key, JSONObject schema, YamlDocument document, List<String> at, String crd,
            List<RuleSchema> added) {
        if (schema == null || !seen.add(key)) {
            return;
        }
        RuleSchema rules = RuleSchema.read(schema, document, at, crd);
        if (rules.hasRules()) {
            byKind.put(key, rules);
            added.add(rules);
        }
        ListTypeSchema lists = ListTypeSchema.read(schema);
        if (lists != null) {
            listTypes.put(key, lists);
        }
    }

    private static List<String> path(List<String> prefix, String... tokens) {
        List<String> out = new ArrayList<>(prefix);
        out.addAll(List.of(tokens));
        return out;
    }

    /** The rules of a custom resource's kind, if its CRD has any. */
    public Optional<RuleSchema> find(String apiVersion, String kind) {
        return Optional.ofNullable(byKind.get(apiVersion + " " + kind));
    }

    /** The {@code set} and {@code map} lists of a custom resource's kind, if its CRD marks any. */
    public Optional<ListTypeSchema> findListTypes(String apiVersion, String kind) {
        return Optional.ofNullable(listTypes.get(apiVersion + " " + kind));
    }

    /** Whether the kind's CRD has validation rules or list types. */
    public boolean judges(String apiVersion, String kind) {
        String key = apiVersion + " " + kind;
        return byKind.containsKey(key) || listTypes.containsKey(key);
    }

    /**
     * Whether a CRD among the manifests defines the kind at this version, with or without rules: then it, not a CRD
     * bundled with Ascent, says what the kind's objects must satisfy.
     */
    public boolean defines(String apiVersion, String kind) {
        return defined.contains(apiVersion + " " + kind);
    }

    public boolean isEmpty() {
        return byKind.isEmpty() && listTypes.isEmpty();
    }
}

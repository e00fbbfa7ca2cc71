package io.ascent.core.manifest;

import io.ascent.core.report.Location;
import io.ascent.core.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.json.JSONObject;

/**
 * One Kubernetes object read from a manifest file: a YAML or JSON document, or one entry of a {@code List}'s
 * {@code items}. Keeps the document it came from so that every finding can point at the node it concerns.
 *
 * @param document the document the object was read from
 * @param pointer  JSON pointer tokens from the document root to the object: empty, or {@code items/3} for a List
 *                 entry
 * @param json     the object itself
 * @param releaseNamespace where the object lands when it names no namespace, when its source decides that (the
 *                 namespace of a Helm release); empty for "the namespace the manifests are applied to"
 */
public record Resource(YamlDocument document, List<String> pointer, JSONObject json, String releaseNamespace) {

    /** The annotation that exempts a resource from checks: a comma-separated list of check ids. */
    public static final String EXEMPT_ANNOTATION = "ascent.dev/exempt";

    public Resource {
        pointer = List.copyOf(pointer);
        releaseNamespace = releaseNamespace == null ? "" : releaseNamespace;
    }

    /** An object of a plain manifest file: without a namespace it lands where the manifests are applied. */
    public Resource(YamlDocument document, List<String> pointer, JSONObject json) {
        this(document, pointer, json, "");
    }

    /** The same object, landing in {@code namespace} when it names none (a Helm release's namespace). */
    public Resource inRelease(String namespace) {
        return new Resource(document, pointer, json, namespace);
    }

    /** The {@code apiVersion} if it is a string, else {@code null}. */
    public String apiVersion() {
        return stringOrNull(json, "apiVersion");
    }

    /** The {@code kind} if it is a string, else {@code null}. */
    public String kind() {
        return stringOrNull(json, "kind");
    }

    /** {@code metadata.name}, else {@code metadata.generateName}, else {@code null}. */
    public String name() {
        JSONObject metadata = json.optJSONObject("metadata");
        if (metadata == null) {
            return null;
        }
        String name = stringOrNull(metadata, "name");
        return name != null ? name : stringOrNull(metadata, "generateName");
    }

    /** {@code metadata.namespace}, or the empty string for "the namespace the manifests are applied to". */
    public String namespace() {
        JSONObject metadata = json.optJSONObject("metadata");
        String namespace = metadata == null ? null : stringOrNull(metadata, "namespace");
        return namespace == null ? "" : namespace;
    }

    /**
     * The namespace the object lands in: {@code metadata.namespace}, else its release's namespace, else the empty
     * string for "the namespace the manifests are applied to". Checks that pair objects of one namespace (a Service
     * and its pods, a budget and its workload) compare this on both sides, so that both are defaulted alike.
     */
    public String landingNamespace() {
        String namespace = namespace();
        return namespace.isEmpty() ? releaseNamespace : namespace;
    }

    public String path() {
        return document.path();
    }

    /** Where the object starts. */
    public Location location() {
        return document.locationOf(document.nodeAt(pointer));
    }

    /**
     * Where a node inside the object is, given tokens relative to the object; the deepest existing ancestor when
     * the node is missing (a missing field is best shown at the mapping that lacks it).
     */
    public Location locationAt(List<String> tokens) {
        return document.locationOf(document.nodeAt(absolute(tokens)));
    }

    /** Tokens relative to the object turned into tokens from the document root. */
    public List<String> absolute(List<String> tokens) {
        if (pointer.isEmpty()) {
            return tokens;
        }
        List<String> all = new ArrayList<>(pointer.size() + tokens.size());
        all.addAll(pointer);
        all.addAll(tokens);
        return all;
    }

    /**
     * A document of a list kind ({@code List}, {@code ConfigMapList}) with no {@code items} key. kubectl reads a
     * document as a list only when it has {@code items} (null counts: an empty list); without, it is an object of
     * kind {@code List}, which no API serves. Checks leave it to {@code manifest.shape}, which says so once.
     */
    public boolean isListWithoutItems() {
        String kind = kind();
        return pointer.isEmpty() && kind != null && kind.endsWith("List") && !json.has("items");
    }

    /** {@code Deployment/web}: how messages and item keys name the object. */
    public String displayName() {
        String kind = kind();
        String name = name();
        return (kind == null ? "(no kind)" : kind) + "/" + (name == null ? "(no name)" : name);
    }

    /** The check ids listed in the {@value #EXEMPT_ANNOTATION} annotation. */
    public Set<String> exemptions() {
        JSONObject metadata = json.optJSONObject("metadata");
        JSONObject annotations = metadata == null ? null : metadata.optJSONObject("annotations");
        String value = annotations == null ? null : stringOrNull(annotations, EXEMPT_ANNOTATION);
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String id : value.split(",")) {
            if (!id.isBlank()) {
                ids.add(id.strip());
            }
        }
        return Collections.unmodifiableSet(ids);
    }

    /** What findings keep of the object, so that its document can be released once checked. */
    public ResourceRef ref() {
        return new ResourceRef(displayName(), landingNamespace(), path(), location(), exemptions());
    }

    private static String stringOrNull(JSONObject object, String key) {
        Object value = object.opt(key);
        return value instanceof String s ? s : null;
    }
}

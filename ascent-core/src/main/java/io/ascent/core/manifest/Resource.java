package io.ascent.core.manifest;

import io.ascent.core.report.Location;
import io.ascent.core.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.json.JSONArray;
import org.json.JSONObject;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * One Kubernetes object read from a manifest file: a YAML or JSON document, or one entry of a {@code List}'s
 * {@code items}. Keeps the document it came from so that every finding can point at the node it concerns.
 *
 * <p>What every run asks of every object (kind, apiVersion, name, namespace, exemptions) is read from the
 * document's node tree; the object as JSON values ({@link #json()}) is the document's copy, built the first time a
 * check asks for it (see {@link YamlDocument}). Thread-safe, as the document is.
 */
public final class Resource {

    /** The annotation that exempts a resource from checks: a comma-separated list of check ids. */
    public static final String EXEMPT_ANNOTATION = "ascent.dev/exempt";

    private final YamlDocument document;
    private final List<String> pointer;
    private final Node node;
    private final String releaseNamespace;
    private final String apiVersion; // read once: every check asks for both, some several times
    private final String kind;

    /**
     * @param document         the document the object was read from
     * @param pointer          JSON pointer tokens from the document root to the object: empty, or {@code items/3}
     *                         for a List entry
     * @param releaseNamespace where the object lands when it names no namespace, when its source decides that (the
     *                         namespace of a Helm release); empty for "the namespace the manifests are applied to"
     */
    public Resource(YamlDocument document, List<String> pointer, String releaseNamespace) {
        this.document = document;
        this.pointer = List.copyOf(pointer);
        this.node = document.nodeAt(this.pointer);
        this.releaseNamespace = releaseNamespace == null ? "" : releaseNamespace;
        this.apiVersion = stringOrNull(node, "apiVersion");
        this.kind = stringOrNull(node, "kind");
    }

    /** An object of a plain manifest file: without a namespace it lands where the manifests are applied. */
    public Resource(YamlDocument document, List<String> pointer) {
        this(document, pointer, "");
    }

    /** The same object, landing in {@code namespace} when it names none (a Helm release's namespace). */
    public Resource inRelease(String namespace) {
        return new Resource(document, pointer, namespace);
    }

    /** The document the object was read from. */
    public YamlDocument document() {
        return document;
    }

    /** JSON pointer tokens from the document root to the object: empty, or {@code items/3} for a List entry. */
    public List<String> pointer() {
        return pointer;
    }

    /** Where the object lands when it names no namespace, when its source decides that; else empty. */
    public String releaseNamespace() {
        return releaseNamespace;
    }

    /**
     * The object as JSON values (the document's copy, built on first use), or {@code null} when the pointer does
     * not lead to an object of the document (never for an object the loader made).
     */
    public JSONObject json() {
        Object value = document.json();
        for (String token : pointer) {
            if (value instanceof JSONObject object) {
                value = object.opt(token);
            } else if (value instanceof JSONArray array && isIndex(token)) {
                value = array.opt(Integer.parseInt(token));
            } else {
                return null;
            }
        }
        return value instanceof JSONObject object ? object : null;
    }

    /**
     * The mapping at {@code tokens} (keys from the object, such as {@code spec/template/metadata}), or {@code null}
     * when a step is missing or is not a mapping.
     */
    public JSONObject objectAt(List<String> tokens) {
        JSONObject current = json();
        for (String token : tokens) {
            current = current == null ? null : current.optJSONObject(token);
        }
        return current;
    }

    private static boolean isIndex(String token) {
        return !token.isEmpty() && token.length() < 10 && token.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The {@code apiVersion} if it is a string, else {@code null}. */
    public String apiVersion() {
        return apiVersion;
    }

    /** The {@code kind} if it is a string, else {@code null}. */
    public String kind() {
        return kind;
    }

    /** {@code metadata.name}, else {@code metadata.generateName}, else {@code null}. */
    public String name() {
        Node metadata = mapping(node, "metadata");
        if (metadata == null) {
            return null;
        }
        String name = stringOrNull(metadata, "name");
        return name != null ? name : stringOrNull(metadata, "generateName");
    }

    /** {@code metadata.namespace}, or the empty string for "the namespace the manifests are applied to". */
    public String namespace() {
        Node metadata = mapping(node, "metadata");
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
        return document.locationOf(node);
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
        return pointer.isEmpty() && kind != null && kind.endsWith("List")
                && YamlDocument.member(node, "items") == null;
    }

    /** {@code Deployment/web}: how messages and item keys name the object. */
    public String displayName() {
        return displayName(kind(), name());
    }

    /** {@link #displayName()} of an object of {@code kind} named {@code name}, either {@code null} if unknown. */
    public static String displayName(String kind, String name) {
        return (kind == null ? "(no kind)" : kind) + "/" + (name == null ? "(no name)" : name);
    }

    /** The check ids listed in the {@value #EXEMPT_ANNOTATION} annotation. */
    public Set<String> exemptions() {
        Node metadata = mapping(node, "metadata");
        Node annotations = metadata == null ? null : mapping(metadata, "annotations");
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

    /** The string a mapping holds at {@code key}, as {@code json().opt(key) instanceof String} would find it. */
    private String stringOrNull(Node mapping, String key) {
        return document.scalarValue(YamlDocument.member(mapping, key)) instanceof String s ? s : null;
    }

    /** The mapping a mapping holds at {@code key}, as {@code json().optJSONObject(key)} would find it. */
    private static Node mapping(Node mapping, String key) {
        return YamlDocument.member(mapping, key) instanceof MappingNode member ? member : null;
    }

    /** Equal when they are the same object of the same document, landing in the same namespace. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Resource resource && resource.document == document
                && resource.pointer.equals(pointer) && resource.releaseNamespace.equals(releaseNamespace);
    }

    @Override
    public int hashCode() {
        return Objects.hash(System.identityHashCode(document), pointer, releaseNamespace);
    }

    @Override
    public String toString() {
        return "Resource[" + displayName() + " at " + location() + "]";
    }
}

package io.ascent.core.manifest.podsecurity;

import java.util.ArrayList;
import java.util.List;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * A pod spec where it sits in its object, and the pod's annotations: what the rules read. Its containers are listed
 * once, on first use, since every rule walks them.
 */
public final class PodSpec {
    /** The three container lists, in the order the admission visits them. */
    private static final List<String> CONTAINER_FIELDS = List.of("initContainers", "containers",
            "ephemeralContainers");

    /** What a missing object reads as; never written to. */
    private static final JSONObject EMPTY = new JSONObject();

    private final JSONObject spec;
    private final List<String> specTokens;
    private final JSONObject annotations;
    private final List<String> annotationTokens;
    private List<PodContainer> containers;

    /**
     * @param spec             the pod spec
     * @param specTokens       tokens from the object to the pod spec
     * @param annotations      the pod's annotations ({@code metadata.annotations} of the pod or its template), or
     *                         an empty object
     * @param annotationTokens tokens from the object to those annotations
     */
    public PodSpec(JSONObject spec, List<String> specTokens, JSONObject annotations, List<String> annotationTokens) {
        this.spec = spec;
        this.specTokens = List.copyOf(specTokens);
        this.annotations = annotations;
        this.annotationTokens = List.copyOf(annotationTokens);
    }

    public JSONObject spec() {
        return spec;
    }

    public JSONObject annotations() {
        return annotations;
    }

    /** Every container: init containers, containers, then ephemeral containers. */
    public List<PodContainer> containers() {
        if (containers != null) {
            return containers;
        }
        List<PodContainer> all = new ArrayList<>();
        for (String field : CONTAINER_FIELDS) {
            JSONArray array = spec.optJSONArray(field);
            for (int i = 0; array != null && i < array.length(); i++) {
                JSONObject container = array.optJSONObject(i);
                if (container != null) {
                    all.add(new PodContainer(container.optString("name", ""), container,
                            at(field, String.valueOf(i))));
                }
            }
        }
        containers = List.copyOf(all);
        return containers;
    }

    /** The pod's security context, or an empty object. */
    public JSONObject securityContext() {
        return securityContextOf(spec);
    }

    /** Tokens from the object to a field under the pod spec. */
    public List<String> at(String... fields) {
        return append(specTokens, fields);
    }

    private static JSONObject securityContextOf(JSONObject owner) {
        JSONObject context = owner.optJSONObject("securityContext");
        return context == null ? EMPTY : context;
    }

    /** {@code tokens} followed by {@code fields}, in a new list. */
    static List<String> append(List<String> tokens, String... fields) {
        List<String> all = new ArrayList<>(tokens);
        all.addAll(List.of(fields));
        return all;
    }

    /** Tokens from the object to one annotation. */
    List<String> annotation(String key) {
        return append(annotationTokens, key);
    }

    /** {@code spec.os.name: windows}: the restricted rules that Windows cannot apply relax from 1.25. */
    boolean windows() {
        JSONObject os = spec.optJSONObject("os");
        return os != null && "windows".equals(os.opt("name"));
    }

    /** {@code hostUsers: false}: a pod in a user namespace, for which some rules relax from 1.35. */
    boolean ownUserNamespace() {
        return Boolean.FALSE.equals(spec.opt("hostUsers"));
    }

    /**
     * One container of the pod.
     *
     * @param name   its name, as the admission names it
     * @param json   the container
     * @param tokens tokens from the object to the container
     */
    public record PodContainer(String name, JSONObject json, List<String> tokens) {
        public PodContainer {
            tokens = List.copyOf(tokens);
        }

        /** The container's security context, or an empty object. */
        public JSONObject securityContext() {
            return securityContextOf(json);
        }

        /** Tokens from the object to a field of this container. */
        public List<String> at(String... fields) {
            return append(tokens, fields);
        }

        /** {@code container "web"}, as the admission writes it. */
        public String quoted() {
            return "container \"" + name + "\"";
        }
    }
}

package io.ascent.core.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * The pod a workload runs: where its spec sits inside the object, the spec, and the labels its pods get.
 *
 * @param specTokens tokens from the object to the pod spec ({@code spec/template/spec} for a Deployment)
 * @param spec       the pod spec
 * @param labels     the pod's labels (the template's {@code metadata.labels}), empty when none
 */
public record PodTemplate(List<String> specTokens, JSONObject spec, Map<String, Object> labels) {

    /** Where each workload kind keeps its pod spec. CronJob nests it one level deeper, in its job template. */
    private static final Map<String, List<String>> TEMPLATE_BY_KIND = Map.of(
            "Deployment", List.of("spec", "template"),
            "StatefulSet", List.of("spec", "template"),
            "DaemonSet", List.of("spec", "template"),
            "ReplicaSet", List.of("spec", "template"),
            "ReplicationController", List.of("spec", "template"),
            "Job", List.of("spec", "template"),
            "CronJob", List.of("spec", "jobTemplate", "spec", "template"));

    public PodTemplate {
        specTokens = List.copyOf(specTokens);
    }

    /** The pod of a workload or a bare Pod; empty for other kinds and for workloads without a pod spec. */
    public static Optional<PodTemplate> of(Resource resource) {
        String kind = resource.kind();
        if (kind == null) {
            return Optional.empty();
        }
        List<String> templateTokens = "Pod".equals(kind) ? List.of() : TEMPLATE_BY_KIND.get(kind);
        if (templateTokens == null) {
            return Optional.empty();
        }
        JSONObject template = resource.objectAt(templateTokens);
        JSONObject spec = template == null ? null : template.optJSONObject("spec");
        if (spec == null) {
            return Optional.empty();
        }
        JSONObject metadata = template.optJSONObject("metadata");
        JSONObject labels = metadata == null ? null : metadata.optJSONObject("labels");
        List<String> specTokens = new ArrayList<>(templateTokens);
        specTokens.add("spec");
        return Optional.of(new PodTemplate(specTokens, spec, labels == null ? Map.of() : labels.toMap()));
    }

    /** True for kinds whose pods run to completion, where probes and disruption budgets make no sense. */
    public static boolean runsToCompletion(Resource resource) {
        return "Job".equals(resource.kind()) || "CronJob".equals(resource.kind());
    }

    /** Init containers first, then containers, each with its tokens from the object. */
    public List<Container> allContainers() {
        List<Container> all = new ArrayList<>();
        addContainers("initContainers", true, all);
        addContainers("containers", false, all);
        return all;
    }

    /** The long-running containers only. */
    public List<Container> containers() {
        List<Container> all = new ArrayList<>();
        addContainers("containers", false, all);
        return all;
    }

    /** The pod-level security context, or an empty object. */
    public JSONObject securityContext() {
        JSONObject context = spec.optJSONObject("securityContext");
        return context == null ? new JSONObject() : context;
    }

    private void addContainers(String field, boolean init, List<Container> out) {
        JSONArray array = spec.optJSONArray(field);
        for (int i = 0; array != null && i < array.length(); i++) {
            JSONObject container = array.optJSONObject(i);
            if (container != null) {
                List<String> tokens = new ArrayList<>(specTokens);
                tokens.add(field);
                tokens.add(String.valueOf(i));
                out.add(new Container(container.optString("name", "#" + i), container, tokens, init));
            }
        }
    }

    /**
     * One container of a pod.
     *
     * @param name   its name ({@code #2} when it has none)
     * @param json   the container
     * @param tokens tokens from the object to the container
     * @param init   whether it is an init container
     */
    public record Container(String name, JSONObject json, List<String> tokens, boolean init) {

        public Container {
            tokens = List.copyOf(tokens);
        }

        /** Tokens from the object to a field of this container. */
        public List<String> tokensOf(String... fields) {
            List<String> all = new ArrayList<>(tokens);
            all.addAll(List.of(fields));
            return all;
        }

        /** The container's security context, or an empty object. */
        public JSONObject securityContext() {
            JSONObject context = json.optJSONObject("securityContext");
            return context == null ? new JSONObject() : context;
        }

        /** {@code containers/web} or {@code initContainers/setup}: the part of an item key naming the container. */
        public String keyPart() {
            return (init ? "initContainers/" : "containers/") + name;
        }

        /** {@code container 'web'} or {@code init container 'setup'}. */
        public String describe() {
            return (init ? "init container '" : "container '") + name + "'";
        }
    }
}

package io.ascent.core.manifest.check;

import io.ascent.core.manifest.Resource;
import io.ascent.core.manifest.ResourceRef;
import io.ascent.core.manifest.clusterclass.GoTemplate;
import io.ascent.core.manifest.clusterclass.TemplateException;
import io.ascent.core.report.Location;
import io.ascent.core.yaml.SafeYamlLoader;
import io.ascent.core.yaml.ScalarRules;
import io.ascent.core.yaml.YamlDocument;
import io.ascent.core.yaml.YamlInputException;
import io.ascent.core.yaml.YamlLimits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONObject;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The patches of one ClusterClass that write files into its kubeadm templates
 * ({@code spec.patches[].definitions[].jsonPatches[]}), read when the ClusterClass is inspected and evaluated later
 * for each Cluster built from the class, as ClusterAPI evaluates them: a literal {@code value}, a
 * {@code valueFrom.variable}, or a {@code valueFrom.template} rendered with the Cluster's variables and ClusterAPI's
 * builtin ones, the patch's {@code enabledIf} included. Patches that cannot touch a files list are not read.
 */
final class ClusterClassPatches {
    /** ClusterAPI reads the rendered patch with Go's YAML 1.1 rules, as kubectl reads manifests. */
    private static final SafeYamlLoader LOADER = new SafeYamlLoader(YamlLimits.MANIFEST, ScalarRules.KUBECTL);
    private static final Map<String, List<String>> FILES_IN = Map.of(
            "KubeadmControlPlaneTemplate", List.of("spec", "template", "spec", "kubeadmConfigSpec", "files"),
            "KubeadmConfigTemplate", List.of("spec", "template", "spec", "files"));

    /** What one patch writes, and how to evaluate it for a Cluster. */
    private record FilePatch(String name, String field, String enabledIf, Location enabledIfAt, String selectorKind,
            List<String> machineDeploymentClasses, List<String> machinePoolClasses, List<String> pathTokens,
            List<ApiReference> literal,
            String template, TextPlacement templateAt, String variable, Location at) {
    }

    /**
     * A patch that could not be evaluated for a Cluster, or what it writes.
     *
     * @param references what the patch writes, judged against {@code version}
     * @param unread     why the patch could not be evaluated, or {@code null}
     */
    record Evaluated(List<ApiReference> references, Finding unread) {
    }

    private final ResourceRef owner;
    private final String namespace;
    private final String name;
    private final String path;
    private final Map<String, JSONObject> variableSchemas = new HashMap<>();
    private final List<FilePatch> patches = new ArrayList<>();

    private ClusterClassPatches(Resource resource) {
        this.owner = resource.ref();
        this.namespace = resource.namespace();
        this.name = resource.name();
        this.path = resource.path();
    }

    /** Whether {@code resource} is a ClusterClass. */
    static boolean isClusterClass(Resource resource) {
        String apiVersion = resource.apiVersion();
        return "ClusterClass".equals(resource.kind()) && apiVersion != null
                && apiVersion.startsWith("cluster.x-k8s.io/");
    }

    /** The file-writing patches of a ClusterClass, or {@code null} when it has none. */
    static ClusterClassPatches read(Resource resource) {
        ClusterClassPatches read = new ClusterClassPatches(resource);
        JSONObject spec = resource.json().optJSONObject("spec");
        if (spec == null) {
            return null;
        }
        JSONArray variables = spec.optJSONArray("variables");
        for (int i = 0; variables != null && i < variables.length(); i++) {
            JSONObject variable = variables.optJSONObject(i);
            JSONObject schema = variable == null ? null : variable.optJSONObject("schema");
            JSONObject openApi = schema == null ? null : schema.optJSONObject("openAPIV3Schema");
            if (openApi != null && variable.opt("name") instanceof String variableName) {
                read.variableSchemas.put(variableName, openApi);
            }
        }
        JSONArray patches = spec.optJSONArray("patches");
        for (int p = 0; patches != null && p < patches.length(); p++) {
            JSONObject patch = patches.optJSONObject(p);
            JSONArray definitions = patch == null ? null : patch.optJSONArray("definitions");
            for (int d = 0; definitions != null && d < definitions.length(); d++) {
                JSONObject definition = definitions.optJSONObject(d);
                if (definition != null) {
                    read.definition(resource, patch, p, definition, d);
                }
            }
        }
        return read.patches.isEmpty() ? null : read;
    }

    private void definition(Resource resource, JSONObject patch, int p, JSONObject definition, int d) {
        JSONObject selector = definition.optJSONObject("selector");
        String kind = selector == null ? null : EmbeddedConfigurations.string(selector, "kind");
        List<String> files = kind == null ? null : FILES_IN.get(kind);
        JSONArray jsonPatches = definition.optJSONArray("jsonPatches");
        if (files == null || jsonPatches == null) {
            return;
        }
        JSONObject match = selector.optJSONObject("matchResources");
        List<String> mdClasses = classNames(match, "machineDeploymentClass");
        List<String> mpClasses = classNames(match, "machinePoolClass");
        if ("KubeadmControlPlaneTemplate".equals(kind) && (match == null || !match.optBoolean("controlPlane"))) {
            return; // the selector does not pick the control plane's template, so nothing reaches its nodes
        }
        String patchName = patch.optString("name", "#" + p);
        String enabledIf = EmbeddedConfigurations.string(patch, "enabledIf");
        Location enabledIfAt = resource.locationAt(List.of("spec", "patches", String.valueOf(p), "enabledIf"));
        for (int j = 0; j < jsonPatches.length(); j++) {
            JSONObject jsonPatch = jsonPatches.optJSONObject(j);
            if (jsonPatch == null || !(jsonPatch.opt("path") instanceof String pointer)
                    || !List.of("add", "replace").contains(jsonPatch.optString("op"))) {
                continue;
            }
            List<String> tokens = PatchedFiles.tokens(pointer);
            if (!PatchedFiles.touches(tokens, files)) {
                continue;
            }
            List<String> at = List.of("spec", "patches", String.valueOf(p), "definitions", String.valueOf(d),
                    "jsonPatches", String.valueOf(j));
            String field = "spec.patches[" + p + "].definitions[" + d + "].jsonPatches[" + j + "]";
            JSONObject valueFrom = jsonPatch.optJSONObject("valueFrom");
            if (jsonPatch.has("value")) {
                List<ApiReference> literal = new ArrayList<>();
                List<String> valueAt = append(at, "value");
                for (PatchedFiles.Written written : PatchedFiles.of(tokens, jsonPatch.get("value"), files)) {
                    Node content = resource.document().nodeAt(resource.absolute(concat(valueAt, written.tokens())));
                    literal.addAll(FileContent.references(written.content(), written.encoding(),
                            TextPlacement.of(resource.document(), content), path, key(patchName, written),
                            where(written, patchName, field + ".value", null)));
                }
                patches.add(new FilePatch(patchName, field, enabledIf, enabledIfAt, kind, mdClasses, mpClasses, tokens,
                        literal,
                        null, null, null, resource.locationAt(valueAt)));
            } else if (valueFrom != null && valueFrom.opt("template") instanceof String template) {
                List<String> templateAt = append(at, "valueFrom", "template");
                patches.add(new FilePatch(patchName, field + ".valueFrom.template", enabledIf, enabledIfAt, kind,
                        mdClasses, mpClasses, tokens, null, template, TextPlacement.of(resource.document(),
                                resource.document().nodeAt(resource.absolute(templateAt))), null,
                        resource.locationAt(templateAt)));
            } else if (valueFrom != null && valueFrom.opt("variable") instanceof String variable) {
                List<String> variableAt = append(at, "valueFrom", "variable");
                patches.add(new FilePatch(patchName, field + ".valueFrom.variable", enabledIf, enabledIfAt, kind,
                        mdClasses, mpClasses, tokens, null, null, null, variable, resource.locationAt(variableAt)));
            }
        }
    }

    ResourceRef owner() {
        return owner;
    }

    String namespace() {
        return namespace;
    }

    String name() {
        return name;
    }

    /**
     * What every patch writes for {@code cluster} (or, when {@code cluster} is {@code null}, for a Cluster of
     * {@code version} that sets no variables).
     *
     * @param version the version written, such as {@code v1.22.1}, for ClusterAPI's builtin variables
     */
    List<Evaluated> evaluate(ClusterApiTopology.TopologyCluster cluster, String version) {
        List<Evaluated> all = new ArrayList<>();
        String forCluster = cluster == null ? "" : " for " + cluster.displayName();
        for (FilePatch patch : patches) {
            List<Map.Entry<String, String>> workers = new ArrayList<>();
            if ("KubeadmConfigTemplate".equals(patch.selectorKind())) {
                // A worker template's patch reaches the nodes of the Cluster's machine deployments and machine pools
                // whose class the selector names; ClusterAPI evaluates it with their builtin variables.
                usedClass(patch.machineDeploymentClasses(), cluster == null ? null : cluster.machineDeployments())
                        .ifPresent(c -> workers.add(Map.entry("machineDeployment", c)));
                usedClass(patch.machinePoolClasses(), cluster == null ? null : cluster.machinePools())
                        .ifPresent(c -> workers.add(Map.entry("machinePool", c)));
            } else {
                workers.add(null);
            }
            for (Map.Entry<String, String> worker : workers) {
                evaluate(patch, cluster, data(cluster, version, worker), forCluster, all);
            }
        }
        return all;
    }

    private void evaluate(FilePatch patch, ClusterApiTopology.TopologyCluster cluster, Map<String, Object> data,
            String forCluster, List<Evaluated> all) {
        try {
            if (patch.enabledIf() != null
                    && !GoTemplate.parse(patch.enabledIf()).render(data).text().strip().equals("true")) {
                return;
            }
        } catch (TemplateException e) {
            all.add(unread(patch, patch.enabledIfAt(), "enabledIf", forCluster, e));
            return;
        }
        if (patch.literal() != null) {
            all.add(new Evaluated(patch.literal(), null));
        } else if (patch.variable() != null) {
            Object value = variable(data, patch.variable());
            List<ApiReference> found = new ArrayList<>();
            for (PatchedFiles.Written written : PatchedFiles.of(patch.pathTokens(), value,
                    FILES_IN.get(patch.selectorKind()))) {
                found.addAll(FileContent.references(written.content(), written.encoding(),
                        (line, column) -> patch.at(), path, key(patch.name(), written),
                        where(written, patch.name(), patch.field(), cluster)));
            }
            all.add(new Evaluated(found, null));
        } else {
            try {
                all.add(new Evaluated(rendered(patch, data, cluster), null));
            } catch (TemplateException e) {
                all.add(unread(patch, patch.at(), "valueFrom.template", forCluster, e));
            }
        }
    }

    private List<ApiReference> rendered(FilePatch patch, Map<String, Object> data,
            ClusterApiTopology.TopologyCluster cluster) throws TemplateException {
        GoTemplate.Rendered rendered = GoTemplate.parse(patch.template()).render(data);
        List<ApiReference> found = new ArrayList<>();
        List<YamlDocument> documents;
        try {
            documents = LOADER.parse(rendered.text(), path);
        } catch (YamlInputException e) {
            found.add(ApiReference.unreadable(patch.at(), "patches/" + patch.name(), "patch '" + patch.name() + "' ("
                    + patch.field() + ")" + (cluster == null ? "" : " for " + cluster.displayName()),
                    "rendered to text that is not valid YAML: " + e.getMessage()));
            return found;
        }
        if (documents.size() != 1) {
            return found;
        }
        YamlDocument document = documents.get(0);
        for (PatchedFiles.Written written : PatchedFiles.of(patch.pathTokens(), document.json(),
                FILES_IN.get(patch.selectorKind()))) {
            TextPlacement inRendered = TextPlacement.of(document, document.nodeAt(written.tokens()));
            TextPlacement inTemplate = (line, column) -> {
                Location r = inRendered.place(line, column);
                int source = rendered.sourceOf(offset(rendered.text(), r.line() - 1, Math.max(0, r.column() - 1)));
                int[] lineColumn = lineColumn(patch.template(), source);
                Location placed = patch.templateAt().place(lineColumn[0], lineColumn[1]);
                return r.column() == 0 ? new Location(placed.path(), placed.line(), 0) : placed;
            };
            found.addAll(FileContent.references(written.content(), written.encoding(), inTemplate, path,
                    key(patch.name(), written), where(written, patch.name(), patch.field(), cluster)));
        }
        return found;
    }

    private Evaluated unread(FilePatch patch, Location at, String what, String forCluster, TemplateException e) {
        return new Evaluated(List.of(), new Finding(owner, at, owner.displayName() + "/patches/" + patch.name(),
                owner.displayName() + ": the " + what + " of patch '" + patch.name() + "' (" + patch.field() + ")"
                        + forCluster + " cannot be evaluated: Ascent does not evaluate " + e.getMessage()
                        + "; the API versions of the files it writes are not checked", null, null));
    }

    /** The first class of {@code used} the selector names ({@code *} for any), or its first name without a Cluster. */
    private static java.util.Optional<String> usedClass(List<String> named, List<String> used) {
        if (used == null) {
            return named.stream().findFirst();
        }
        return used.stream().filter(c -> named.contains(c) || named.contains("*")).findFirst();
    }

    private static List<String> classNames(JSONObject match, String field) {
        JSONObject selector = match == null ? null : match.optJSONObject(field);
        JSONArray names = selector == null ? null : selector.optJSONArray("names");
        List<String> classes = new ArrayList<>();
        for (int i = 0; names != null && i < names.length(); i++) {
            classes.add(names.optString(i));
        }
        return classes;
    }

    /** ClusterAPI's builtin variables and the Cluster's own, defaulted from the class's schemas. */
    private Map<String, Object> data(ClusterApiTopology.TopologyCluster cluster, String version,
            Map.Entry<String, String> worker) {
        Map<String, Object> data = new HashMap<>();
        JSONObject topology = new JSONObject().put("version", version).put("class", name);
        JSONObject builtin = new JSONObject()
                .put("cluster", new JSONObject().put("name", cluster == null ? "" : cluster.name())
                        .put("namespace", cluster == null ? namespace : cluster.namespace()).put("topology", topology))
                .put("controlPlane", new JSONObject().put("version", version));
        if (worker != null) {
            builtin.put(worker.getKey(), new JSONObject().put("version", version).put("class", worker.getValue()));
        }
        Map<String, Object> written = cluster == null ? Map.of() : cluster.variables();
        for (Map.Entry<String, JSONObject> schema : variableSchemas.entrySet()) {
            Object value = written.containsKey(schema.getKey()) ? written.get(schema.getKey())
                    : schema.getValue().opt("default");
            if (value != null) {
                data.put(schema.getKey(), withDefaults(value, schema.getValue(), 0));
            }
        }
        written.forEach(data::putIfAbsent);
        data.put("builtin", builtin);
        return data;
    }

    /** Fills the properties an object leaves out with their schema defaults, as the API server's defaulting does. */
    private static Object withDefaults(Object value, JSONObject schema, int depth) {
        JSONObject properties = schema.optJSONObject("properties");
        if (!(value instanceof JSONObject object) || properties == null || depth > 20) {
            return value;
        }
        JSONObject filled = new JSONObject(object.toMap());
        for (String property : properties.keySet()) {
            JSONObject propertySchema = properties.optJSONObject(property);
            if (propertySchema == null) {
                continue;
            }
            if (!filled.has(property) && propertySchema.has("default")) {
                filled.put(property, propertySchema.get("default"));
            }
            if (filled.has(property)) {
                filled.put(property, withDefaults(filled.get(property), propertySchema, depth + 1));
            }
        }
        return filled;
    }

    private static Object variable(Map<String, Object> data, String dotted) {
        Object current = data;
        for (String part : dotted.split("\\.")) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(part);
            } else if (current instanceof JSONObject object) {
                current = object.opt(part);
            } else {
                return null;
            }
        }
        return current;
    }

    private static String key(String patchName, PatchedFiles.Written written) {
        return "patches/" + patchName + "/files" + (written.path().startsWith("/") ? "" : "/") + written.path();
    }

    private static String where(PatchedFiles.Written written, String patchName, String field,
            ClusterApiTopology.TopologyCluster cluster) {
        return "file " + written.path() + " written by patch '" + patchName + "' (" + field + ")"
                + (cluster == null ? "" : " for " + cluster.displayName());
    }

    private static int offset(String text, int line, int column) {
        int offset = 0;
        for (int l = 0; l < line && offset < text.length(); l++) {
            int next = text.indexOf('\n', offset);
            offset = next < 0 ? text.length() : next + 1;
        }
        return Math.min(text.length(), offset + column);
    }

    private static int[] lineColumn(String text, int offset) {
        int line = 0;
        int lineStart = 0;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, offset - lineStart};
    }

    private static List<String> append(List<String> tokens, String... more) {
        List<String> all = new ArrayList<>(tokens);
        all.addAll(List.of(more));
        return all;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}

package io.ascent.core.manifest.render;

import io.ascent.core.workspace.ConfinedFiles;
import io.ascent.core.yaml.SafeYamlLoader;
import io.ascent.core.yaml.YamlDocument;
import io.ascent.core.yaml.YamlInputException;
import io.ascent.core.yaml.YamlLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * What a kustomization file refers to, read without running Kustomize: the resources it builds on and the files
 * that are its own configuration (patches, replacements, generator inputs, transformer configurations), which are
 * not Kubernetes objects to check on their own.
 *
 * @param file       the kustomization file
 * @param component  whether it is a {@code kind: Component}
 * @param resources  local paths in {@code resources}, {@code bases} and {@code components}, as written
 * @param inputs     local paths of its configuration files, as written
 * @param remote     references Kustomize would fetch over the network (URLs, {@code github.com/...})
 * @param builds     whether it builds anything (resources, bases, components, generators, Helm charts); also when the
 *                   file could not be read, since Kustomize may read more than Ascent
 * @param transforms whether it changes what it builds (any field besides {@code apiVersion}, {@code kind},
 *                   {@code metadata} and {@code resources}: names, labels, namespaces, patches, generators); also
 *                   when the file could not be read
 */
public record Kustomization(Path file, boolean component, List<String> resources, List<String> inputs,
        List<String> remote, boolean builds, boolean transforms) {

    /** The fields of a kustomization that only list what it builds, changing none of it. */
    private static final Set<String> LISTING_ONLY = Set.of("apiVersion", "kind", "metadata", "resources");
    /** The fields that make it build something. */
    private static final List<String> BUILDING = List.of("resources", "bases", "components", "configMapGenerator",
            "secretGenerator", "generators", "helmCharts");

    /** The names Kustomize looks for in a folder, in its order. */
    public static final List<String> FILE_NAMES = List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

    public Kustomization {
        resources = List.copyOf(resources);
        inputs = List.copyOf(inputs);
        remote = List.copyOf(remote);
    }

    /** Whether a file name is one Kustomize reads as a kustomization. */
    public static boolean isKustomizationName(String name) {
        return FILE_NAMES.contains(name);
    }

    /**
     * Reads {@code file}; a file that is not a readable mapping gives empty lists (rendering it reports why).
     */
    public static Kustomization read(ConfinedFiles files, Path file) {
        JSONObject json;
        boolean readable;
        try {
            YamlDocument document = new SafeYamlLoader(YamlLimits.MANIFEST).loadSingle(files, file, file.toString());
            readable = document.json() instanceof JSONObject;
            json = readable ? (JSONObject) document.json() : new JSONObject();
        } catch (YamlInputException | RuntimeException e) {
            readable = false;
            json = new JSONObject();
        }
        List<String> resources = new ArrayList<>();
        List<String> inputs = new ArrayList<>();
        List<String> remote = new ArrayList<>();
        for (String key : List.of("resources", "bases", "components")) {
            strings(json.optJSONArray(key)).forEach(path -> (isRemote(path) ? remote : resources).add(path));
        }
        // patchesStrategicMerge entries are file paths or inline patches (which hold a newline or a colon-space).
        strings(json.optJSONArray("patchesStrategicMerge")).stream()
                .filter(p -> !p.contains("\n") && !p.contains(": ")).forEach(inputs::add);
        for (String key : List.of("patches", "patchesJson6902", "replacements")) {
            objects(json.optJSONArray(key)).forEach(o -> Optional.ofNullable(o.optString("path", null))
                    .ifPresent(inputs::add));
        }
        for (String key : List.of("configMapGenerator", "secretGenerator")) {
            for (JSONObject generator : objects(json.optJSONArray(key))) {
                strings(generator.optJSONArray("files")).forEach(f -> inputs.add(f.substring(f.indexOf('=') + 1)));
                strings(generator.optJSONArray("envs")).forEach(inputs::add);
                Optional.ofNullable(generator.optString("env", null)).ifPresent(inputs::add);
            }
        }
        for (String key : List.of("configurations", "transformers", "generators", "validators")) {
            strings(json.optJSONArray(key)).forEach(path -> (isRemote(path) ? remote : inputs).add(path));
        }
        JSONObject openapi = json.optJSONObject("openapi");
        if (openapi != null && openapi.opt("path") instanceof String path) {
            inputs.add(path); // not optString: 'path: 1' read as "1" there and then failed getString
        }
        JSONObject read = json;
        boolean builds = !readable || BUILDING.stream().anyMatch(key -> read.optJSONArray(key) != null
                && !read.getJSONArray(key).isEmpty());
        boolean transforms = !readable || !LISTING_ONLY.containsAll(json.keySet());
        return new Kustomization(file, "Component".equals(json.optString("kind")), resources, inputs, remote, builds,
                transforms);
    }

    /** Kustomize fetches a resource over the network when it is a URL or a Git host path. */
    static boolean isRemote(String path) {
        return path.contains("://") || path.startsWith("git@") || path.startsWith("github.com/")
                || path.startsWith("gitlab.com/") || path.startsWith("bitbucket.org/");
    }

    private static List<String> strings(JSONArray array) {
        List<String> out = new ArrayList<>();
        for (int i = 0; array != null && i < array.length(); i++) {
            if (array.opt(i) instanceof String s && !s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    private static List<JSONObject> objects(JSONArray array) {
        List<JSONObject> out = new ArrayList<>();
        for (int i = 0; array != null && i < array.length(); i++) {
            if (array.opt(i) instanceof JSONObject o) {
                out.add(o);
            }
        }
        return out;
    }
}

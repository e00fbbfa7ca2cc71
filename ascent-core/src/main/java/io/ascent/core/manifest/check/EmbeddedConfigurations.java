package io.ascent.core.manifest.check;

import io.ascent.core.manifest.Resource;
import io.ascent.core.report.Location;
import io.ascent.core.yaml.SafeYamlLoader;
import io.ascent.core.yaml.ScalarRules;
import io.ascent.core.yaml.YamlDocument;
import io.ascent.core.yaml.YamlInputException;
import io.ascent.core.yaml.YamlLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.json.JSONArray;
import org.json.JSONObject;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Finds the configuration objects other objects carry, whose apiVersion a component checks only when it
 * starts: an AdmissionConfiguration's {@code plugins[].configuration} (the PodSecurityConfiguration that broke
 * 1.22 nodes), and a kind cluster's kubeadm patches, cluster-wide and per node, as YAML strings
 * ({@code kubeadmConfigPatches}) or as JSON 6902 targets ({@code kubeadmConfigPatchesJSON6902}).
 */
final class EmbeddedConfigurations {
    /** kind and kubeadm read the patches with Go's YAML 1.1 rules, as kubectl reads manifests. */
    private static final SafeYamlLoader PATCH_LOADER = new SafeYamlLoader(YamlLimits.MANIFEST, ScalarRules.KUBECTL);

    private EmbeddedConfigurations() {
    }

    /**
     * The references inside {@code resource}. A kubeadm patch that is not valid YAML is returned as a reference
     * with a {@code null} apiVersion and the parser's message in {@code where}.
     */
    static List<ApiReference> of(Resource resource) {
        String apiVersion = resource.apiVersion();
        String kind = resource.kind();
        List<ApiReference> found = new ArrayList<>();
        if ("AdmissionConfiguration".equals(kind)) {
            admissionPlugins(resource, found);
        } else if ("Cluster".equals(kind) && apiVersion != null && apiVersion.startsWith("kind.x-k8s.io/")) {
            kindPatches(resource, resource.json(), List.of(), "", found);
            JSONArray nodes = resource.json().optJSONArray("nodes");
            for (int i = 0; nodes != null && i < nodes.length(); i++) {
                JSONObject node = nodes.optJSONObject(i);
                if (node != null) {
                    kindPatches(resource, node, List.of("nodes", String.valueOf(i)), "nodes[" + i + "].", found);
                }
            }
        }
        return found;
    }

    private static void admissionPlugins(Resource resource, List<ApiReference> found) {
        admissionPlugins(resource.json(), resource::locationAt, "", "", found);
    }

    /**
     * The plugin configurations of an AdmissionConfiguration, wherever it is written.
     *
     * @param locate      where a node of the configuration is, given tokens from its root
     * @param keyPrefix   what comes before {@code plugins/NAME} in the reference's key part
     * @param whereSuffix what follows the plugin's description ({@code in file ...}), or the empty string
     */
    static void admissionPlugins(JSONObject admission, Function<List<String>, Location> locate, String keyPrefix,
            String whereSuffix, List<ApiReference> found) {
        JSONArray plugins = admission.optJSONArray("plugins");
        for (int i = 0; plugins != null && i < plugins.length(); i++) {
            JSONObject plugin = plugins.optJSONObject(i);
            JSONObject configuration = plugin == null ? null : plugin.optJSONObject("configuration");
            if (configuration == null) {
                continue;
            }
            String name = plugin.optString("name", "#" + i);
            List<String> tokens = List.of("plugins", String.valueOf(i), "configuration", "apiVersion");
            found.add(new ApiReference(string(configuration, "apiVersion"), string(configuration, "kind"),
                    locate.apply(tokens), keyPrefix + "plugins/" + name,
                    "the configuration of admission plugin '" + name + "' (plugins[" + i + "].configuration)"
                            + whereSuffix));
        }
    }

    private static void kindPatches(Resource resource, JSONObject owner, List<String> ownerTokens, String prefix,
            List<ApiReference> found) {
        JSONArray patches = owner.optJSONArray("kubeadmConfigPatches");
        for (int i = 0; patches != null && i < patches.length(); i++) {
            if (!(patches.get(i) instanceof String text)) {
                continue;
            }
            List<String> tokens = append(ownerTokens, "kubeadmConfigPatches", String.valueOf(i));
            String name = prefix + "kubeadmConfigPatches[" + i + "]";
            Node patchNode = resource.document().nodeAt(resource.absolute(tokens));
            TextPlacement placement = TextPlacement.of(resource.document(), patchNode);
            String key = name.replace('[', '/').replace("]", "");
            try {
                for (YamlDocument patch : PATCH_LOADER.parse(text, resource.path())) {
                    if (patch.json() instanceof JSONObject object && object.has("apiVersion")
                            && !(object.opt("apiVersion") instanceof String)) {
                        Node versionNode = patch.nodeAt(List.of("apiVersion"));
                        found.add(ApiReference.unreadable(placement.place(versionNode.getStartMark().getLine(),
                                versionNode.getStartMark().getColumn()), key, "kubeadm patch " + name,
                                notAString(object.opt("apiVersion"))));
                    } else if (patch.json() instanceof JSONObject object && object.opt("apiVersion") instanceof String) {
                        Node versionNode = patch.nodeAt(List.of("apiVersion"));
                        found.add(new ApiReference(string(object, "apiVersion"), string(object, "kind"),
                                placement.place(versionNode.getStartMark().getLine(),
                                        versionNode.getStartMark().getColumn()), key,
                                "kubeadm patch " + name + " (line " + (versionNode.getStartMark().getLine() + 1)
                                        + " of the patch)"));
                    }
                }
            } catch (YamlInputException e) {
                found.add(ApiReference.unreadable(placement.place(Math.max(0, e.location().line() - 1),
                        Math.max(0, e.location().column() - 1)), key, "kubeadm patch " + name,
                        "not valid YAML: line " + e.location().line() + " of the patch: " + e.getMessage()));
            }
        }
        JSONArray json6902 = owner.optJSONArray("kubeadmConfigPatchesJSON6902");
        for (int i = 0; json6902 != null && i < json6902.length(); i++) {
            JSONObject target = json6902.optJSONObject(i);
            if (target == null || !(target.opt("version") instanceof String version)) {
                continue;
            }
            String group = target.optString("group", "kubeadm.k8s.io");
            String name = prefix + "kubeadmConfigPatchesJSON6902[" + i + "]";
            found.add(new ApiReference(group.isEmpty() ? version : group + "/" + version, string(target, "kind"),
                    resource.locationAt(append(ownerTokens, "kubeadmConfigPatchesJSON6902", String.valueOf(i),
                            "version")),
                    name.replace('[', '/').replace("]", ""), "kubeadm JSON patch " + name));
        }
    }

    private static List<String> append(List<String> tokens, String... more) {
        List<String> all = new ArrayList<>(tokens);
        all.addAll(List.of(more));
        return all;
    }

    /**
     * Why an embedded apiVersion that is not a string cannot be judged. The component reading the text reads it
     * with YAML 1.1 rules, so {@code apiVersion: on} is the boolean true there, and it refuses the file.
     */
    static String notAString(Object apiVersion) {
        String what = apiVersion instanceof Boolean ? "the boolean " + apiVersion
                + " (the component reading it uses YAML 1.1 rules, where yes/no/on/off/y/n are booleans)"
                : apiVersion instanceof Number ? "the number " + apiVersion : "not a string";
        return "refused by the component reading it: its apiVersion is " + what + "; write the API version in quotes";
    }

    static String string(JSONObject object, String key) {
        return object.opt(key) instanceof String s ? s : null;
    }
}

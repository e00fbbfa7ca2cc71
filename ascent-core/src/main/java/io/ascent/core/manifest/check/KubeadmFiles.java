package io.ascent.core.manifest.check;

import io.ascent.core.manifest.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * The files ClusterAPI's kubeadm bootstrap writes on its nodes before kubeadm runs ({@code files[]} of a
 * KubeadmConfigSpec), where each of the four kinds that carry one keeps it. Their content is where an
 * AdmissionConfiguration, a kubelet or kube-proxy configuration, an audit policy or an encryption configuration for
 * the nodes usually lives.
 */
final class KubeadmFiles {
    private static final Map<String, List<String>> FILES_AT = Map.of(
            "KubeadmControlPlane", List.of("spec", "kubeadmConfigSpec", "files"),
            "KubeadmControlPlaneTemplate", List.of("spec", "template", "spec", "kubeadmConfigSpec", "files"),
            "KubeadmConfig", List.of("spec", "files"),
            "KubeadmConfigTemplate", List.of("spec", "template", "spec", "files"));

    private KubeadmFiles() {
    }

    /** Whether {@code resource} is a ClusterAPI kubeadm object that carries files. */
    static boolean carriesFiles(Resource resource) {
        String apiVersion = resource.apiVersion();
        String kind = resource.kind();
        return apiVersion != null && kind != null && FILES_AT.containsKey(kind)
                && (apiVersion.startsWith("controlplane.cluster.x-k8s.io/")
                        || apiVersion.startsWith("bootstrap.cluster.x-k8s.io/"));
    }

    /**
     * The references in the files of {@code resource}; a file whose content comes from a Secret
     * ({@code contentFrom}) goes to {@code unread} with its reason.
     */
    static List<ApiReference> read(Resource resource, List<Finding> unread) {
        List<String> at = FILES_AT.get(resource.kind());
        JSONArray files = arrayAt(resource.json(), at);
        List<ApiReference> found = new ArrayList<>();
        String field = String.join(".", at);
        for (int i = 0; files != null && i < files.length(); i++) {
            JSONObject file = files.optJSONObject(i);
            if (file == null) {
                continue;
            }
            String path = file.opt("path") instanceof String p ? p : "#" + i;
            String key = "files" + (path.startsWith("/") ? "" : "/") + path;
            List<String> tokens = new ArrayList<>(at);
            tokens.add(String.valueOf(i));
            if (file.opt("content") instanceof String content) {
                tokens.add("content");
                TextPlacement placement = TextPlacement.of(resource.document(),
                        resource.document().nodeAt(resource.absolute(tokens)));
                found.addAll(FileContent.references(content, EmbeddedConfigurations.string(file, "encoding"),
                        placement, resource.path(), key,
                        "file " + path + " (" + field + "[" + i + "].content)"));
            } else if (file.optJSONObject("contentFrom") != null) {
                tokens.add("contentFrom");
                unread.add(new Finding(resource.ref(), resource.locationAt(tokens), resource.displayName() + "/" + key,
                        resource.displayName() + ": file " + path + " (" + field + "[" + i + "]) takes its content "
                                + "from " + secretOf(file.optJSONObject("contentFrom")) + ", which Ascent cannot read;"
                                + " its API versions are not checked", null, null));
            }
        }
        return found;
    }

    private static String secretOf(JSONObject contentFrom) {
        JSONObject secret = contentFrom.optJSONObject("secret");
        if (secret == null) {
            return "a source outside the manifests (contentFrom)";
        }
        return "Secret " + secret.optString("name", "(no name)") + " key " + secret.optString("key", "(no key)")
                + " (contentFrom)";
    }

    static JSONArray arrayAt(JSONObject root, List<String> tokens) {
        JSONObject current = root;
        for (int i = 0; i < tokens.size() - 1 && current != null; i++) {
            current = current.optJSONObject(tokens.get(i));
        }
        return current == null ? null : current.optJSONArray(tokens.get(tokens.size() - 1));
    }
}

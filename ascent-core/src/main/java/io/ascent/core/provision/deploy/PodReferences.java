package io.ascent.core.provision.deploy;

import io.ascent.core.manifest.PodTemplate;
import io.ascent.core.manifest.Resource;
import io.ascent.core.provision.ProvisionRule;
import io.ascent.core.report.Item;
import io.ascent.core.report.Status;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * What the run's pods refer to by name in their namespace, checked against what the run creates, before any cluster
 * exists. A run deploys into a fresh namespace (or a fresh kind cluster), where nothing but the namespace's
 * {@code default} ServiceAccount and {@code kube-root-ca.crt} ConfigMap exists before the run applies its manifests:
 * <ul>
 *   <li>a {@code serviceAccountName} the manifests do not create is refused by the API server for every pod, so it is
 *       a failure now, at its line, instead of a refusal after the cluster was made;</li>
 *   <li>a ConfigMap or Secret a container reads (a volume, {@code env}, {@code envFrom}) that the manifests do not
 *       create, and that is not {@code optional}, stops the container with {@code CreateContainerConfigError} unless
 *       something in the cluster makes it (an operator, cert-manager): a warning, at its line.</li>
 * </ul>
 */
public final class PodReferences {

    /** What every namespace holds before anything is applied to it. */
    private static final Set<String> ALWAYS_SERVICE_ACCOUNTS = Set.of("default");
    private static final Set<String> ALWAYS_CONFIG_MAPS = Set.of("kube-root-ca.crt");

    private PodReferences() {
    }

    /**
     * The items for what {@code resources} refer to and do not create; objects that name no namespace go to
     * {@code runNamespace}. Empty when every reference is met.
     */
    public static List<Item> check(List<Resource> resources, String runNamespace) {
        Set<String> created = new HashSet<>();
        for (Resource resource : resources) {
            created.add(key(resource.kind(), namespace(resource, runNamespace), resource.name()));
        }
        List<Item> items = new ArrayList<>();
        for (Resource resource : resources) {
            PodTemplate.of(resource).ifPresent(pod -> check(resource, pod, namespace(resource, runNamespace),
                    created, items));
        }
        return items;
    }

    private static void check(Resource resource, PodTemplate pod, String namespace, Set<String> created,
            List<Item> items) {
        JSONObject spec = pod.spec();
        String field = spec.has("serviceAccountName") ? "serviceAccountName" : "serviceAccount";
        String account = spec.optString(field, "");
        if (!account.isEmpty() && !ALWAYS_SERVICE_ACCOUNTS.contains(account)
                && !created.contains(key("ServiceAccount", namespace, account))) {
            items.add(ProvisionRule.REFERENCES.item().status(Status.FAIL)
                    .message(resource.displayName() + ": its pods run as ServiceAccount '" + account + "', which the "
                            + "manifests do not create; the API server refuses every pod in the run's fresh namespace")
                    .location(resource.locationAt(tokens(pod.specTokens(), field)))
                    .key(resource.displayName() + "/serviceaccount/" + account)
                    .remediation("add a ServiceAccount named " + account + " to the manifests, or remove " + field)
                    .build());
        }
        JSONArray volumes = spec.optJSONArray("volumes");
        for (int i = 0; volumes != null && i < volumes.length(); i++) {
            JSONObject volume = volumes.optJSONObject(i);
            if (volume == null) {
                continue;
            }
            List<String> at = tokens(pod.specTokens(), "volumes", String.valueOf(i));
            reference(volume.optJSONObject("configMap"), "name", "ConfigMap", resource, at, "configMap", namespace,
                    created, items);
            reference(volume.optJSONObject("secret"), "secretName", "Secret", resource, at, "secret", namespace,
                    created, items);
        }
        for (PodTemplate.Container container : pod.allContainers()) {
            JSONArray env = container.json().optJSONArray("env");
            for (int i = 0; env != null && i < env.length(); i++) {
                JSONObject from = env.optJSONObject(i) == null ? null : env.optJSONObject(i).optJSONObject("valueFrom");
                if (from != null) {
                    List<String> at = container.tokensOf("env", String.valueOf(i), "valueFrom");
                    reference(from.optJSONObject("configMapKeyRef"), "name", "ConfigMap", resource, at,
                            "configMapKeyRef", namespace, created, items);
                    reference(from.optJSONObject("secretKeyRef"), "name", "Secret", resource, at, "secretKeyRef",
                            namespace, created, items);
                }
            }
            JSONArray envFrom = container.json().optJSONArray("envFrom");
            for (int i = 0; envFrom != null && i < envFrom.length(); i++) {
                JSONObject source = envFrom.optJSONObject(i);
                if (source != null) {
                    List<String> at = container.tokensOf("envFrom", String.valueOf(i));
                    reference(source.optJSONObject("configMapRef"), "name", "ConfigMap", resource, at,
                            "configMapRef", namespace, created, items);
                    reference(source.optJSONObject("secretRef"), "name", "Secret", resource, at, "secretRef",
                            namespace, created, items);
                }
            }
        }
    }

    /** A warning when {@code ref} (not optional) names a {@code kind} the manifests do not create. */
    private static void reference(JSONObject ref, String nameField, String kind, Resource resource,
            List<String> parent, String field, String namespace, Set<String> created, List<Item> items) {
        if (ref == null || ref.optBoolean("optional", false)) {
            return;
        }
        String name = ref.optString(nameField, "");
        if (name.isEmpty() || ("ConfigMap".equals(kind) && ALWAYS_CONFIG_MAPS.contains(name))
                || created.contains(key(kind, namespace, name))) {
            return;
        }
        List<String> at = new ArrayList<>(parent);
        at.add(field);
        at.add(nameField);
        items.add(ProvisionRule.REFERENCES.item().status(Status.WARN)
                .message(resource.displayName() + ": its pods read " + kind + " '" + name + "', which the manifests do "
                        + "not create; unless something in the cluster makes it, the container stops with "
                        + "CreateContainerConfigError")
                .location(resource.locationAt(at))
                .key(resource.displayName() + "/" + kind.toLowerCase(java.util.Locale.ROOT) + "/" + name)
                .remediation("add " + kind + " " + name + " to the manifests, or mark the reference optional: true")
                .build());
    }

    private static String namespace(Resource resource, String runNamespace) {
        return resource.namespace().isEmpty() ? runNamespace : resource.namespace();
    }

    private static String key(String kind, String namespace, String name) {
        return kind + "/" + namespace + "/" + name;
    }

    private static List<String> tokens(List<String> prefix, String... more) {
        List<String> all = new ArrayList<>(prefix);
        all.addAll(List.of(more));
        return all;
    }
}

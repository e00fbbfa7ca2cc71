package io.ascent.core.provision.kube;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * Maps {@code apiVersion} and {@code kind} to the URL the server serves them at, from the server's own discovery
 * documents ({@code /api/v1}, {@code /apis/GROUP/VERSION}), one request per group version, cached. A group version
 * a CRD of this run adds is looked up again after {@link #forget}.
 */
public final class ApiDiscovery {

    private final KubeConnection connection;
    private final Map<String, Map<String, ResourceType>> byGroupVersion = new ConcurrentHashMap<>();

    public ApiDiscovery(KubeConnection connection) {
        this.connection = connection;
    }

    /**
     * The resource serving {@code kind} in {@code apiVersion}, or empty when the server does not serve it.
     *
     * @throws KubeException when discovery itself fails (not for a group the server does not know)
     */
    public Optional<ResourceType> resolve(String apiVersion, String kind) throws KubeException, InterruptedException {
        Map<String, ResourceType> kinds = byGroupVersion.get(apiVersion);
        if (kinds == null) {
            kinds = fetch(apiVersion);
            byGroupVersion.put(apiVersion, kinds);
        }
        return Optional.ofNullable(kinds.get(kind));
    }

    /** Drops what is known of {@code apiVersion}, so that the next lookup asks the server again. */
    public void forget(String apiVersion) {
        byGroupVersion.remove(apiVersion);
    }

    private Map<String, ResourceType> fetch(String apiVersion) throws KubeException, InterruptedException {
        String path = apiVersion.contains("/") ? "/apis/" + apiVersion : "/api/" + apiVersion;
        JSONObject list;
        try {
            list = connection.get(path);
        } catch (KubeException e) {
            if (e.code() == 404) {
                return Map.of();
            }
            throw e;
        }
        Map<String, ResourceType> kinds = new ConcurrentHashMap<>();
        JSONArray resources = list.optJSONArray("resources");
        for (int i = 0; resources != null && i < resources.length(); i++) {
            JSONObject resource = resources.optJSONObject(i);
            if (resource == null) {
                continue;
            }
            String name = resource.optString("name");
            if (name.isEmpty() || name.contains("/")) {
                continue; // subresources such as deployments/status
            }
            kinds.putIfAbsent(resource.optString("kind"),
                    new ResourceType(apiVersion, resource.optString("kind"), name, resource.optBoolean("namespaced")));
        }
        return kinds;
    }
}

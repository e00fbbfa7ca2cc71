package io.ascent.core.provision;

import io.ascent.core.provision.kube.KubeConnection;
import io.ascent.core.provision.kube.KubeException;
import org.json.JSONArray;
import org.json.JSONObject;

/**
 * Asks the API server whether a namespace's PodSecurity labels are enforced, with a server-side dry run (nothing is
 * created) of a pod every level but {@code privileged} refuses: a privileged container. A label alone proves
 * nothing: an API server older than 1.23, or one started without the PodSecurity admission plugin, ignores it, and a
 * run would then pass an application its production namespace refuses.
 */
public final class PodSecurityProbe {

    /** What the dry run showed. */
    public enum Outcome { ENFORCED, NOT_ENFORCED, UNKNOWN }

    /**
     * The dry run's outcome and the server's words.
     *
     * @param outcome whether the level is enforced
     * @param detail  the server's message when it could not say (a refusal for another reason)
     */
    public record Answer(Outcome outcome, String detail) {
    }

    private PodSecurityProbe() {
    }

    /** Probes {@code namespace}, which is labelled to enforce {@code level}. */
    public static Answer probe(KubeConnection connection, String namespace, String level) throws InterruptedException {
        if ("privileged".equals(level)) {
            return new Answer(Outcome.ENFORCED, "the privileged level allows every pod");
        }
        JSONObject pod = new JSONObject().put("apiVersion", "v1").put("kind", "Pod")
                .put("metadata", new JSONObject().put("name", "ascent-podsecurity-probe"))
                .put("spec", new JSONObject().put("containers", new JSONArray().put(new JSONObject()
                        .put("name", "probe").put("image", "registry.invalid/ascent-podsecurity-probe:1")
                        .put("securityContext", new JSONObject().put("privileged", true)))));
        try {
            connection.post("/api/v1/namespaces/" + namespace + "/pods?dryRun=All", pod);
            return new Answer(Outcome.NOT_ENFORCED, "a privileged pod was admitted");
        } catch (KubeException e) {
            if (e.code() == 403 && e.serverMessage().contains("violates PodSecurity")) {
                return new Answer(Outcome.ENFORCED, e.serverMessage());
            }
            return new Answer(Outcome.UNKNOWN, e.serverMessage());
        }
    }
}

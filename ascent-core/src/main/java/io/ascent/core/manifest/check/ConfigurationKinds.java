package io.ascent.core.manifest.check;

import io.ascent.core.manifest.api.ApiLifecycle;
import io.ascent.core.manifest.api.ApiLifecycleTable;
import java.util.List;

/**
 * Tells configuration files (AdmissionConfiguration, PodSecurityConfiguration, kubeadm's and kind's configs,
 * kubelet and scheduler configs) from objects the API server stores: a configuration file has no
 * {@code metadata.name} and is read by a component, which the API table records per row.
 */
final class ConfigurationKinds {
    private static final String API_SERVER = "kube-apiserver";

    private final ApiLifecycleTable table;

    ConfigurationKinds(ApiLifecycleTable table) {
        this.table = table;
    }

    /** True when every version of this group and kind the table knows is read by a component, not served. */
    boolean isConfiguration(String apiVersion, String kind) {
        if (apiVersion == null || kind == null) {
            return false;
        }
        int slash = apiVersion.indexOf('/');
        List<ApiLifecycle> rows = table.versionsOf(slash < 0 ? "" : apiVersion.substring(0, slash), kind);
        for (int i = 0; i < rows.size(); i++) { // asked for every object: no stream or iterator
            if (API_SERVER.equals(rows.get(i).component())) {
                return false;
            }
        }
        return !rows.isEmpty();
    }
}

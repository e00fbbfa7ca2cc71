package io.ascent.core.checklist;

import io.ascent.core.report.Severity;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checklist's {@code kubernetes} section.
 *
 * @param version         the target Kubernetes version as written ({@code 1.31}, {@code 1.31.2}), or several
 *                        ({@code 1.29..1.33}, {@code 1.29, 1.31}), if any
 * @param manifests       manifest files, folders or globs
 * @param schemaLocations kubeconform-style schema locations ({@code default} is the bundled set)
 * @param strict          whether unknown fields in resources are errors
 * @param checks          per-check overrides keyed by check id
 * @param clusterApiVersion the ClusterAPI release the manifests' ClusterAPI objects are for
 *                        ({@code kubernetes.clusterApi.version}), if any
 * @param exclude         globs of files the manifest paths must not read ({@code kubernetes.exclude})
 * @param render          Kustomize and Helm sources to render and check ({@code kubernetes.render}), in order
 */
public record KubernetesSettings(
        Optional<String> version,
        List<String> manifests,
        List<String> schemaLocations,
        boolean strict,
        Map<String, CheckSetting> checks,
        Optional<String> clusterApiVersion,
        List<String> exclude,
        List<RenderSetting> render) {

    public KubernetesSettings {
        manifests = List.copyOf(manifests);
        exclude = List.copyOf(exclude);
        render = List.copyOf(render);
        schemaLocations = List.copyOf(schemaLocations);
        checks = Map.copyOf(checks);
    }

    public static KubernetesSettings defaults() {
        return new KubernetesSettings(Optional.empty(), List.of(), List.of("default"), true, Map.of(),
                Optional.empty(), List.of(), List.of());
    }

    /**
     * The version a cluster is provisioned with when nothing more specific is set: the target, or the last version
     * named when the target names several ({@code 1.33} of {@code 1.29..1.33}, the upgrade's destination).
     */
    public Optional<String> clusterVersion() {
        return version.map(text -> {
            String[] parts = text.split(",");
            String last = parts[parts.length - 1].strip();
            int range = last.indexOf("..");
            return range < 0 ? last : last.substring(range + 2);
        });
    }

    /**
     * An override of one check: switched off, or with another severity.
     *
     * @param level the Pod Security Standard {@code manifest.pod-security} judges against ({@code baseline},
     *              {@code restricted}, {@code privileged}), for a checklist without {@code provision}; the schema
     *              allows it on that check only
     */
    public record CheckSetting(boolean enabled, Optional<Severity> severity, Optional<String> level) {

        /** A setting that names no level. */
        public CheckSetting(boolean enabled, Optional<Severity> severity) {
            this(enabled, severity, Optional.empty());
        }
    }
}

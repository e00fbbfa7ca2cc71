package io.ascent.core.checklist;

import io.ascent.core.report.Location;
import java.util.List;
import java.util.Optional;

/**
 * One entry of {@code kubernetes.render}: a Kustomize kustomization or a Helm chart whose rendered output is checked
 * as manifests.
 *
 * @param tool        which tool renders it
 * @param path        the kustomization's folder or the chart's folder, relative to the application directory
 * @param releaseName Helm's release name ({@code helm template NAME}); empty for Kustomize and for the default
 * @param namespace   Helm's {@code --namespace}; empty for Kustomize and for none
 * @param values      Helm values files, relative to the application directory, in order; empty for Kustomize
 * @param location    where the entry is written in the checklist, for problems that concern it
 */
public record RenderSetting(Tool tool, String path, Optional<String> releaseName, Optional<String> namespace,
        List<String> values, Location location) {

    public RenderSetting {
        values = List.copyOf(values);
    }

    /** The same entry rendered with {@code --namespace namespace}. */
    public RenderSetting inNamespace(String namespace) {
        return new RenderSetting(tool, path, releaseName, Optional.of(namespace), values, location);
    }

    /** The tools Ascent renders with. */
    public enum Tool {
        /** {@code kustomize build}, or {@code kubectl kustomize}. */
        KUSTOMIZE("kustomize"),
        /** {@code helm template}. */
        HELM("helm");

        private final String key;

        Tool(String key) {
            this.key = key;
        }

        /** The checklist key that names the tool ({@code kustomize:}, {@code helm:}). */
        public String key() {
            return key;
        }
    }
}

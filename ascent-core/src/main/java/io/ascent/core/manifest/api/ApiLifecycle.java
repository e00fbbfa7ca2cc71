package io.ascent.core.manifest.api;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * When one apiVersion/kind is accepted by Kubernetes (or by a Kubernetes component reading a config file): one
 * row of the API availability table. See {@code docs/api-table.md} for how each field is established.
 *
 * @param group             API group; empty for the core group ({@code apiVersion: v1})
 * @param version           API version within the group, such as {@code v1beta1}
 * @param kind              the kind, such as {@code PodDisruptionBudget}
 * @param introduced        first release that accepts it (see {@code introducedExact})
 * @param introducedExact   false when {@code introduced} is only an upper bound: the row was seen in the oldest
 *                          release the generator scanned and may be older (written {@code <=1.17} in the table)
 * @param deprecated        first release that deprecates it, or {@code null}
 * @param removed           first release that no longer accepts it, or {@code null}; may lie after the newest
 *                          scanned release when upstream states a planned removal (see {@code note})
 * @param replacementApiVersion apiVersion to move to, or {@code null}
 * @param replacementKind   kind to move to (usually the same kind), or {@code null}
 * @param component         who reads it: {@code kube-apiserver} for REST resources, else the config file reader
 *                          such as {@code kubelet config file} or {@code kubeadm config file}
 * @param source            where the row comes from (module@version:package, or an issue/PR citation)
 * @param note              free text, empty when there is nothing to add
 */
public record ApiLifecycle(
        String group,
        String version,
        String kind,
        KubernetesVersion introduced,
        boolean introducedExact,
        KubernetesVersion deprecated,
        KubernetesVersion removed,
        String replacementApiVersion,
        String replacementKind,
        String component,
        String source,
        String note) implements Serializable {

    public ApiLifecycle {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(introduced, "introduced");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(source, "source");
        note = note == null ? "" : note;
        if (version.isEmpty() || kind.isEmpty()) {
            throw new IllegalArgumentException("an API lifecycle row needs a version and a kind");
        }
        if ((replacementApiVersion == null) != (replacementKind == null)) {
            throw new IllegalArgumentException(group + "/" + version + " " + kind
                    + ": a replacement needs both an apiVersion and a kind");
        }
        if (removed != null && !introduced.isBefore(removed)) {
            throw new IllegalArgumentException(apiVersionOf(group, version) + " " + kind + ": removed in " + removed
                    + " but introduced in " + introduced + "; removal must come after introduction");
        }
        if (deprecated != null && deprecated.isBefore(introduced)) {
            throw new IllegalArgumentException(apiVersionOf(group, version) + " " + kind + ": deprecated in "
                    + deprecated + " before its introduction in " + introduced);
        }
        if (deprecated != null && removed != null && !deprecated.isBefore(removed)) {
            throw new IllegalArgumentException(apiVersionOf(group, version) + " " + kind + ": deprecated in "
                    + deprecated + " but removed in " + removed + "; deprecation must come before removal");
        }
    }

    private static String apiVersionOf(String group, String version) {
        return ApiVersions.apiVersion(group, version);
    }

    /** {@code apps/v1}, or {@code v1} for the core group: what a manifest writes. */
    public String apiVersion() {
        return apiVersionOf(group, version);
    }

    public Optional<KubernetesVersion> optionalDeprecated() {
        return Optional.ofNullable(deprecated);
    }

    public Optional<KubernetesVersion> optionalRemoved() {
        return Optional.ofNullable(removed);
    }

    /** {@code policy/v1 PodDisruptionBudget}, if upstream names a replacement. */
    public Optional<String> replacement() {
        return replacementApiVersion == null ? Optional.empty()
                : Optional.of(replacementApiVersion + " " + replacementKind);
    }

    /** Accepted by {@code target}: introduced at or before it and not removed at or before it. */
    public boolean isServedIn(KubernetesVersion target) {
        return target.isAtLeast(introduced) && (removed == null || target.isBefore(removed));
    }

    /** Served by {@code target} and deprecated at or before it. */
    public boolean isDeprecatedIn(KubernetesVersion target) {
        return isServedIn(target) && deprecated != null && target.isAtLeast(deprecated);
    }

    /** {@code 1.22}, or {@code <=1.17} when the introduction is only bounded from above. */
    public String introducedText() {
        return (introducedExact ? "" : "<=") + introduced;
    }

    /** {@code policy/v1beta1 PodDisruptionBudget}: how messages name this row. */
    public String displayName() {
        return apiVersion() + " " + kind;
    }
}

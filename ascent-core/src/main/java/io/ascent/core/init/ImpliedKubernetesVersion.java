package io.ascent.core.init;

import io.ascent.core.manifest.api.ApiLifecycleTable;
import io.ascent.core.manifest.api.ApiVerdict;
import io.ascent.core.manifest.api.KubernetesVersion;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The Kubernetes version a set of manifests implies: the newest release (among those Ascent has schemas for) that
 * serves every apiVersion/kind the API table knows, with the range of releases that serve them all. When no
 * release serves them all, the one that serves the most, newest first, with what it does not serve.
 *
 * @param version    the release to propose
 * @param oldest     the oldest release serving every known API, or empty when none serves them all
 * @param newest     the newest such release, or empty
 * @param notServed  {@code apiVersion kind} pairs {@code version} does not serve
 */
public record ImpliedKubernetesVersion(KubernetesVersion version, Optional<KubernetesVersion> oldest,
        Optional<KubernetesVersion> newest, List<String> notServed) {

    public ImpliedKubernetesVersion {
        notServed = List.copyOf(notServed);
    }

    /**
     * Judges {@code apis} ({@code apiVersion kind} pairs) against {@code releases} (oldest first, not empty).
     * Pairs the table does not know (custom resources) do not count.
     */
    public static ImpliedKubernetesVersion of(Collection<String> apis, ApiLifecycleTable table,
            List<KubernetesVersion> releases) {
        KubernetesVersion best = releases.get(releases.size() - 1);
        List<String> bestMissing = null;
        KubernetesVersion oldest = null;
        KubernetesVersion newest = null;
        for (KubernetesVersion release : releases) {
            List<String> missing = new ArrayList<>();
            for (String api : apis) {
                String[] parts = api.split(" ", 2);
                ApiVerdict verdict = table.check(parts[0], parts[1], release);
                if (verdict.optionalLifecycle().isPresent() && !verdict.availability().isAccepted()) {
                    missing.add(api);
                }
            }
            if (missing.isEmpty()) {
                oldest = oldest == null ? release : oldest;
                newest = release;
            }
            if (bestMissing == null || missing.size() <= bestMissing.size()) {
                best = release;
                bestMissing = missing;
            }
        }
        // Sorted: the pairs may come in any order (a Set.copyOf), and init must write the same file every time.
        return new ImpliedKubernetesVersion(newest != null ? newest : best, Optional.ofNullable(oldest),
                Optional.ofNullable(newest), newest != null ? List.of() : bestMissing.stream().sorted().toList());
    }
}

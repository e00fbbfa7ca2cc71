package io.ascent.core.manifest;

import io.ascent.core.manifest.api.KubernetesVersion;
import io.ascent.core.manifest.api.KubernetesVersions;
import io.ascent.core.manifest.check.Finding;
import io.ascent.core.manifest.check.Findings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Upgrade planning: the findings of one check judged once per target version, grouped so that a finding is one item
 * that names the versions it holds on, and for what an upgrade breaks (a finding that holds up to the newest target)
 * the first breaking release ("from 1.32 (on 1.32, 1.33 of 1.29..1.33): ..."), not one item per version. Findings are the same finding when their key and weight are the same (a deprecation,
 * a warning, and the removal that follows it, a failure, stay two items); the message and location are those of
 * the first version.
 */
final class VersionedFindings {
    private VersionedFindings() {
    }

    /**
     * @param targets    the target versions
     * @param perVersion each version's findings, in the order of {@code targets.versions()}
     */
    static Findings merge(KubernetesVersions targets, List<Findings> perVersion) {
        Findings out = new Findings();
        int looked = 0;
        for (Findings findings : perVersion) {
            looked = Math.max(looked, findings.lookedCount());
        }
        for (int i = 0; i < looked; i++) {
            out.looked();
        }
        for (Map.Entry<String, List<Versioned>> group : group(targets, perVersion, true).entrySet()) {
            out.add(grouped(targets, group.getValue()));
        }
        for (Map.Entry<String, List<Versioned>> group : group(targets, perVersion, false).entrySet()) {
            out.skip(grouped(targets, group.getValue()));
        }
        return out;
    }

    private record Versioned(KubernetesVersion version, Finding finding) {
    }

    private static Map<String, List<Versioned>> group(KubernetesVersions targets, List<Findings> perVersion,
            boolean found) {
        Map<String, List<Versioned>> groups = new LinkedHashMap<>();
        for (int i = 0; i < perVersion.size(); i++) {
            KubernetesVersion version = targets.versions().get(i);
            for (Finding finding : found ? perVersion.get(i).found() : perVersion.get(i).skipped()) {
                String key = finding.key() + "\u0000" + finding.ceiling();
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(new Versioned(version, finding));
            }
        }
        return groups;
    }

    private static Finding grouped(KubernetesVersions targets, List<Versioned> group) {
        Finding first = group.get(0).finding();
        List<KubernetesVersion> versions = group.stream().map(Versioned::version).distinct().toList();
        // "from" names the first breaking release of what an upgrade breaks: a finding that holds up to the newest
        // target. One that only older targets have (an upgrade fixes it) just names its versions.
        List<KubernetesVersion> all = targets.versions();
        boolean fromOn = versions.equals(all.subList(all.size() - versions.size(), all.size()));
        String on = KubernetesVersions.describe(versions) + " of " + targets.describe();
        String scope = versions.size() == all.size() ? "on " + targets.describe() + " (every target version)"
                : fromOn ? "from " + versions.get(0) + " (on " + on + ")" : "on " + on;
        return new Finding(first.resource(), first.location(), first.key(), scope + ": " + first.message(),
                first.remediation(), first.ceiling());
    }
}

package io.ascent.core.manifest.podsecurity;

import io.ascent.core.manifest.api.KubernetesVersion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Pod Security Standards at each policy version, as the PodSecurity admission plugin of Kubernetes 1.35 holds
 * them: which rules a level has at a version, and what a pod spec breaks. A rule changes only at the versions its
 * table row names; a version between two rows keeps the older row, one older than a rule's first row lacks the
 * rule (as the admission does for {@code enforce-version: v1.20}), and one newer than {@link #NEWEST} is judged as
 * {@link #NEWEST} (the admission judges {@code latest} and any later version so).
 */
public final class PodSecurityStandard {
    /** The newest policy version this table knows: the last version at which a rule changed. */
    public static final KubernetesVersion NEWEST = KubernetesVersion.of(1, 35);

    private interface Rule {
        void judge(PodSpec pod, List<Violation> out);
    }

    /** One row: from {@code since}, rule {@code id} of {@code level} is {@code rule}, and replaces {@code overrides}. */
    private record Row(String id, PodSecurityLevel level, KubernetesVersion since, Rule rule, Set<String> overrides) {
    }

    /** In the admission's order: baseline rules by id, then restricted rules by id; each rule's rows by version. */
    private static final List<Row> ROWS = List.of(
            baseline("appArmorProfile", 0, BaselineRules::appArmor),
            baseline("capabilities_baseline", 0, BaselineRules::capabilities),
            baseline("hostNamespaces", 0, BaselineRules::hostNamespaces),
            baseline("hostPathVolumes", 0, BaselineRules::hostPathVolumes),
            baseline("hostPorts", 0, BaselineRules::hostPorts),
            baseline("hostProbesAndHostLifecycle", 34, BaselineRules::probeHosts),
            baseline("privileged", 0, BaselineRules::privileged),
            baseline("procMount", 0, BaselineRules::procMount),
            baseline("procMount", 35, BaselineRules::procMount135),
            baseline("seLinuxOptions", 0, BaselineRules::seLinuxOptions10),
            baseline("seLinuxOptions", 31, BaselineRules::seLinuxOptions131),
            baseline("seccompProfile_baseline", 0, BaselineRules::seccompAnnotations),
            baseline("seccompProfile_baseline", 19, BaselineRules::seccompProfile),
            baseline("sysctls", 0, BaselineRules::sysctls10),
            baseline("sysctls", 27, BaselineRules::sysctls127),
            baseline("sysctls", 29, BaselineRules::sysctls129),
            baseline("sysctls", 32, BaselineRules::sysctls132),
            baseline("windowsHostProcess", 0, BaselineRules::windowsHostProcess),
            restricted("allowPrivilegeEscalation", 8, RestrictedRules::allowPrivilegeEscalation),
            restricted("allowPrivilegeEscalation", 25, RestrictedRules::allowPrivilegeEscalation125),
            restricted("capabilities_restricted", 22, RestrictedRules::capabilities, "capabilities_baseline"),
            restricted("capabilities_restricted", 25, RestrictedRules::capabilities125, "capabilities_baseline"),
            restricted("procMount_restricted", 35, RestrictedRules::procMount, "procMount"),
            restricted("restrictedVolumes", 0, RestrictedRules::volumes, "hostPathVolumes"),
            restricted("runAsNonRoot", 0, RestrictedRules::runAsNonRoot),
            restricted("runAsNonRoot", 35, RestrictedRules::runAsNonRoot135),
            restricted("runAsUser", 23, RestrictedRules::runAsUser),
            restricted("runAsUser", 35, RestrictedRules::runAsUser135),
            restricted("seccompProfile_restricted", 19, RestrictedRules::seccompProfile, "seccompProfile_baseline"),
            restricted("seccompProfile_restricted", 25, RestrictedRules::seccompProfile125,
                    "seccompProfile_baseline"));

    private PodSecurityStandard() {
    }

    /**
     * The policy version the admission applies for a target: {@code target} itself up to {@link #NEWEST}, else
     * {@link #NEWEST}; {@link #NEWEST} when there is no target ({@code enforce-version: latest}).
     */
    public static KubernetesVersion policyVersion(KubernetesVersion target) {
        return target == null || target.isAtLeast(NEWEST) ? NEWEST : target;
    }

    /**
     * What {@code pod} breaks at {@code level} at the policy version of {@code target} (see
     * {@link #policyVersion}), one violation per offending field, in the admission's order of rules; empty for
     * {@link PodSecurityLevel#PRIVILEGED}.
     */
    public static List<Violation> evaluate(PodSecurityLevel level, KubernetesVersion target, PodSpec pod) {
        return policy(level, target).evaluate(pod);
    }

    /**
     * The rules of {@code level} at the policy version of {@code target}, chosen once: a check that judges many
     * pods against one level asks for them once.
     */
    public static Policy policy(PodSecurityLevel level, KubernetesVersion target) {
        return new Policy(rules(level, policyVersion(target)));
    }

    /** The rules of one level at one policy version. Immutable. */
    public static final class Policy {
        private final List<Row> rows;

        private Policy(List<Row> rows) {
            this.rows = rows;
        }

        /** What {@code pod} breaks, one violation per offending field, in the admission's order of rules. */
        public List<Violation> evaluate(PodSpec pod) {
            List<Violation> out = new ArrayList<>();
            for (Row row : rows) {
                row.rule().judge(pod, out);
            }
            return out;
        }
    }

    /** The admission's ids of the rules {@code level} has at {@code target}'s policy version, in its order. */
    public static List<String> ruleIds(PodSecurityLevel level, KubernetesVersion target) {
        return rules(level, policyVersion(target)).stream().map(Row::id).toList();
    }

    private static List<Row> rules(PodSecurityLevel level, KubernetesVersion version) {
        if (level == PodSecurityLevel.PRIVILEGED) {
            return List.of();
        }
        Map<String, Row> current = new LinkedHashMap<>();
        for (Row row : ROWS) {
            if (version.isAtLeast(row.since()) && row.level().compareTo(level) <= 0) {
                current.put(row.id(), row); // a later row of the same rule replaces the earlier
            }
        }
        Set<String> overridden = new HashSet<>();
        current.values().forEach(row -> overridden.addAll(row.overrides()));
        return current.values().stream().filter(row -> !overridden.contains(row.id())).toList();
    }

    private static Row baseline(String id, int sinceMinor, Rule rule) {
        return new Row(id, PodSecurityLevel.BASELINE, KubernetesVersion.of(1, sinceMinor), rule, Set.of());
    }

    private static Row restricted(String id, int sinceMinor, Rule rule, String... overrides) {
        return new Row(id, PodSecurityLevel.RESTRICTED, KubernetesVersion.of(1, sinceMinor), rule,
                Set.of(overrides));
    }
}

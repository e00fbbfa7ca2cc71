package io.ascent.core.manifest.check;

import io.ascent.core.checklist.Checklist;
import io.ascent.core.checklist.KubernetesSettings.CheckSetting;
import io.ascent.core.manifest.podsecurity.PodSecurityLevel;
import java.util.Optional;

/**
 * The Pod Security Standard a checklist asks its pods to meet, and where it says so.
 *
 * @param level      the level
 * @param declaredBy the checklist field(s) that ask for it, for messages
 */
public record PodSecurityRequirement(PodSecurityLevel level, String declaredBy) {
    private static final String PROVISION_FIELD = "provision.cluster.podSecurity";
    private static final String CHECK_FIELD = "kubernetes.checks." + PodSecurityCheck.ID + ".level";

    /**
     * The level of {@code provision.cluster.podSecurity} (what the provision's namespace enforces) or of
     * {@code kubernetes.checks.manifest.pod-security.level} (for a checklist without a provision), the stricter of
     * the two when both are set: the manifests must pass what either asks. Empty when neither is set (or names no
     * level, which the checklist's schema refuses first).
     */
    public static Optional<PodSecurityRequirement> of(Checklist checklist) {
        Optional<PodSecurityLevel> provision = checklist.provision().cluster().podSecurity()
                .flatMap(PodSecurityLevel::parse);
        Optional<PodSecurityLevel> check = Optional.ofNullable(checklist.kubernetes().checks()
                .get(PodSecurityCheck.ID)).flatMap(CheckSetting::level).flatMap(PodSecurityLevel::parse);
        if (provision.isPresent() && check.isPresent()) {
            PodSecurityLevel stricter = provision.get().stricter(check.get());
            String by = provision.get() == check.get() ? PROVISION_FIELD + " and " + CHECK_FIELD
                    : stricter == provision.get() ? PROVISION_FIELD : CHECK_FIELD;
            return Optional.of(new PodSecurityRequirement(stricter, by));
        }
        return provision.map(level -> new PodSecurityRequirement(level, PROVISION_FIELD))
                .or(() -> check.map(level -> new PodSecurityRequirement(level, CHECK_FIELD)));
    }
}

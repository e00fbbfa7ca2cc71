package io.ascent.core.manifest.podsecurity;

import java.util.Locale;
import java.util.Optional;

/** A Pod Security Standard, from the most permissive to the most restrictive. */
public enum PodSecurityLevel {
    /** Everything is allowed. */
    PRIVILEGED,
    /** Known privilege escalations are forbidden. */
    BASELINE,
    /** Baseline, plus the hardening practices of a pod that needs nothing of the node. */
    RESTRICTED;

    /** The level as labels and checklists write it: {@code baseline}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The level a label or checklist names, or empty for anything else. */
    public static Optional<PodSecurityLevel> parse(String label) {
        for (PodSecurityLevel level : values()) {
            if (level.label().equals(label)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }

    /** The stricter of two levels. */
    public PodSecurityLevel stricter(PodSecurityLevel other) {
        return compareTo(other) >= 0 ? this : other;
    }
}

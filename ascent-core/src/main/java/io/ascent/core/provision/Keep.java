package io.ascent.core.provision;

import java.util.Locale;

/** Whether teardown keeps the cluster or namespace ({@code --keep}). */
public enum Keep {
    /** Delete it whatever happened (the default; the checklist's {@code teardown: always}). */
    NEVER,
    /** Keep it when something failed, for diagnosis (the checklist's {@code teardown: on-success}). */
    ON_FAILURE,
    /** Keep it always. */
    ALWAYS;

    /** {@code never}, {@code on-failure}, {@code always}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@link #label()}. */
    public static Keep fromLabel(String label) {
        for (Keep keep : values()) {
            if (keep.label().equals(label)) {
                return keep;
            }
        }
        throw new IllegalArgumentException("'" + label + "' is not one of never, on-failure, always");
    }
}

package io.ascent.core.report;

import java.util.Locale;

/**
 * How much a finding matters. A problem found by a check with severity {@link #ERROR} is a {@link Status#FAIL};
 * with {@link #WARNING} or {@link #INFO} it is a {@link Status#WARN}, so the checklist decides what gates.
 */
public enum Severity {
    ERROR,
    WARNING,
    INFO;

    /** The status a problem found at this severity gets. */
    public Status problemStatus() {
        return this == ERROR ? Status.FAIL : Status.WARN;
    }

    /** Lower-case name as written in {@code ascent.yaml} and in reports. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the checklist spelling ({@code error}, {@code warning}, {@code info}). */
    public static Severity fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}

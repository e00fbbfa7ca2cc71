package io.ascent.core.report;

import java.util.Locale;

/**
 * How much a finding matters. A problem found by a check with severity {@link #ERROR} is a {@link Status#FAIL},
 * with {@link #WARNING} a {@link Status#WARN}, with {@link #INFO} an {@link Status#INFO}, so the checklist decides
 * what gates.
 */
public enum Severity {
    ERROR,
    WARNING,
    INFO;

    /** The status a problem found at this severity gets. */
    public Status problemStatus() {
        return switch (this) {
            case ERROR -> Status.FAIL;
            case WARNING -> Status.WARN;
            case INFO -> Status.INFO;
        };
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

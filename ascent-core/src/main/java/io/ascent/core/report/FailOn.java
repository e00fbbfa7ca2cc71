package io.ascent.core.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What fails a run ({@code --fail-on}): at {@link #ERROR}, failed items and errors (the default); at
 * {@link #WARNING}, warnings too. Info items, skips and waived findings never do.
 */
public enum FailOn {
    ERROR,
    WARNING;

    /** Whether an item of this status fails the run under this setting. */
    public boolean gates(Status status) {
        return status.isGating() || this == WARNING && status == Status.WARN;
    }

    /** The spelling on the command line and in JSON: {@code error}, {@code warning}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws IllegalArgumentException naming the allowed values when {@code label} is none of them
     */
    public static FailOn of(String label) {
        for (FailOn value : values()) {
            if (value.label().equals(label)) {
                return value;
            }
        }
        throw new IllegalArgumentException("'" + label + "' is not one of "
                + Arrays.stream(values()).map(FailOn::label).collect(Collectors.joining(", ")));
    }
}

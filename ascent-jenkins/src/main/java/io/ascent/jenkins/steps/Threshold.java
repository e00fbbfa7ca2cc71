package io.ascent.jenkins.steps;

import io.ascent.core.report.Report;
import io.ascent.core.report.Summary;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** From which items on a build result changes: {@code failOn} and {@code unstableOn} take one of these. */
public enum Threshold {
    /** Failed items, broken input and an environment that cannot run the checks. */
    FAIL,
    /** Those, and warnings. */
    WARN,
    /** Nothing changes the result. */
    NEVER;

    /** The spelling in a Pipeline script: {@code fail}, {@code warn}, {@code never}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws IllegalArgumentException naming the allowed values when {@code label} is none of them
     */
    public static Threshold of(String label) {
        for (Threshold threshold : values()) {
            if (threshold.label().equals(label)) {
                return threshold;
            }
        }
        throw new IllegalArgumentException("'" + label + "' is not one of "
                + Arrays.stream(values()).map(Threshold::label).collect(Collectors.joining(", ")));
    }

    /** Whether the report has items at or above this threshold. */
    public boolean isReachedBy(Report report) {
        Summary summary = report.summary();
        int gating = summary.failed() + summary.errors() + (report.environmentFailed() ? 1 : 0);
        return switch (this) {
            case FAIL -> gating > 0;
            case WARN -> gating + summary.warnings() > 0;
            case NEVER -> false;
        };
    }
}

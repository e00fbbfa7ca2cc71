package io.ascent.core.report;

import java.io.Serializable;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/** Counts of items per status, derived from a report's items. */
public record Summary(int total, int passed, int failed, int warnings, int skipped, int errors, int waived, int info,
        int baselined) implements Serializable {

    /** Counts without baselined items (as kept by reports from before baselines). */
    public Summary(int total, int passed, int failed, int warnings, int skipped, int errors, int waived, int info) {
        this(total, passed, failed, warnings, skipped, errors, waived, info, 0);
    }

    /** Counts without a separate info count (as kept by reports from before {@link Status#INFO}). */
    public Summary(int total, int passed, int failed, int warnings, int skipped, int errors, int waived) {
        this(total, passed, failed, warnings, skipped, errors, waived, 0);
    }

    static Summary of(Collection<Item> items) {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Item item : items) {
            counts.merge(item.status(), 1, Integer::sum);
        }
        return new Summary(items.size(),
                counts.getOrDefault(Status.PASS, 0),
                counts.getOrDefault(Status.FAIL, 0),
                counts.getOrDefault(Status.WARN, 0),
                counts.getOrDefault(Status.SKIP, 0),
                counts.getOrDefault(Status.ERROR, 0),
                counts.getOrDefault(Status.WAIVED, 0),
                counts.getOrDefault(Status.INFO, 0),
                counts.getOrDefault(Status.BASELINED, 0));
    }

    public int count(Status status) {
        return switch (status) {
            case PASS -> passed;
            case FAIL -> failed;
            case WARN -> warnings;
            case INFO -> info;
            case SKIP -> skipped;
            case ERROR -> errors;
            case WAIVED -> waived;
            case BASELINED -> baselined;
        };
    }
}

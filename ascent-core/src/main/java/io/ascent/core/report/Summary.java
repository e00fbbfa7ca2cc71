package io.ascent.core.report;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
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

    /**
     * The counts people read, worst first and only those above zero: {@code 2 failed, 1 error, 3 warnings, 10 passed
     * of 16 items}; {@code no items} when there are none (a run interrupted before its first item). The text and
     * Markdown forms and the Jenkins pages all say it this way.
     */
    public String describe() {
        if (total == 0) {
            return "no items";
        }
        List<String> parts = new ArrayList<>();
        add(parts, failed, "failed", "failed");
        add(parts, errors, "error", "errors");
        add(parts, warnings, "warning", "warnings");
        add(parts, info, "info", "info");
        add(parts, baselined, "baselined", "baselined");
        add(parts, waived, "waived", "waived");
        add(parts, skipped, "skipped", "skipped");
        add(parts, passed, "passed", "passed");
        return String.join(", ", parts) + " of " + total
                + (total == 1 ? " item" : " items");
    }

    private static void add(List<String> parts, int count, String one, String many) {
        if (count > 0) {
            parts.add(count + " " + (count == 1 ? one : many));
        }
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

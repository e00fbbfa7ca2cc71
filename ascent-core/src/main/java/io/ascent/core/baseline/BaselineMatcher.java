package io.ascent.core.baseline;

import io.ascent.core.report.Item;
import io.ascent.core.report.render.Fingerprints;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Marks the findings a baseline holds as {@code BASELINED} while a run's items go by, and remembers which entries
 * matched nothing. Thread-safe: validation steps may hand items over from several threads.
 */
public final class BaselineMatcher {
    private final Map<String, BaselineEntry> entries = new LinkedHashMap<>();
    private final Map<String, Integer> left = new LinkedHashMap<>();

    BaselineMatcher(List<BaselineEntry> entries) {
        for (BaselineEntry entry : entries) {
            this.entries.put(entry.fingerprint(), entry);
            this.left.put(entry.fingerprint(), entry.count());
        }
    }

    /**
     * The item, marked baselined when it is a finding an entry still has room for; otherwise unchanged. A finding
     * that occurs more often than its entry's count is new from the first one over.
     */
    public Item apply(Item item) {
        if (!Baseline.isBaselinable(item) || entries.isEmpty()) {
            return item;
        }
        String fingerprint = Fingerprints.of(item);
        synchronized (left) {
            Integer remaining = left.get(fingerprint);
            if (remaining == null || remaining == 0) {
                return item;
            }
            left.put(fingerprint, remaining - 1);
        }
        return item.baselined();
    }

    /** The entries that matched no finding at all: their findings were fixed (or changed beyond recognition). */
    public List<BaselineEntry> unmatched() {
        List<BaselineEntry> unmatched = new ArrayList<>();
        synchronized (left) {
            left.forEach((fingerprint, remaining) -> {
                BaselineEntry entry = entries.get(fingerprint);
                if (remaining == entry.count()) {
                    unmatched.add(entry);
                }
            });
        }
        return unmatched;
    }
}

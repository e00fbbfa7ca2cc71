package io.ascent.core.repo;

import io.ascent.core.report.Item;
import io.ascent.core.report.ItemBuilder;
import io.ascent.core.report.Location;
import io.ascent.core.report.Severity;
import io.ascent.core.report.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The items of one rule: one per finding, up to {@link #LIMIT} (a repository that commits 40,000 files under
 * {@code node_modules/} needs one line saying so, not 40,000), or one PASS item when nothing was found.
 */
final class Findings {
    /** Findings reported one by one per rule; the rest are counted in one closing item. */
    static final int LIMIT = 200;

    private final String id;
    private final String title;
    private final Severity severity;
    private final long start = System.nanoTime();
    private final List<Item> items = new ArrayList<>();
    private int count;
    private String remediation;

    Findings(RepositoryRule rule, Severity severity) {
        this(rule.id(), rule.title(), severity);
    }

    /** Findings of a built-in rule at the severity {@code checklist} gives it. */
    Findings(RepositoryRule rule, io.ascent.core.checklist.Checklist checklist) {
        this(rule, rule.severityIn(checklist));
    }

    Findings(String id, String title, Severity severity) {
        this.id = id;
        this.title = title;
        this.severity = severity;
    }

    /** Uses {@code remediation} for every finding instead of the rule's own (a custom item's remediation). */
    Findings remediation(java.util.Optional<String> remediation) {
        this.remediation = remediation.orElse(null);
        return this;
    }

    /** Records a finding at {@code location} (relative to the repository root). */
    void add(Location location, String message, String remediation) {
        count++;
        if (count <= LIMIT) {
            items.add(builder().problem(message).location(location)
                    .remediation(this.remediation != null ? this.remediation : remediation).build());
        }
    }

    int count() {
        return count;
    }

    /** The items: the findings, or one PASS item with {@code passMessage}. */
    List<Item> items(String passMessage) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        List<Item> out = new ArrayList<>(items.size() + 1);
        if (count == 0) {
            out.add(builder().status(Status.PASS).message(passMessage).duration(elapsed).build());
            return out;
        }
        out.addAll(items);
        if (count > LIMIT) {
            out.add(builder().problem((count - LIMIT) + " more findings of this rule are not listed one by one")
                    .duration(elapsed).build());
        }
        return out;
    }

    private ItemBuilder builder() {
        return Item.builder(id, title).severity(severity);
    }
}

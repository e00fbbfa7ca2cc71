package io.ascent.core.checklist;

import io.ascent.core.glob.Glob;
import io.ascent.core.glob.GlobSyntaxException;
import io.ascent.core.report.Item;
import io.ascent.core.report.Status;
import io.ascent.core.report.Waiver;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns findings that a current waiver covers into {@link Status#WAIVED} items, keeping the waiver on the item so
 * that it stays visible. Expired waivers excuse nothing (the checklist check already failed them).
 */
public final class WaiverApplier {
    private final Checklist checklist;
    private final LocalDate today;

    public WaiverApplier(Checklist checklist, LocalDate today) {
        this.checklist = checklist;
        this.today = today;
    }

    public List<Item> apply(List<Item> items) {
        List<Item> out = new ArrayList<>(items.size());
        for (Item item : items) {
            out.add(apply(item));
        }
        return out;
    }

    /** The item, excused by its waiver when it is a problem that a current waiver covers. */
    public Item apply(Item item) {
        return isProblem(item) ? waiverFor(item).map(item::waivedBy).orElse(item) : item;
    }

    private static boolean isProblem(Item item) {
        return item.status() == Status.FAIL || item.status() == Status.WARN || item.status() == Status.INFO;
    }

    private Optional<Waiver> waiverFor(Item item) {
        for (CustomItem custom : checklist.items()) {
            if (custom.id().equals(item.id()) && custom.waiver().filter(this::current).isPresent()) {
                return custom.waiver();
            }
        }
        for (WaiverRule rule : checklist.waivers()) {
            if (rule.id().equals(item.id()) && current(rule.waiver()) && pathMatches(rule, item)) {
                return Optional.of(rule.waiver());
            }
        }
        return Optional.empty();
    }

    private boolean current(Waiver waiver) {
        return !waiver.isExpiredOn(today);
    }

    private static boolean pathMatches(WaiverRule rule, Item item) {
        if (rule.pathPattern().isEmpty()) {
            return true;
        }
        if (item.location() == null) {
            return false;
        }
        for (String alternative : rule.pathPattern().get().split("\\|")) {
            try {
                if (Glob.compile(alternative.trim()).matches(item.location().path())) {
                    return true;
                }
            } catch (GlobSyntaxException e) {
                // Reported by the checklist's own checks (checklist.patterns); a malformed glob waives nothing.
            }
        }
        return false;
    }
}

package io.ascent.core.checklist;

import io.ascent.core.report.Location;
import io.ascent.core.report.Severity;
import io.ascent.core.report.Waiver;
import java.util.List;
import java.util.Optional;

/**
 * A checklist item the team wrote: its own id, title and severity, one rule, and an optional waiver.
 *
 * @param location where the item is defined in the checklist (its {@code id})
 */
public record CustomItem(String id, String title, Optional<String> description, Severity severity,
        Optional<String> remediation, Rule rule, Optional<Waiver> waiver, Location location) {

    /** The one rule of a custom item. */
    public sealed interface Rule permits Require, Forbid, Contains {
    }

    /** Every pattern must match a committed path ({@code |} separates alternatives). */
    public record Require(List<String> patterns) implements Rule {
        public Require {
            patterns = List.copyOf(patterns);
        }
    }

    /** No committed path may match any pattern. */
    public record Forbid(List<String> patterns) implements Rule {
        public Forbid {
            patterns = List.copyOf(patterns);
        }
    }

    /** The file must exist and some line of it must match the regular expression. */
    public record Contains(String path, String pattern) implements Rule {
    }
}

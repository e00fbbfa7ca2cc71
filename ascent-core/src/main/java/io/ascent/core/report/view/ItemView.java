package io.ascent.core.report.view;

import io.ascent.core.report.ErrorKind;
import io.ascent.core.report.Item;
import io.ascent.core.report.SourceExcerpt;
import io.ascent.core.report.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One item as pages show it: plain strings, empty when absent. */
public final class ItemView {
    private final Item item;
    private final List<ExcerptLine> excerpt;

    ItemView(Item item, Optional<SourceExcerpt> source) {
        this.item = item;
        List<ExcerptLine> lines = new ArrayList<>();
        source.ifPresent(excerpt -> {
            for (int i = 0; i < excerpt.lines().size(); i++) {
                int number = excerpt.firstLine() + i;
                // Only the lines near this finding: an excerpt merged for nearby findings may be longer.
                if (Math.abs(number - item.location().line()) <= 2) {
                    lines.add(new ExcerptLine(number, excerpt.lines().get(i), number == item.location().line()));
                }
            }
        });
        this.excerpt = List.copyOf(lines);
    }

    /** For pages without excerpts (a build page's summary). */
    public static ItemView of(Item item) {
        return new ItemView(item, Optional.empty());
    }

    public String getId() {
        return Shown.line(item.id());
    }

    public String getTitle() {
        return Shown.line(item.title());
    }

    /** {@code fail}, {@code warn}, ...: for filters and CSS classes. */
    public String getStatus() {
        return item.status().label();
    }

    /**
     * The status as people read it: {@code FAIL}, {@code BASELINED}; an ERROR that is not broken input names its
     * kind ({@code ERROR(environment)}), since that decides the exit status.
     */
    public String getStatusLabel() {
        if (item.status() == Status.ERROR && item.errorKind() != ErrorKind.INPUT) {
            return "ERROR(" + item.errorKind().label() + ")";
        }
        return item.status().name();
    }

    /** {@code error}, {@code warning} or {@code info}. */
    public String getSeverity() {
        return item.severity().label();
    }

    /** {@code path:line:col}, {@code path:line}, {@code path} or empty. */
    public String getLocation() {
        return item.location() == null ? "" : Shown.line(item.location().toString());
    }

    public String getPath() {
        return item.location() == null ? "" : Shown.line(item.location().path());
    }

    public String getMessage() {
        return Shown.text(item.message());
    }

    /** What to change; empty when the check has no advice. */
    public String getFix() {
        return Shown.text(item.remediation());
    }

    /** The waiver's reason, owner and expiry; empty when not waived. */
    public String getWaiver() {
        if (item.waiver() == null) {
            return "";
        }
        return Shown.text(item.waiver().reason()) + (item.waiver().owner() == null ? ""
                : " (" + Shown.line(item.waiver().owner()) + ")") + ", until " + item.waiver().expires();
    }

    /** The source lines around the finding, its own line marked; empty when the report kept none. */
    public List<ExcerptLine> getExcerpt() {
        return excerpt;
    }
}

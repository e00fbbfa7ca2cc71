package io.ascent.core.report.render;

import io.ascent.core.report.FailOn;
import io.ascent.core.report.FileGroups;
import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import io.ascent.core.report.ReportHeader;
import io.ascent.core.report.Status;
import io.ascent.core.report.Summary;
import io.ascent.core.report.Verdict;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * GitHub-flavoured Markdown for pull-request comments and job summaries: a headline verdict and what was judged, a
 * summary table of counts, the items that fail the build with their fixes (grouped by file, worst first), and the
 * rest folded in {@code <details>}: other findings, waived, skipped and passed items, the counts per check. The whole
 * stays under a size limit (a comment holds 65,536 characters): the longest folded sections are cut first, each with
 * a line saying how many items were left out, then the failures lose their fixes, and only then are failures cut.
 * Repository text is never markup ({@link MarkdownText}): a file name or a quoted value cannot add a link, an image,
 * a mention, HTML or a table cell.
 */
public final class MarkdownRenderer implements Renderer {
    /** A line break inside a table cell, which cannot hold a real one. */
    private static final String BREAK = "<br>";
    private static final String TABLE_HEAD = "| Status | Location | Message | Check |\n|---|---|---|---|\n";
    /** A failure's message when space is short: enough to recognise it. */
    private static final int COMPACT_MESSAGE = 160;
    private static final List<Status> COUNT_ORDER = List.of(Status.FAIL, Status.ERROR, Status.WARN, Status.INFO,
            Status.BASELINED, Status.WAIVED, Status.SKIP, Status.PASS);

    private final RenderOptions options;

    public MarkdownRenderer() {
        this(RenderOptions.DEFAULTS);
    }

    public MarkdownRenderer(RenderOptions options) {
        this.options = options;
    }

    @Override
    public void render(Report report, Writer out) throws IOException {
        List<Section> sections = new ArrayList<>();
        List<Item> gating = grouped(report, report::isGating);
        Section failures = new Section(gating.size() + (gating.size() == 1 ? " item fails" : " items fail")
                + " the build", "failing items", TABLE_HEAD, false);
        for (Item item : gating) {
            failures.add(row(item, true), row(item, false));
        }
        sections.add(failures);
        if (options.detail() != Detail.QUIET) {
            folded(sections, report, "other findings", "findings",
                    item -> item.status().isFinding() && item.status() != Status.WAIVED && !report.isGating(item));
            folded(sections, report, "waived", "waived items", item -> item.status() == Status.WAIVED);
            folded(sections, report, "skipped", "skipped items", item -> item.status() == Status.SKIP);
            folded(sections, report, "passed", "passed items", item -> item.status() == Status.PASS);
            sections.add(perCheck(report));
        }
        String head = head(report);
        fit(head, sections);
        StringBuilder text = new StringBuilder(head);
        for (Section section : sections) {
            section.appendTo(text);
        }
        out.write(text.toString());
    }

    private static List<Item> grouped(Report report, Predicate<Item> which) {
        List<Item> items = new ArrayList<>();
        for (FileGroups.Group group : FileGroups.of(report.items().stream().filter(which).toList())) {
            items.addAll(group.items());
        }
        return items;
    }

    private static void folded(List<Section> sections, Report report, String title, String noun,
            Predicate<Item> which) {
        List<Item> items = grouped(report, which);
        if (items.isEmpty()) {
            return;
        }
        Section section = new Section(items.size() + " " + title, noun, TABLE_HEAD, true);
        for (Item item : items) {
            String row = row(item, true);
            section.add(row, row);
        }
        sections.add(section);
    }

    private static Section perCheck(Report report) {
        StringBuilder head = new StringBuilder("| Check |");
        StringBuilder rule = new StringBuilder("|---|");
        // A baselined column only where a baseline is in use, as in the text form.
        List<Status> columns = COUNT_ORDER.stream()
                .filter(status -> status != Status.BASELINED || report.summary().baselined() > 0).toList();
        for (Status status : columns) {
            head.append(' ').append(status.label()).append(" |");
            rule.append("--:|");
        }
        Section section = new Section("Counts per check", "checks", head + "\n" + rule + "\n", true);
        for (Map.Entry<String, Summary> check : report.summaryByCheck().entrySet()) {
            StringBuilder row = new StringBuilder("| " + MarkdownText.code(check.getKey(), true) + " |");
            for (Status status : columns) {
                int count = check.getValue().count(status);
                row.append(' ').append(count == 0 ? "" : String.valueOf(count)).append(" |");
            }
            section.add(row + "\n", row + "\n");
        }
        return section;
    }

    private static String head(Report report) {
        Verdict verdict = report.verdict();
        StringBuilder text = new StringBuilder("## Ascent: " + headline(verdict) + "\n\n");
        List<String> facts = new ArrayList<>();
        ReportHeader header = report.header();
        if (header.repository() != null) {
            facts.add("repository " + MarkdownText.code(header.repository(), false));
        }
        if (header.commit() != null) {
            facts.add("commit " + MarkdownText.code(header.commit(), false));
        }
        if (report.checklist() != null) {
            facts.add("checklist " + MarkdownText.code(report.checklist(), false));
        }
        if (header.kubernetesVersion() != null) {
            facts.add("Kubernetes " + MarkdownText.code(header.kubernetesVersion(), false));
        }
        if (!facts.isEmpty()) {
            text.append(String.join(" · ", facts)).append("\n\n");
        }
        if (report.interrupted()) {
            text.append("The run was cancelled before it finished: the items below are what it found until then.\n\n");
        }
        Summary s = report.summary();
        text.append("| Result | Items |\n|---|--:|\n");
        for (Status status : COUNT_ORDER) {
            if (s.count(status) > 0) {
                text.append("| ").append(status.label()).append(" | ").append(s.count(status)).append(" |\n");
            }
        }
        text.append("| **total** | **").append(s.total()).append("** |\n\n");
        text.append("Exit status ").append(report.exitStatus()).append(report.failOn() == FailOn.WARNING
                ? ", failing on warnings" : "").append(".\n\n");
        return text.toString();
    }

    /** A table row; the compact one (when space is short) has no fix and a shortened message. */
    private static String row(Item item, boolean full) {
        String where = item.location() == null ? "" : MarkdownText.code(item.location().toString(), true);
        return "| " + TextRenderer.statusLabel(item) + " | " + where + " | " + message(item, full) + " | "
                + MarkdownText.code(item.id(), true) + " |\n";
    }

    /** The message cell: repository text escaped, the only markup Ascent's own line breaks. */
    private static String message(Item item, boolean full) {
        String message = item.message().isEmpty() ? item.title() : item.message();
        if (!full) {
            return MarkdownText.text(shortened(message), BREAK);
        }
        String text = MarkdownText.text(message, BREAK);
        if (item.remediation() != null && item.status() != Status.PASS) {
            text += BREAK + "Fix: " + MarkdownText.text(item.remediation(), BREAK);
        }
        if (item.waiver() != null) {
            text += BREAK + "Waived until " + item.waiver().expires() + ": "
                    + MarkdownText.text(item.waiver().reason(), BREAK);
        }
        return text;
    }

    private static String shortened(String message) {
        int end = message.offsetByCodePoints(0, Math.min(COMPACT_MESSAGE, message.codePointCount(0,
                message.length())));
        return end == message.length() ? message : message.substring(0, end) + "…";
    }

    /**
     * Cuts the sections until the whole fits the limit: the longest folded section loses its last row, again and
     * again; when only failures are left, they lose their fixes, and only then rows.
     */
    private void fit(String head, List<Section> sections) {
        int limit = options.markdownLimit();
        Section failures = sections.get(0);
        while (size(head, sections) > limit) {
            Section longest = null;
            for (Section section : sections.subList(1, sections.size())) {
                if (section.hasRows() && (longest == null || section.size() > longest.size())) {
                    longest = section;
                }
            }
            if (longest != null) {
                longest.cut();
            } else if (!failures.compact) {
                failures.compact();
            } else if (failures.hasRows()) {
                failures.cut();
            } else {
                return; // the head alone is left; MIN_MARKDOWN_LIMIT keeps that from happening for real reports
            }
        }
    }

    private static int size(String head, List<Section> sections) {
        int size = head.length();
        for (Section section : sections) {
            size += section.size();
        }
        return size;
    }

    /** A titled table of rows, folded in {@code <details>} or under a heading, that can lose rows from its end. */
    private static final class Section {
        private final String title;
        private final boolean folded;
        private final String noun;
        private final String tableHead;
        private final List<String> rows = new ArrayList<>();
        private final List<String> compactRows = new ArrayList<>();
        private int kept;
        private int rowChars;
        private boolean compact;

        Section(String title, String noun, String tableHead, boolean folded) {
            this.title = title;
            this.folded = folded;
            this.noun = noun;
            this.tableHead = tableHead;
        }

        void add(String row, String compactRow) {
            rows.add(row);
            compactRows.add(compactRow);
            kept++;
            rowChars += row.length();
        }

        boolean hasRows() {
            return kept > 0;
        }

        void cut() {
            kept--;
            rowChars -= (compact ? compactRows : rows).get(kept).length();
        }

        void compact() {
            compact = true;
            rowChars = 0;
            for (int i = 0; i < kept; i++) {
                rowChars += compactRows.get(i).length();
            }
        }

        private String note() {
            int left = rows.size() - kept;
            if (left == 0) {
                return compact ? "_Fixes left out to keep this comment short; the full report has them._\n\n" : "";
            }
            return String.format(Locale.ROOT, "_%d more %s left out%s to keep this comment short; the full report "
                    + "(`--format json` or `text`) has every item._%n%n", left,
                    left == 1 ? noun.substring(0, noun.length() - 1) : noun, // every noun here is a plural in -s
                    compact ? ", and the fixes of those shown," : "");
        }

        int size() {
            if (rows.isEmpty()) {
                return 0;
            }
            int size = (kept > 0 ? tableHead.length() + rowChars + 1 : 0) + note().length();
            return size + open().length() + close().length();
        }

        private String open() {
            return folded ? "<details><summary>" + title + "</summary>\n\n" : "### " + title + "\n\n";
        }

        private String close() {
            return folded ? "</details>\n\n" : "";
        }

        void appendTo(StringBuilder text) {
            if (rows.isEmpty()) {
                return;
            }
            text.append(open());
            if (kept > 0) {
                text.append(tableHead);
                List<String> shown = compact ? compactRows : rows;
                for (int i = 0; i < kept; i++) {
                    text.append(shown.get(i));
                }
                text.append('\n');
            }
            text.append(note());
            text.append(close());
        }
    }

    private static String headline(Verdict verdict) {
        return switch (verdict) {
            case PASSED -> "✅ passed";
            case FAILED -> "❌ failed";
            case INVALID_INPUT -> "⛔ invalid input";
            case ENVIRONMENT_ERROR -> "⚠️ environment error";
            case INTERNAL_ERROR -> "🐞 internal error";
            case INTERRUPTED -> "⏹️ interrupted (partial report)";
        };
    }
}

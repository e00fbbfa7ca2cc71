package io.ascent.core.report.render;

import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import io.ascent.core.report.Status;
import io.ascent.core.report.Summary;
import io.ascent.core.report.Verdict;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * GitHub-flavoured Markdown for pull-request comments and job summaries: a headline verdict, a table of the
 * problems, and the passing items folded away. Repository text is never markup ({@link MarkdownText}): a file name
 * or a quoted value cannot add a link, an image, a mention, HTML or a table cell.
 */
public final class MarkdownRenderer implements Renderer {
    /** A line break inside a table cell, which cannot hold a real one. */
    private static final String BREAK = "<br>";

    @Override
    public void render(Report report, Writer out) throws IOException {
        Verdict verdict = report.verdict();
        out.write("## Ascent: " + headline(verdict) + "\n\n");
        if (report.interrupted()) {
            out.write("The run was cancelled before it finished: the items below are what it found until then.\n\n");
        }
        Summary s = report.summary();
        out.write(String.format(java.util.Locale.ROOT,
                "%d items: **%d passed**, **%d failed**, %d warnings, %d errors, %d skipped, %d waived%s%n%n",
                s.total(), s.passed(), s.failed(), s.warnings(), s.errors(), s.skipped(), s.waived(),
                s.baselined() == 0 ? "" : ", " + s.baselined() + " baselined"));
        List<Item> problems = report.items().stream()
                .filter(item -> item.status() != Status.PASS && item.status() != Status.SKIP).toList();
        if (!problems.isEmpty()) {
            out.write("| Status | Item | Location | Message |\n|---|---|---|---|\n");
            for (Item item : problems) {
                out.write("| " + TextRenderer.statusLabel(item) + " | " + MarkdownText.code(item.id(), true) + " | "
                        + (item.location() == null ? "" : MarkdownText.code(item.location().toString(), true))
                        + " | " + message(item) + " |\n");
            }
            out.write("\n");
        }
        List<Item> passed = report.items().stream()
                .filter(item -> item.status() == Status.PASS || item.status() == Status.SKIP).toList();
        if (!passed.isEmpty()) {
            out.write("<details><summary>" + passed.size() + " passed or skipped</summary>\n\n");
            for (Item item : passed) {
                out.write("- " + item.status() + " " + MarkdownText.code(item.id(), false) + ": "
                        + MarkdownText.text(item.message().isEmpty() ? item.title() : item.message(), " ") + "\n");
            }
            out.write("\n</details>\n");
        }
    }

    /** The message cell: repository text escaped, the only markup Ascent's own line breaks. */
    private static String message(Item item) {
        String text = MarkdownText.text(item.message(), BREAK);
        if (item.remediation() != null) {
            text += BREAK + "Fix: " + MarkdownText.text(item.remediation(), BREAK);
        }
        if (item.waiver() != null) {
            text += BREAK + "Waived until " + item.waiver().expires() + ": "
                    + MarkdownText.text(item.waiver().reason(), BREAK);
        }
        return text;
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

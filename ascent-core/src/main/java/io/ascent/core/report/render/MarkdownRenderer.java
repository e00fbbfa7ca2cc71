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
 * problems, and the passing items folded away.
 */
public final class MarkdownRenderer implements Renderer {

    @Override
    public void render(Report report, Writer out) throws IOException {
        Verdict verdict = report.verdict();
        out.write("## Ascent: " + headline(verdict) + "\n\n");
        if (report.interrupted()) {
            out.write("The run was cancelled before it finished: the items below are what it found until then.\n\n");
        }
        Summary s = report.summary();
        out.write(String.format(java.util.Locale.ROOT,
                "%d items: **%d passed**, **%d failed**, %d warnings, %d errors, %d skipped, %d waived%n%n",
                s.total(), s.passed(), s.failed(), s.warnings(), s.errors(), s.skipped(), s.waived()));
        List<Item> problems = report.items().stream()
                .filter(item -> item.status() != Status.PASS && item.status() != Status.SKIP).toList();
        if (!problems.isEmpty()) {
            out.write("| Status | Item | Location | Message |\n|---|---|---|---|\n");
            for (Item item : problems) {
                out.write("| " + TextRenderer.statusLabel(item) + " | `" + item.id() + "` | "
                        + (item.location() == null ? "" : "`" + cell(item.location().toString()) + "`") + " | "
                        + cell(message(item)) + " |\n");
            }
            out.write("\n");
        }
        List<Item> passed = report.items().stream()
                .filter(item -> item.status() == Status.PASS || item.status() == Status.SKIP).toList();
        if (!passed.isEmpty()) {
            out.write("<details><summary>" + passed.size() + " passed or skipped</summary>\n\n");
            for (Item item : passed) {
                out.write("- " + item.status() + " `" + item.id() + "`: "
                        + cell(item.message().isEmpty() ? item.title() : item.message()) + "\n");
            }
            out.write("\n</details>\n");
        }
    }

    private static String message(Item item) {
        String text = item.message();
        if (item.remediation() != null) {
            text += "<br>Fix: " + item.remediation();
        }
        if (item.waiver() != null) {
            text += "<br>Waived until " + item.waiver().expires() + ": " + item.waiver().reason();
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

    /** Table cells cannot hold pipes or line breaks; HTML-like text must not become markup. */
    private static String cell(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("&lt;br&gt;", "<br>")
                .replace("|", "\\|").replace("\r", "").replace("\n", "<br>");
    }
}

package io.ascent.core.report.render;

import io.ascent.core.report.ErrorKind;
import io.ascent.core.report.Item;
import io.ascent.core.report.LogEntry;
import io.ascent.core.report.Report;
import io.ascent.core.report.Status;
import io.ascent.core.report.Summary;
import io.ascent.core.report.Verdict;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * Plain text for terminals and build logs. Problems first, each with {@code path:line:col} at the start of a line
 * so that terminals, editors and Jenkins make it a link; passing items after, one line each. Every text from the
 * repository goes through {@link PlainText}: no escape sequence reaches the terminal and no line starts where the
 * repository wants one to.
 */
public final class TextRenderer implements Renderer {
    /** A message's further lines are indented under it, so none can pass for an item of its own. */
    private static final String CONTINUATION = "       ";

    @Override
    public void render(Report report, Writer out) throws IOException {
        out.write("Ascent " + PlainText.line(report.subject()) + "\n");
        if (report.checklist() != null) {
            out.write("checklist: " + PlainText.line(report.checklist()) + "\n");
        }
        for (LogEntry entry : report.log()) {
            String message = PlainText.block(entry.message(), CONTINUATION);
            switch (entry.level()) {
                case DEBUG -> {
                }
                case INFO -> out.write(message + "\n");
                case WARN -> out.write("warning: " + message + "\n");
                case ERROR -> out.write("error: " + message + "\n");
            }
        }
        out.write("\n");
        for (Item item : report.items()) {
            if (item.status() != Status.PASS && item.status() != Status.SKIP) {
                problem(item, out);
            }
        }
        for (Item item : report.items()) {
            if (item.status() == Status.PASS || item.status() == Status.SKIP) {
                out.write(String.format(Locale.ROOT, "%-6s %s: %s%n", item.status(), PlainText.line(item.id()),
                        PlainText.block(item.message().isEmpty() ? item.title() : item.message(), CONTINUATION)));
            }
        }
        Summary s = report.summary();
        out.write(String.format(Locale.ROOT,
                "%n%d %s: %d passed, %d failed, %d warnings, %d errors, %d skipped, %d waived%s%n",
                s.total(), s.total() == 1 ? "item" : "items", s.passed(), s.failed(), s.warnings(), s.errors(),
                s.skipped(), s.waived(), s.baselined() == 0 ? "" : ", " + s.baselined() + " baselined"));
        if (report.interrupted()) {
            out.write("interrupted: the run was cancelled before it finished; the items above are partial\n");
        }
        Verdict verdict = report.verdict();
        out.write("result: " + verdict.name().replace('_', ' ') + " (exit " + verdict.exitStatus() + ")\n");
    }

    /**
     * The status as shown to people: an ERROR that is not broken input says which kind it is
     * ({@code ERROR(environment)}, {@code ERROR(internal)}), since that decides the exit status.
     */
    static String statusLabel(Item item) {
        if (item.status() == Status.ERROR && item.errorKind() != ErrorKind.INPUT) {
            return "ERROR(" + item.errorKind().label() + ")";
        }
        return item.status().toString();
    }

    private static void problem(Item item, Writer out) throws IOException {
        String where = item.location() == null ? "" : PlainText.line(item.location().toString()) + ": ";
        out.write(String.format(Locale.ROOT, "%-6s %s%s [%s]%n", statusLabel(item), where,
                PlainText.block(item.message(), CONTINUATION), PlainText.line(item.id())));
        if (item.remediation() != null) {
            out.write("       fix: " + PlainText.block(item.remediation(), CONTINUATION) + "\n");
        }
        if (item.waiver() != null) {
            out.write("       waived until " + item.waiver().expires()
                    + (item.waiver().owner() == null ? "" : " by " + PlainText.line(item.waiver().owner()))
                    + ": " + PlainText.block(item.waiver().reason(), CONTINUATION) + "\n");
        }
    }
}

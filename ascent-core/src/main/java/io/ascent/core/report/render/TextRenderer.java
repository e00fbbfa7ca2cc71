package io.ascent.core.report.render;

import io.ascent.core.report.ErrorKind;
import io.ascent.core.report.FailOn;
import io.ascent.core.report.FileGroups;
import io.ascent.core.report.Item;
import io.ascent.core.report.LogEntry;
import io.ascent.core.report.Report;
import io.ascent.core.report.ReportHeader;
import io.ascent.core.report.Status;
import io.ascent.core.report.Summary;
import io.ascent.core.report.Verdict;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Plain text for terminals and build logs, in the order people act on it: the header (what was judged), the findings
 * grouped by file with the files that fail first, each line starting {@code STATUS path:line:col:} so terminals,
 * editors and Jenkins make it a link; then how many waived and skipped items are not shown, a table of counts per
 * check, and the one-line verdict. {@link Detail#VERBOSE} lists every item; {@link Detail#QUIET} only what fails and
 * the verdict. Every text from the repository goes through {@link PlainText}: no escape sequence reaches the terminal
 * and no line starts where the repository wants one to.
 */
public final class TextRenderer implements Renderer {
    /** A message's further lines are indented under it, so none can pass for an item of its own. */
    private static final String CONTINUATION = "       ";
    private static final List<Status> TABLE_COLUMNS = List.of(Status.PASS, Status.FAIL, Status.WARN, Status.INFO,
            Status.ERROR, Status.SKIP, Status.WAIVED);

    private final Detail detail;

    /** The default detail: findings, counts, table, verdict. */
    public TextRenderer() {
        this(Detail.NORMAL);
    }

    public TextRenderer(Detail detail) {
        this.detail = detail;
    }

    @Override
    public void render(Report report, Writer writer) throws IOException {
        StringWriter text = new StringWriter();
        write(report, text);
        // Sections open with a blank line; with no header above (quiet), the first one would start the output.
        writer.write(detail == Detail.QUIET ? text.toString().stripLeading() : text.toString());
    }

    private void write(Report report, Writer out) throws IOException {
        if (detail != Detail.QUIET) {
            header(report, out);
        }
        log(report, out);
        Predicate<Item> shown = switch (detail) {
            case QUIET -> report::isGating;
            case NORMAL -> item -> item.status().isFinding() && item.status() != Status.WAIVED;
            case VERBOSE -> item -> true;
        };
        for (FileGroups.Group group : FileGroups.of(report.items().stream().filter(shown).toList())) {
            // The heading starts with Ascent's words: a file named "PASS   repo.secrets" cannot pass for an item.
            out.write("\n" + (group.path() == null ? "(items without a file)" : "file: " + PlainText.line(group.path()))
                    + "\n");
            for (Item item : group.items()) {
                item(item, out);
            }
        }
        if (detail == Detail.QUIET) {
            verdict(report, out);
            return;
        }
        Summary s = report.summary();
        if (detail == Detail.NORMAL && s.waived() + s.skipped() > 0) {
            out.write("\n" + hidden(s) + " not listed; -v lists them with their reasons\n");
        }
        table(report, out);
        verdict(report, out);
    }

    private static void header(Report report, Writer out) throws IOException {
        out.write("Ascent " + PlainText.line(report.subject()) + "\n");
        ReportHeader header = report.header();
        if (header.repository() != null) {
            out.write("repository: " + PlainText.line(header.repository()) + "\n");
        }
        if (header.commit() != null) {
            out.write("commit: " + PlainText.line(header.commit()) + "\n");
        }
        if (report.checklist() != null) {
            out.write("checklist: " + PlainText.line(report.checklist()) + "\n");
        }
        if (header.kubernetesVersion() != null) {
            out.write("target Kubernetes version: " + PlainText.line(header.kubernetesVersion()) + "\n");
        }
    }

    /** The run's own lines; quiet keeps only errors, which say why a run failed without a failing item. */
    private void log(Report report, Writer out) throws IOException {
        for (LogEntry entry : report.log()) {
            String message = PlainText.block(entry.message(), CONTINUATION);
            switch (entry.level()) {
                case DEBUG -> {
                }
                case INFO -> {
                    if (detail != Detail.QUIET) {
                        out.write(message + "\n");
                    }
                }
                case WARN -> {
                    if (detail != Detail.QUIET) {
                        out.write("warning: " + message + "\n");
                    }
                }
                case ERROR -> out.write("error: " + message + "\n");
            }
        }
    }

    private static String hidden(Summary s) {
        if (s.skipped() == 0) {
            return s.waived() + " waived";
        }
        return (s.waived() == 0 ? "" : s.waived() + " waived and ") + s.skipped() + " skipped";
    }

    /** One line per check: how many items of each status it produced. */
    private static void table(Report report, Writer out) throws IOException {
        Map<String, Summary> byCheck = report.summaryByCheck();
        if (byCheck.isEmpty()) {
            return;
        }
        int width = Math.max("check".length(), byCheck.keySet().stream().mapToInt(id -> PlainText.line(id).length())
                .max().orElse(0));
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%n%-" + width + "s", "check"));
        // A baselined column only where a baseline is in use: most runs have none.
        List<Status> columns = new ArrayList<>(TABLE_COLUMNS);
        if (report.summary().baselined() > 0) {
            columns.add(Status.BASELINED);
        }
        for (Status status : columns) {
            line.append(String.format(Locale.ROOT, " %" + Math.max(6, status.label().length()) + "s",
                    status.label()));
        }
        out.write(line.append('\n').toString());
        for (Map.Entry<String, Summary> check : byCheck.entrySet()) {
            line.setLength(0);
            line.append(String.format(Locale.ROOT, "%-" + width + "s", PlainText.line(check.getKey())));
            for (Status status : columns) {
                int count = check.getValue().count(status);
                line.append(String.format(Locale.ROOT, " %" + Math.max(6, status.label().length()) + "s",
                        count == 0 ? "-" : String.valueOf(count)));
            }
            out.write(line.append('\n').toString());
        }
    }

    private static void verdict(Report report, Writer out) throws IOException {
        if (report.interrupted()) {
            out.write("\ninterrupted: the run was cancelled before it finished; the items above are partial");
        }
        Verdict verdict = report.verdict();
        out.write("\nresult: " + verdict.name().replace('_', ' ') + " (exit " + report.exitStatus()
                + (report.failOn() == FailOn.WARNING ? ", failing on warnings" : "") + "): "
                + report.summary().describe() + "\n");
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

    private static void item(Item item, Writer out) throws IOException {
        String where = item.location() == null ? "" : PlainText.line(item.location().toString()) + ": ";
        String message = item.message().isEmpty() ? item.title() : item.message();
        out.write(String.format(Locale.ROOT, "%-6s %s%s [%s]%n", statusLabel(item), where,
                PlainText.block(message, CONTINUATION), PlainText.line(item.id())));
        if (item.remediation() != null && item.status() != Status.PASS) {
            out.write(CONTINUATION + "fix: " + PlainText.block(item.remediation(), CONTINUATION) + "\n");
        }
        if (item.waiver() != null) {
            out.write(CONTINUATION + "waived until " + item.waiver().expires()
                    + (item.waiver().owner() == null ? "" : " by " + PlainText.line(item.waiver().owner()))
                    + ": " + PlainText.block(item.waiver().reason(), CONTINUATION) + "\n");
        }
    }
}

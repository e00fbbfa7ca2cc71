package io.ascent.jenkins.model;

import hudson.console.HyperlinkNote;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.ascent.core.report.FileGroups;
import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import java.io.PrintStream;
import java.util.Map;

/** What a validation leaves in the build log: each failed item at {@code path:line}, the files, a link to the page. */
public final class ConsoleReport {

    /** A log is read by people: past this many failed items, the report page has the rest. */
    static final int MAX_LINES = 100;

    private ConsoleReport() {
    }

    public static void print(TaskListener listener, Run<?, ?> run, AscentResultAction action, Report report,
            Map<String, String> files) {
        PrintStream log = listener.getLogger();
        // In the order of the text report: grouped by file, so a file's failures read together.
        java.util.List<Item> gating = FileGroups.of(report.gatingItems()).stream()
                .flatMap(group -> group.items().stream()).toList();
        for (Item item : gating.subList(0, Math.min(gating.size(), MAX_LINES))) {
            log.println("[ascent] " + item.status().label().toUpperCase(java.util.Locale.ROOT) + " "
                    + (item.location() == null ? "" : item.location() + ": ") + item.message()
                    + " [" + item.id() + "]");
        }
        if (gating.size() > MAX_LINES) {
            log.println("[ascent] ... and " + (gating.size() - MAX_LINES) + " more failed items on the report page");
        }
        files.forEach((format, path) -> log.println("[ascent] " + format + " report: " + path));
        log.println("[ascent] " + verdictLine(report) + ": "
                + HyperlinkNote.encodeTo("/" + run.getUrl() + action.getUrlName() + "/", action.getDisplayName()));
    }

    /** The stage's warning: how many items gate the build and their ids, for instance {@code 2 failed: a, b}. */
    public static String stageMessage(Report report) {
        java.util.List<String> ids = report.gatingItems().stream().map(Item::id).distinct().toList();
        String shown = String.join(", ", ids.subList(0, Math.min(ids.size(), 10)))
                + (ids.size() > 10 ? ", ..." : "");
        String head = "Ascent: " + report.gatingItems().size() + " gating item"
                + (report.gatingItems().size() == 1 ? "" : "s");
        return ids.isEmpty() ? "Ascent: " + verdictLine(report) : head + " (" + shown + ")";
    }

    /** For instance {@code 2 failed, 10 passed of 12 items}: the log's last line and the stage's warning. */
    public static String verdictLine(Report report) {
        return SummaryModel.headline(report.summary(), report.environmentFailed());
    }
}

package io.ascent.jenkins.model;

import io.ascent.core.Ascent;
import io.ascent.core.ValidateOptions;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.report.Report;
import io.ascent.core.report.view.FileGroup;
import io.ascent.core.report.view.ItemView;
import io.ascent.core.report.view.PhaseView;
import io.ascent.core.report.view.ReportView;
import io.ascent.core.report.view.StatusGroup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Draws the build page's Ascent parts as static HTML from the view models the Jelly views read (summary row, report
 * page, the stage's warning), for docs/jenkins.md. Not a test: {@code tools/jenkins-page-preview.sh} runs it and
 * photographs the page.
 */
public final class PagePreview {

    private PagePreview() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Report report = new Ascent().validate(ValidateOptions.of(Path.of(args[0])), ProgressListener.SILENT);
        Files.writeString(Path.of(args[1]), html(report), StandardCharsets.UTF_8);
    }

    static String html(Report report) {
        SummaryModel summary = new SummaryModel(report);
        ReportView page = ReportView.of(report);
        StringBuilder out = new StringBuilder("""
                <!doctype html><html><head><meta charset="utf-8"><style>
                body{font-family:'DejaVu Sans',sans-serif;font-size:13px;margin:0;color:#14141f;background:#fff}
                .bar{background:#14141f;color:#fff;padding:10px 16px;font-weight:bold}
                .crumbs{padding:8px 16px;border-bottom:1px solid #ddd;color:#555}
                .main{padding:12px 24px} h1{font-size:20px} h2{font-size:16px;margin-top:18px} h3{font-size:13px}
                .row{border:1px solid #ddd;border-radius:6px;padding:10px 14px;margin:8px 0;max-width:900px}
                .stage{display:inline-block;border:1px solid #ddd;border-radius:6px;padding:8px 14px;margin-right:8px}
                .unstable{background:#fff4d6;border-color:#e0a800} .ok{background:#e6f4ea;border-color:#2e7d32}
                .failed{background:#fde7e9;border-color:#c62828}
                code{background:#f2f2f2;padding:1px 4px;border-radius:3px} table{border-collapse:collapse;width:100%}
                td,th{border-bottom:1px solid #e5e5e5;padding:4px 8px;text-align:left;vertical-align:top}
                .tag{font-weight:bold;text-transform:uppercase;font-size:11px}
                </style></head><body><div class="bar">Jenkins</div>
                <div class="crumbs">Dashboard &#8250; app &#8250; #12</div><div class="main">
                """);
        out.append("<h1>Build #12</h1><h2>Stage view</h2><div>")
                .append("<span class=\"stage ok\">Build and test<br><small>4 min 2 s</small></span>")
                .append("<span class=\"stage ").append(summary.isPassed() ? "ok" : "failed").append("\">")
                .append("Validate the example application<br><small>")
                .append(escape(ConsoleReport.stageMessage(report))).append("</small></span></div>");
        out.append("<h2>Build page: summary row (summary.jelly)</h2><div class=\"row\"><b>Ascent report</b>: ")
                .append(escape(summary.getHeadline())).append("<ul>");
        for (ItemView item : summary.getItems()) {
            out.append("<li><span class=\"tag\">").append(escape(item.getStatusLabel())).append("</span> ");
            if (!item.getLocation().isEmpty()) {
                out.append("<code>").append(escape(item.getLocation())).append("</code>");
            }
            out.append(": ").append(escape(item.getMessage())).append(" <small>[").append(escape(item.getId()))
                    .append("]</small>");
            if (!item.getFix().isEmpty()) {
                out.append("<br><i>fix:</i> ").append(escape(item.getFix()));
            }
            out.append("</li>");
        }
        out.append("</ul>");
        if (summary.getMore() > 0) {
            out.append("<div>").append(summary.getMore()).append(" more on the report page</div>");
        }
        out.append("</div><h2>Report page: <code>/job/app/12/ascent/</code> (index.jelly)</h2><div class=\"row\">")
                .append("<p><b>").append(escape(page.getSubject())).append("</b>, checklist <code>")
                .append(escape(page.getChecklist())).append("</code>: ").append(escape(page.getHeadline()))
                .append("</p>");
        if (!page.getPhases().isEmpty()) {
            out.append("<h2>Phases</h2><table>");
            for (PhaseView phase : page.getPhases()) {
                out.append("<tr><td style=\"").append(phase.isNested() ? "padding-left:2em" : "").append("\">")
                        .append(escape(phase.getName())).append("</td><td>").append(phase.getDuration())
                        .append("</td><td>").append(phase.getOutcome()).append("</td><td style=\"width:50%\">")
                        .append("<div style=\"margin-left:").append(phase.getOffset()).append("%;width:")
                        .append(phase.getWidth()).append("%;height:0.8em;background:")
                        .append(phase.getOutcome().equals("completed") ? "#138347" : "#e6001f")
                        .append("\"></div></td></tr>");
            }
            out.append("</table>");
        }
        for (StatusGroup group : page.getGroups()) {
            out.append("<h2>").append(escape(group.getLabel())).append(" (").append(group.getCount()).append(")</h2>");
            for (FileGroup file : group.getFiles()) {
                out.append("<h3><code>").append(escape(file.getPath().isEmpty() ? "(no file)" : file.getPath()))
                        .append("</code></h3><table><tr><th>where</th><th>id</th><th>what</th><th>fix</th></tr>");
                for (ItemView item : file.getItems()) {
                    out.append("<tr><td><code>").append(escape(item.getLocation())).append("</code></td><td>")
                            .append(escape(item.getId())).append("</td><td>").append(escape(item.getMessage()))
                            .append("</td><td>").append(escape(item.getFix())).append("</td></tr>");
                }
                out.append("</table>");
            }
        }
        return out.append("</div></div></body></html>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

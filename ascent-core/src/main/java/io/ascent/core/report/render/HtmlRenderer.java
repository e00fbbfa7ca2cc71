package io.ascent.core.report.render;

import io.ascent.core.AscentVersion;
import io.ascent.core.report.Report;
import io.ascent.core.report.view.CheckCount;
import io.ascent.core.report.view.ExcerptLine;
import io.ascent.core.report.view.FileGroup;
import io.ascent.core.report.view.ItemView;
import io.ascent.core.report.view.PhaseView;
import io.ascent.core.report.view.ReportView;
import io.ascent.core.report.view.StatusCount;
import io.ascent.core.report.view.StatusGroup;
import io.ascent.core.report.view.WaiverView;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * One self-contained HTML page laid out from {@link ReportView}: problems first, by file, with the source lines
 * around each finding, filters by status and check, the waivers with their expiry, the phases as a timeline. It loads
 * nothing: its only style and script are inline, allowed by hash in a Content-Security-Policy that forbids
 * everything else (no network, no other script, no style attributes, no forms posted anywhere). Without script it
 * shows everything, folded by status; the script only adds the filters. Every text is HTML-escaped here, after the
 * view model has made control and direction characters visible.
 */
public final class HtmlRenderer implements Renderer {
    private static final String CSS = resource("report.css");
    private static final String JS = resource("report.js");
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + sha256(CSS)
            + "'; script-src '" + sha256(JS) + "'; base-uri 'none'; form-action 'none'";

    @Override
    public void render(Report report, Writer out) throws IOException {
        ReportView view = ReportView.of(report);
        out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.write("<meta http-equiv=\"Content-Security-Policy\" content=\"" + CONTENT_SECURITY_POLICY + "\">\n");
        out.write("<meta name=\"referrer\" content=\"no-referrer\">\n");
        out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.write("<title>Ascent: " + esc(view.getVerdict()) + ": " + esc(view.getSubject()) + "</title>\n");
        out.write("<style>" + CSS + "</style>\n</head>\n<body>\n");
        header(view, out);
        out.write("<main>\n");
        filters(view, out);
        for (StatusGroup group : view.getGroups()) {
            group(group, out);
        }
        waivers(view, out);
        phases(view, out);
        if (!view.getLog().isEmpty()) {
            out.write("<section id=\"log\"><h2>Log</h2>\n<ul>\n");
            for (String line : view.getLog()) {
                out.write("<li class=\"message\">" + esc(line) + "</li>\n");
            }
            out.write("</ul></section>\n");
        }
        out.write("</main>\n<footer>Ascent " + esc(AscentVersion.get()) + ", report format " + Report.FORMAT_VERSION
                + ", written " + esc(view.getCreatedAt()) + "</footer>\n");
        out.write("<script>" + JS + "</script>\n</body>\n</html>\n");
    }

    private static void header(ReportView view, Writer out) throws IOException {
        out.write("<header class=\"" + esc(view.getVerdictClass()) + "\">\n<h1>Ascent report <span class=\"verdict\">"
                + esc(view.getVerdict()) + "</span> <small>exit " + view.getExitStatus() + "</small></h1>\n");
        out.write("<p class=\"meta\"><code>" + esc(view.getSubject()) + "</code>"
                + (view.getChecklist().isEmpty() ? "" : ", checklist <code>" + esc(view.getChecklist()) + "</code>")
                + "</p>\n");
        StringBuilder judged = new StringBuilder();
        if (!view.getRepository().isEmpty()) {
            judged.append("repository <code>").append(esc(view.getRepository())).append("</code>");
        }
        if (!view.getCommit().isEmpty()) {
            judged.append(" at <code>").append(esc(view.getCommit())).append("</code>");
        }
        if (!view.getKubernetesVersion().isEmpty()) {
            judged.append(judged.isEmpty() ? "" : ", ").append("Kubernetes ").append(esc(view.getKubernetesVersion()));
        }
        judged.append(judged.isEmpty() ? "" : ", ").append("fails on ").append(esc(view.getFailOn())).append("s");
        out.write("<p class=\"meta\">" + judged + "</p>\n");
        out.write("<p class=\"headline\">" + esc(view.getHeadline()) + "</p>\n");
        if (view.isInterrupted()) {
            out.write("<p class=\"banner\">The run was cancelled before it finished: the items below are partial.</p>\n");
        }
        out.write("</header>\n");
    }

    /** Hidden until the script shows it: without script there is nothing to filter with. */
    private static void filters(ReportView view, Writer out) throws IOException {
        out.write("<form id=\"filters\" class=\"filters\" hidden>\n<fieldset><legend>Status</legend>\n");
        for (StatusCount status : view.getStatuses()) {
            // Passing and skipped items start filtered out: the page opens on what needs action.
            boolean shown = !"pass".equals(status.getStatus()) && !"skip".equals(status.getStatus());
            out.write("<label><input type=\"checkbox\" name=\"status\" value=\"" + esc(status.getStatus()) + "\""
                    + (shown ? " checked" : "") + "> " + esc(status.getLabel()) + " (" + status.getCount()
                    + ")</label>\n");
        }
        out.write("</fieldset>\n<label>Check <select name=\"check\">\n<option value=\"\">every check</option>\n");
        for (CheckCount check : view.getChecks()) {
            out.write("<option value=\"" + esc(check.getId()) + "\">" + esc(check.getId()) + " (" + check.getCount()
                    + ")</option>\n");
        }
        out.write("</select></label>\n</form>\n");
    }

    private static void group(StatusGroup group, Writer out) throws IOException {
        out.write("<section class=\"group\" id=\"" + esc(group.getStatus()) + "\">\n<details"
                + (group.isProblem() ? " open" : "") + "><summary><h2>" + esc(group.getLabel()) + " ("
                + group.getCount() + ")</h2></summary>\n<div class=\"files\">\n");
        for (FileGroup file : group.getFiles()) {
            out.write("<div class=\"file\">\n<h3>" + (file.getPath().isEmpty() ? "(no file)"
                    : "<code>" + esc(file.getPath()) + "</code>") + "</h3>\n");
            for (ItemView item : file.getItems()) {
                item(item, out);
            }
            out.write("</div>\n");
        }
        out.write("</div>\n</details>\n</section>\n");
    }

    private static void item(ItemView item, Writer out) throws IOException {
        out.write("<article class=\"item " + esc(item.getStatus()) + "\" data-status=\"" + esc(item.getStatus())
                + "\" data-check=\"" + esc(item.getId()) + "\">\n");
        out.write("<p><span class=\"badge " + esc(item.getStatus()) + "\">" + esc(item.getStatusLabel()) + "</span> "
                + (item.getLocation().isEmpty() ? "" : "<code>" + esc(item.getLocation()) + "</code> ")
                + "<span class=\"check\">" + esc(item.getId()) + ": " + esc(item.getTitle()) + "</span></p>\n");
        out.write("<p class=\"message\">" + esc(item.getMessage()) + "</p>\n");
        if (!item.getFix().isEmpty()) {
            out.write("<p class=\"fix\"><b>Fix:</b> " + esc(item.getFix()) + "</p>\n");
        }
        if (!item.getWaiver().isEmpty()) {
            out.write("<p class=\"waiver\"><b>Waived:</b> " + esc(item.getWaiver()) + "</p>\n");
        }
        if (!item.getExcerpt().isEmpty()) {
            out.write("<pre class=\"excerpt\"><code>");
            for (ExcerptLine line : item.getExcerpt()) {
                String tag = line.isFinding() ? "mark" : "span";
                out.write("<" + tag + "><b>" + line.getNumber() + "</b>" + esc(line.getText()) + "</" + tag + ">");
            }
            out.write("</code></pre>\n");
        }
        out.write("</article>\n");
    }

    private static void waivers(ReportView view, Writer out) throws IOException {
        if (view.getWaivers().isEmpty()) {
            return;
        }
        out.write("<section id=\"waivers\"><h2>Waivers</h2>\n<table>\n<thead><tr><th>expires</th><th>reason</th>"
                + "<th>owner</th><th>excused</th></tr></thead>\n<tbody>\n");
        for (WaiverView waiver : view.getWaivers()) {
            out.write("<tr><td" + (waiver.isExpiringSoon() ? " class=\"soon\"" : "") + ">" + esc(waiver.getExpires())
                    + " (" + esc(waiver.getExpiry()) + ")</td><td class=\"message\">" + esc(waiver.getReason())
                    + "</td><td>" + esc(waiver.getOwner()) + "</td><td>" + waiver.getCount() + " in <code>"
                    + esc(String.join(", ", waiver.getChecks())) + "</code></td></tr>\n");
        }
        out.write("</tbody>\n</table></section>\n");
    }

    /** SVG attributes, not style attributes, place the bars: the policy allows no inline style. */
    private static void phases(ReportView view, Writer out) throws IOException {
        if (view.getPhases().isEmpty()) {
            return;
        }
        out.write("<section id=\"phases\"><h2>Phases</h2>\n<table>\n<thead><tr><th>phase</th><th>took</th>"
                + "<th>outcome</th><th>timeline</th></tr></thead>\n<tbody>\n");
        for (PhaseView phase : view.getPhases()) {
            out.write("<tr><td>" + (phase.isNested() ? "&#8627; " : "") + esc(phase.getName()) + "</td><td>"
                    + esc(phase.getDuration()) + "</td><td>" + esc(phase.getOutcome()) + "</td><td>"
                    + "<svg class=\"bar\" viewBox=\"0 0 100 4\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\""
                    + esc(phase.getName() + " " + phase.getDuration()) + "\"><rect class=\"" + esc(phase.getOutcome())
                    + "\" x=\"" + phase.getOffset() + "\" y=\"0\" width=\"" + phase.getWidth()
                    + "\" height=\"4\"/></svg></td></tr>\n");
        }
        out.write("</tbody>\n</table></section>\n");
    }

    /** Text for an element or a double-quoted attribute. */
    static String esc(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String resource(String name) {
        try (InputStream in = HtmlRenderer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return "sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}

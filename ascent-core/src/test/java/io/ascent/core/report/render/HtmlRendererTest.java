package io.ascent.core.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import io.ascent.core.report.PhaseRecord;
import io.ascent.core.report.Report;
import io.ascent.core.report.Severity;
import io.ascent.core.report.SourceExcerpt;
import io.ascent.core.report.Status;
import io.ascent.core.report.Waiver;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The HTML report: one inert, self-contained page; problems first with their lines; every text escaped. */
class HtmlRendererTest {
    private static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");
    private static final Pattern TAG = Pattern.compile("<(/?[a-zA-Z][a-zA-Z0-9]*)");

    private static Report report(String name) {
        return new Report(name, name + "/ascent.yaml", AT, List.of(
                Item.builder("manifest.probes", "Containers have probes").severity(Severity.ERROR)
                        .problem("'" + name + "' has no readiness probe").location(new Location(name, 3, 5))
                        .remediation("add a probe to '" + name + "'").build(),
                Item.builder("repo.required", "Required files").message("found '" + name + "'").build(),
                Item.builder("manifest.resources", "Resources").severity(Severity.WARNING)
                        .problem("no limits in " + name).location(new Location("k8s/b.yaml", 2, 1)).build()
                        .waivedBy(new Waiver("sizing " + name, name, LocalDate.parse("2026-12-05")))),
                List.of(), false, List.of(new PhaseRecord("manifests", null, AT, Duration.ofMillis(40),
                        PhaseRecord.Outcome.COMPLETED)), false, null, null,
                List.of(new SourceExcerpt(name, 1, List.of("kind: Pod", "spec:", "  name: " + name, "  x: 1"))));
    }

    private static String render(Report report) throws IOException {
        StringWriter out = new StringWriter();
        new HtmlRenderer().render(report, out);
        return out.toString();
    }

    private static List<String> tags(String html) {
        Matcher matcher = TAG.matcher(html);
        return matcher.results().map(result -> result.group(1)).toList();
    }

    static Stream<String> hostile() {
        return Stream.concat(HostileNamesTest.names(), Stream.of(
                "<script>alert(1)</script>.yaml",
                "\"><img src=x onerror=alert(1)>.yaml",
                "' onmouseover='alert(1)'.yaml",
                "</code></pre></article><script src=https://evil.example/x.js></script>",
                "&lt;already escaped&gt; &amp; <!-- comment -->.yaml",
                "deploy/\u202Egnp.exe",
                "<style>body{display:none}</style>"));
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void shouldKeepEveryHostileTextInertText(String name) throws IOException {
        String html = render(report(name));

        assertThat(tags(html)).as("no tag added by the text").isEqualTo(tags(render(report("plain.yaml"))));
        assertThat(html).doesNotContain("\u202E", "\u001b", "\r");
        if (name.chars().anyMatch(c -> "<>&\"'".indexOf(c) >= 0)) {
            assertThat(html).doesNotContain(name);
        }
    }

    @Test
    void shouldShowBidiOverridesAsEscapes() throws IOException {
        assertThat(render(report("deploy/\u202Egnp.exe"))).contains("deploy/\\u202Egnp.exe");
    }

    @Test
    void shouldAllowOnlyItsOwnInlineStyleAndScript() throws Exception {
        String html = render(report("k8s/a.yaml"));

        String style = between(html, "<style>", "</style>");
        String script = between(html, "<script>", "</script>");
        assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                + "style-src '" + sha256(style) + "'; script-src '" + sha256(script) + "'; base-uri 'none'; "
                + "form-action 'none'\">");
        assertThat(html).doesNotContainPattern("(?i)(src|href)=\"(https?:)?//").doesNotContain(" style=\"")
                .doesNotContainPattern("(?i) on[a-z]+=");
        assertThat(tags(html).stream().filter("script"::equals)).hasSize(1);
    }

    @Test
    void shouldShowProblemsFirstByFileWithTheirLinesAndFoldTheRest() throws IOException {
        String html = render(report("k8s/a.yaml"));

        assertThat(html.indexOf("<section class=\"group\" id=\"fail\">"))
                .isLessThan(html.indexOf("<section class=\"group\" id=\"waived\">"))
                .isLessThan(html.indexOf("<section class=\"group\" id=\"pass\">"));
        assertThat(html).contains("<section class=\"group\" id=\"fail\">\n<details open><summary><h2>FAIL (1)</h2>")
                .contains("<section class=\"group\" id=\"pass\">\n<details><summary><h2>PASS (1)</h2>")
                .contains("<h3><code>k8s/a.yaml</code></h3>")
                .contains("<pre class=\"excerpt\"><code><span><b>1</b>kind: Pod</span><span><b>2</b>spec:</span>"
                        + "<mark><b>3</b>  name: k8s/a.yaml</mark><span><b>4</b>  x: 1</span></code></pre>");
    }

    @Test
    void shouldListWaiversWithTheirExpiryAndPhasesAsATimeline() throws IOException {
        String html = render(report("k8s/a.yaml"));

        assertThat(html).contains("<tr><td class=\"soon\">2026-12-05 (5 days left)</td><td class=\"message\">"
                + "sizing k8s/a.yaml</td><td>k8s/a.yaml</td><td>1 in <code>manifest.resources</code></td></tr>");
        assertThat(html).contains("<rect class=\"completed\" x=\"0.0\" y=\"0\" width=\"100.0\" height=\"4\"/>");
    }

    @Test
    void shouldOfferFiltersOnlyToReadersWithScript() throws IOException {
        String html = render(report("k8s/a.yaml"));

        assertThat(html).contains("<form id=\"filters\" class=\"filters\" hidden>")
                .contains("<label><input type=\"checkbox\" name=\"status\" value=\"fail\" checked> FAIL (1)</label>")
                .contains("<label><input type=\"checkbox\" name=\"status\" value=\"pass\"> PASS (1)</label>")
                .contains("<option value=\"manifest.probes\">manifest.probes (1)</option>")
                .contains("data-status=\"fail\" data-check=\"manifest.probes\"");
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }

    private static String sha256(String text) throws Exception {
        return "sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}

package io.ascent.core.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import io.ascent.core.report.Report;
import io.ascent.core.report.Severity;
import io.ascent.core.report.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomNode;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/**
 * File names and quoted values are chosen by whoever opens a pull request. Whatever they hold, each format shows
 * them as text: no forged lines, no terminal escape sequences, no Markdown links, images, HTML or mentions, valid
 * SARIF URIs, well-formed JSON and XML that give the text back.
 */
class HostileNamesTest {
    private static final String ESC = "\u001b";

    /** Sixteen names a git tree can hold (no NUL, no empty segment), each aimed at one format. */
    static Stream<String> names() {
        return Stream.of(
                "deploy/" + ESC + "[2J" + ESC + "[1;1Hclean.yaml",
                "deploy/" + ESC + "]8;;https:evil.example/" + ESC + "\\click" + ESC + "]8;;" + ESC + "\\.yaml",
                "a.yaml\nPASS   repo.secrets: no secret found",
                "a.yaml\rPASS   forged over the line",
                "a.yaml\r\nPASS   repo.required: all there",
                "docs/`](https:evil.example/x)`.md",
                "docs/``![img](https:evil.example/i.png)``.md",
                "docs/a` <img src=x onerror=alert(1)> `.md",
                "docs/@octocat please merge.md",
                "docs/| FAIL | forged | cell |.md",
                "docs/[link](javascript:alert(1)).md",
                "docs/www.evil.example and https:evil.example.md",
                "src/\u202eexe.txt",
                "100% sure #1 ?query=x:y.yaml",
                "C:\\windows\\path\u0085next.yaml",
                "emoji/\uD83D\uDE00 \u00e9\u00e8 \u4e2d\u6587.yaml");
    }

    private static Report reportAbout(String name) {
        return new Report(name, name, Instant.parse("2026-11-30T00:00:00Z"), List.of(
                Item.builder("repo.forbidden", "Forbidden files are absent").severity(Severity.ERROR)
                        .problem("'" + name + "' is forbidden").location(new Location(name, 3, 1))
                        .remediation("remove '" + name + "', see https://evil.example/" + name).build(),
                Item.builder("repo.required", "Required files are committed")
                        .message("found '" + name + "'").build()), List.of(), false);
    }

    private static String render(Format format, Report report) throws IOException {
        StringWriter out = new StringWriter();
        // Verbose: every item is listed in text, so a forged line would show.
        format.renderer(RenderOptions.DEFAULTS.withDetail(Detail.VERBOSE)).render(report, out);
        return out.toString();
    }

    @ParameterizedTest
    @MethodSource("names")
    void shouldNeitherForgeLinesNorSendEscapesInText(String name) throws IOException {
        String text = render(Format.TEXT, reportAbout(name));
        assertThat(text).doesNotContain(ESC, "\r", "\u202e", "\u0085");
        assertThat(text.lines().filter(line -> line.startsWith("PASS"))).hasSize(1);
        assertThat(text.lines().filter(line -> line.startsWith("FAIL"))).hasSize(1);
        assertThat(text.lines().filter(line -> line.startsWith("file: "))).hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("names")
    void shouldKeepMarkdownInertAndTheTableWhole(String name) throws IOException {
        String markdown = render(Format.MARKDOWN, reportAbout(name));
        Node document = Parser.builder()
                .extensions(List.of(TablesExtension.create(), AutolinkExtension.create())).build().parse(markdown);
        List<String> found = new ArrayList<>();
        StringBuilder visible = new StringBuilder();
        int[] cells = new int[2];
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                found.add("link " + link.getDestination());
            }

            @Override
            public void visit(Image image) {
                found.add("image " + image.getDestination());
            }

            @Override
            public void visit(HtmlInline html) {
                if (!html.getLiteral().equals("<br>")) {
                    found.add("html " + html.getLiteral());
                }
            }

            @Override
            public void visit(HtmlBlock html) {
                if (!html.getLiteral().startsWith("<details>") && !html.getLiteral().startsWith("</details>")) {
                    found.add("html block " + html.getLiteral());
                }
            }

            @Override
            public void visit(Text text) {
                visible.append(text.getLiteral()).append('\n');
            }

            @Override
            public void visit(CustomNode node) {
                if (node instanceof TableRow) {
                    cells[0]++;
                } else if (node instanceof TableCell) {
                    cells[1]++;
                }
                visitChildren(node);
            }
        });
        assertThat(found).isEmpty();
        // Counts (header, fail, pass, total: 4 rows of 2), the failure and the pass (2 rows of 4 each), the counts
        // per check (header and 2 checks: 3 rows of 8): a name that added a row or a cell would change these.
        assertThat(cells).as("rows and cells").containsExactly(11, 48);
        assertThat(visible.toString()).doesNotContainPattern("@[A-Za-z0-9]|https?:[a-z/]|www\\.").doesNotContain(ESC, "\u202e");
        assertThat(markdown.lines().filter(line -> line.startsWith("| FAIL"))).hasSize(1);
    }

    @ParameterizedTest
    @MethodSource("names")
    void shouldWriteAValidSarifUriThatResolvesToTheName(String name) throws IOException {
        String uri = SarifRenderer.uri(name);
        URI parsed = URI.create(uri);
        assertThat(parsed.isAbsolute()).as("a relative reference, not a scheme").isFalse();
        assertThat(URI.create("file:///src/").resolve(parsed).getPath()).isEqualTo("/src/" + name);
        assertThat(render(Format.SARIF, reportAbout(name))).contains("\"uri\" : \"" + uri + "\"");
    }

    @ParameterizedTest
    @MethodSource("names")
    void shouldGiveTheNameBackFromJsonAndJUnit(String name) throws Exception {
        Report report = reportAbout(name);
        Set<String> strings = new java.util.HashSet<>();
        try (JsonParser json = new JsonFactory().createParser(render(Format.JSON, report))) {
            for (JsonToken token = json.nextToken(); token != null; token = json.nextToken()) {
                if (token == JsonToken.VALUE_STRING) {
                    strings.add(json.getText());
                }
            }
        }
        assertThat(strings).contains(name, "'" + name + "' is forbidden");

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document xml = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                render(Format.JUNIT, report).getBytes(StandardCharsets.UTF_8)));
        assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(2);
        assertThat(xml.getElementsByTagName("failure").getLength()).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("names")
    void shouldNotBreakTheTextReportForAPassingItemEither(String name) throws IOException {
        Report report = new Report("s", null, Instant.parse("2026-11-30T00:00:00Z"), List.of(
                Item.builder("x", "t").status(Status.PASS).message(name).build()), List.of(), false);
        assertThat(render(Format.TEXT, report).lines().filter(line -> line.startsWith("PASS"))).hasSize(1);
    }
}

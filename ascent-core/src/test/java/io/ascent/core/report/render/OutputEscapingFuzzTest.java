package io.ascent.core.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import io.ascent.core.report.Report;
import io.ascent.core.report.Severity;
import io.ascent.core.report.Status;
import java.io.StringWriter;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * Fuzzes what the renderers do with repository text: whatever a file name and a message hold, the text report has
 * exactly the lines Ascent writes and no control character, the Markdown table keeps its rows, and the SARIF URI
 * parses and resolves back to the name. The default test run replays the seeds; the {@code fuzz-output}
 * execution fuzzes for a bounded time.
 */
class OutputEscapingFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void shouldKeepEveryFormatIntactWhateverTheText(FuzzedDataProvider data) throws Exception {
        String name = data.consumeString(200).replace("\0", "");
        String message = data.consumeRemainingAsString();
        if (name.isEmpty() || name.startsWith("/") || name.endsWith("/")
                || java.util.Arrays.stream(name.split("/")).anyMatch(s -> s.isEmpty() || s.equals(".") || s.equals(".."))) {
            return; // not a path a git tree can hold
        }
        Report report = new Report("s", null, Instant.EPOCH, List.of(
                Item.builder("repo.forbidden", "t").severity(Severity.ERROR).problem(message)
                        .location(new Location(name, 1, 1)).remediation(message).build(),
                Item.builder("repo.required", "t").status(Status.PASS).message(message).build()), List.of(), false);

        // -v lists the pass too: one line per item whatever the name and message hold (a line feed in either
        // must not start a forged item line); the file heading starts with Ascent's own words.
        StringWriter text = new StringWriter();
        new TextRenderer(Detail.VERBOSE).render(report, text);
        for (String line : text.toString().split("\n", -1)) {
            assertThat(line.chars().noneMatch(c -> PlainText.isUnsafe((char) c))).as(line).isTrue();
        }
        assertThat(text.toString().lines().filter(l -> l.startsWith("FAIL") || l.startsWith("PASS"))).hasSize(2);

        // The failure in the failures table, the pass folded among the passed items: one row each.
        StringWriter markdown = new StringWriter();
        new MarkdownRenderer().render(report, markdown);
        assertThat(markdown.toString().lines().filter(l -> l.startsWith("| FAIL"))).hasSize(1);
        assertThat(markdown.toString().lines().filter(l -> l.startsWith("| PASS"))).hasSize(1);

        URI uri = URI.create(SarifRenderer.uri(name));
        assertThat(uri.isAbsolute()).isFalse();
        assertThat(URI.create("file:///src/").resolve(uri).getPath()).isEqualTo("/src/" + name);
    }
}

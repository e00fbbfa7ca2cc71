package io.ascent.core.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    @Test
    void shouldTabulateProblemsAndFoldPasses() throws Exception {
        StringWriter out = new StringWriter();
        new MarkdownRenderer().render(SampleReports.mixed(), out);
        String md = out.toString();
        assertThat(md).startsWith("## Ascent: ⛔ invalid input\n");
        assertThat(md).contains("| FAIL | `repo.required` | `examples/app` | no file matches \\'LICENSE\\*\\|COPYING\\*\\'"
                + "<br>Fix: add a LICENSE file |");
        assertThat(md).contains("no readinessProbe \\<script\\>");
        assertThat(md).contains("<details><summary>2 passed or skipped</summary>");
    }
}

package io.ascent.core.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import io.ascent.core.report.Report;
import io.ascent.core.report.Severity;
import io.ascent.core.report.Verdict;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A finding the baseline holds is shown as such in every format, and gates nothing. */
class BaselinedInEveryFormatTest {
    private static final Report REPORT = new Report("app", "app/ascent.yaml", Instant.parse("2026-11-30T10:00:00Z"),
            List.of(Item.builder("manifest.probes", "Containers have probes").severity(Severity.ERROR)
                    .problem("Deployment/web: container 'app' has no readiness probe")
                    .location(new Location("k8s/web.yaml", 12, 9)).key("web/app").build().baselined()),
            List.of(), false);

    private static String render(Format format) throws IOException {
        StringWriter out = new StringWriter();
        format.renderer().render(REPORT, out);
        return out.toString();
    }

    @Test
    void shouldGateNothing() {
        assertThat(REPORT.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(REPORT.summary().baselined()).isEqualTo(1);
    }

    @Test
    void shouldShowTheFindingAsBaselinedInEveryFormat() throws IOException {
        assertThat(render(Format.TEXT)).contains("BASELINED k8s/web.yaml:12:9: Deployment/web: container 'app' has "
                + "no readiness probe [manifest.probes]").contains("\nresult: PASSED (exit 0): 1 baselined of 1 item\n");
        assertThat(render(Format.MARKDOWN)).contains("| BASELINED | `k8s/web.yaml:12:9` |")
                .contains("| baselined | 1 |");
        assertThat(render(Format.JSON)).contains("\"status\" : \"BASELINED\"").contains("\"baselined\" : 1");
        assertThat(render(Format.SARIF)).contains("\"level\" : \"error\"")
                .contains("\"baselineState\" : \"unchanged\"");
        assertThat(render(Format.JUNIT)).contains("<skipped>baselined (recorded in the baseline, not gating): ");
        assertThat(render(Format.HTML)).contains("<h2>BASELINED (1)</h2>")
                .contains("<span class=\"badge baselined\">BASELINED</span>");
    }
}

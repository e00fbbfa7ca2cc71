package io.ascent.core.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TextRendererTest {

    @Test
    void shouldListProblemsFirstWithLinkableLocationsThenPassesThenTotals() throws Exception {
        StringWriter out = new StringWriter();
        new TextRenderer().render(SampleReports.mixed(), out);
        assertThat(out.toString()).isEqualTo("""
                Ascent examples/app
                checklist: examples/app/ascent.yaml

                FAIL   examples/app: no file matches 'LICENSE*|COPYING*' [repo.required]
                       fix: add a LICENSE file
                WARN   examples/app/deploy/app.yaml:12:9: container 'web' has no readinessProbe <script> [manifest.probes]
                ERROR  examples/app/deploy/broken.yaml:3:7: invalid YAML: mapping values are not allowed here [manifest.parse]
                WAIVED examples/app/deploy/job.yaml:20:11: container 'job' sets no limits [manifest.resources]
                       waived until 2027-01-31 by team-batch: batch sizing pending
                PASS   checklist.schema: examples/app/ascent.yaml is a valid Ascent Checklist ascent.dev/v1
                SKIP   provision.cluster: provisioning not requested

                6 items: 1 passed, 1 failed, 1 warnings, 1 errors, 1 skipped, 1 waived
                result: INVALID INPUT (exit 2)
                """);
    }
}

package io.ascent.core.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.report.FailOn;
import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import io.ascent.core.report.Report;
import io.ascent.core.report.ReportHeader;
import io.ascent.core.report.Severity;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextRendererTest {

    private static String render(Report report, Detail detail) throws IOException {
        StringWriter out = new StringWriter();
        new TextRenderer(detail).render(report, out);
        return out.toString();
    }

    @Test
    void shouldGroupFindingsByFileFailuresFirstThenCountWaivedAndSkippedThenTabulateChecksThenGiveTheVerdict()
            throws Exception {
        assertThat(render(SampleReports.mixed(), Detail.NORMAL)).isEqualTo("""
                Ascent examples/app
                checklist: examples/app/ascent.yaml

                file: examples/app
                FAIL   examples/app: no file matches 'LICENSE*|COPYING*' [repo.required]
                       fix: add a LICENSE file

                file: examples/app/deploy/broken.yaml
                ERROR  examples/app/deploy/broken.yaml:3:7: invalid YAML: mapping values are not allowed here [manifest.parse]

                file: examples/app/deploy/app.yaml
                WARN   examples/app/deploy/app.yaml:12:9: container 'web' has no readinessProbe <script> [manifest.probes]

                1 waived and 1 skipped not listed; -v lists them with their reasons

                check                pass   fail   warn   info  error   skip waived
                checklist.schema        1      -      -      -      -      -      -
                manifest.parse          -      -      -      -      1      -      -
                manifest.probes         -      -      1      -      -      -      -
                manifest.resources      -      -      -      -      -      -      1
                provision.cluster       -      -      -      -      -      1      -
                repo.required           -      1      -      -      -      -      -

                result: INVALID INPUT (exit 2): 1 failed, 1 error, 1 warning, 1 waived, 1 skipped, 1 passed of 6 items
                """);
    }

    @Test
    void shouldListWaivedSkippedAndPassedItemsWithTheirLocationsWhenVerbose() throws Exception {
        String text = render(SampleReports.mixed(), Detail.VERBOSE);
        assertThat(text).contains("""

                file: examples/app/deploy/job.yaml
                WAIVED examples/app/deploy/job.yaml:20:11: container 'job' sets no limits [manifest.resources]
                       waived until 2027-01-31 by team-batch: batch sizing pending

                file: examples/app/ascent.yaml
                PASS   examples/app/ascent.yaml: examples/app/ascent.yaml is a valid Ascent Checklist ascent.dev/v1 \
                [checklist.schema]

                (items without a file)
                SKIP   provisioning not requested [provision.cluster]
                """).doesNotContain("not listed");
    }

    @Test
    void shouldPrintOnlyWhatFailsAndTheVerdictWhenQuiet() throws Exception {
        assertThat(render(SampleReports.mixed(), Detail.QUIET)).isEqualTo("""
                file: examples/app
                FAIL   examples/app: no file matches 'LICENSE*|COPYING*' [repo.required]
                       fix: add a LICENSE file

                file: examples/app/deploy/broken.yaml
                ERROR  examples/app/deploy/broken.yaml:3:7: invalid YAML: mapping values are not allowed here [manifest.parse]

                result: INVALID INPUT (exit 2): 1 failed, 1 error, 1 warning, 1 waived, 1 skipped, 1 passed of 6 items
                """);
    }

    @Test
    void shouldShowTheHeaderAnInfoFindingAsInfoAndWarningsFailingUnderFailOnWarning() throws Exception {
        Report report = new Report("app", "app/ascent.yaml", java.time.Instant.EPOCH, List.of(
                Item.builder("manifest.image-tag", "Images are pinned").severity(Severity.INFO)
                        .problem("image 'web:1.2' is not pinned by digest")
                        .location(new Location("app/deploy/web.yaml", 7, 16)).build(),
                Item.builder("manifest.probes", "Containers have probes").severity(Severity.WARNING)
                        .problem("container 'web' has no readinessProbe")
                        .location(new Location("app/deploy/web.yaml", 3, 5)).build()),
                List.of(), false, List.of(), false,
                new ReportHeader("https://example.com/app.git", "0123456789abcdef0123456789abcdef01234567", "1.31"),
                FailOn.WARNING);
        assertThat(render(report, Detail.NORMAL)).isEqualTo("""
                Ascent app
                repository: https://example.com/app.git
                commit: 0123456789abcdef0123456789abcdef01234567
                checklist: app/ascent.yaml
                target Kubernetes version: 1.31

                file: app/deploy/web.yaml
                WARN   app/deploy/web.yaml:3:5: container 'web' has no readinessProbe [manifest.probes]
                INFO   app/deploy/web.yaml:7:16: image 'web:1.2' is not pinned by digest [manifest.image-tag]

                check                pass   fail   warn   info  error   skip waived
                manifest.image-tag      -      -      -      1      -      -      -
                manifest.probes         -      -      1      -      -      -      -

                result: FAILED (exit 1, failing on warnings): 1 warning, 1 info of 2 items
                """);
        assertThat(render(report.failingOn(FailOn.ERROR), Detail.QUIET)).isEqualTo("""
                result: PASSED (exit 0): 1 warning, 1 info of 2 items
                """);
    }

    @Test
    void shouldNameTheExitStatusTheSignalThatInterruptedTheRunGives() throws Exception {
        Report interrupted = new Report("app", null, java.time.Instant.EPOCH, List.of(), List.of(), false, List.of(),
                true);
        assertThat(render(interrupted, Detail.QUIET)).endsWith("result: INTERRUPTED (exit 130): no items\n");
        assertThat(render(interrupted.interruptedWith(Report.INTERRUPTED_BY_SIGTERM), Detail.QUIET))
                .endsWith("result: INTERRUPTED (exit 143): no items\n");
    }
}

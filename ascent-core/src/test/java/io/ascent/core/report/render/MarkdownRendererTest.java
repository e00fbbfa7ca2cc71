package io.ascent.core.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.report.FailOn;
import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import io.ascent.core.report.Report;
import io.ascent.core.report.ReportHeader;
import io.ascent.core.report.Severity;
import io.ascent.core.report.Status;
import io.ascent.core.report.Waiver;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    private static String render(Report report, RenderOptions options) throws IOException {
        StringWriter out = new StringWriter();
        new MarkdownRenderer(options).render(report, out);
        return out.toString();
    }

    private static RenderOptions limit(int characters) {
        return new RenderOptions(Detail.NORMAL, characters);
    }

    /**
     * A report the size of microservices-demo's: 466 items, 101 of them waived, with the long messages and fixes
     * real checks write. Rendered in full it is several times a comment's limit.
     */
    static Report large(int failures) {
        List<Item> items = new ArrayList<>();
        String padding = " because the container would otherwise run with the defaults the cluster gives it, which"
                + " differ between clusters and change between Kubernetes releases";
        for (int i = 0; i < 466; i++) {
            String file = "microservices-demo/kubernetes-manifests/service-" + (i % 12) + ".yaml";
            Location at = new Location(file, 10 + i, 7);
            String message = "container 'server-" + i + "' sets no memory limit" + padding;
            String fix = "set resources.limits.memory on container 'server-" + i + "', for instance 256Mi" + padding;
            Item item;
            if (i < failures) {
                item = Item.builder("manifest.resources", "Containers set resources").problem(message).location(at)
                        .remediation(fix).build();
            } else if (i < failures + 101) {
                item = Item.builder("manifest.resources", "Containers set resources").problem(message).location(at)
                        .remediation(fix).build()
                        .waivedBy(new Waiver("legacy service, tracked in SHOP-" + i, "team-shop",
                                LocalDate.of(2027, 3, 31)));
            } else if (i < failures + 181) {
                item = Item.builder("manifest.probes", "Containers have probes").severity(Severity.WARNING)
                        .problem("container 'server-" + i + "' has no readinessProbe" + padding).location(at)
                        .remediation("add a readinessProbe" + padding).build();
            } else if (i < failures + 196) {
                item = Item.builder("manifest.image-tag", "Images are pinned").severity(Severity.INFO)
                        .problem("image 'server-" + i + ":v0.10' is not pinned by digest").location(at).build();
            } else if (i < failures + 236) {
                item = Item.builder("manifest.api-version", "APIs are served").status(Status.SKIP)
                        .message("kind 'Frontend" + i + "' is a custom resource; its API is not in the table")
                        .location(at).build();
            } else {
                item = Item.builder("manifest.schema", "Manifests match their schema")
                        .message("Deployment/server-" + i + " matches the Kubernetes 1.31 schema").location(at).build();
            }
            items.add(item);
        }
        return new Report("microservices-demo", "microservices-demo/ascent.yaml", Instant.EPOCH, items, List.of(),
                false, List.of(), false, new ReportHeader("https://github.com/GoogleCloudPlatform/microservices-demo",
                        "e398fe5f0c6d1b4c3f2a0123456789abcdef0123", "1.31"), FailOn.ERROR);
    }

    @Test
    void shouldSummariseTableFailuresWithFixesAndFoldTheRest() throws Exception {
        String md = render(SampleReports.mixed(), RenderOptions.DEFAULTS);
        assertThat(md).startsWith("""
                ## Ascent: ⛔ invalid input

                checklist `examples/app/ascent.yaml`

                | Result | Items |
                |---|--:|
                | fail | 1 |
                | error | 1 |
                | warn | 1 |
                | waived | 1 |
                | skip | 1 |
                | pass | 1 |
                | **total** | **6** |

                Exit status 2.

                ### 2 items fail the build

                | Status | Location | Message | Check |
                |---|---|---|---|
                | FAIL | `examples/app` | no file matches \\'LICENSE\\*\\|COPYING\\*\\'<br>Fix: add a LICENSE file | \
                `repo.required` |
                | ERROR | `examples/app/deploy/broken.yaml:3:7` | invalid YAML\\:\u200B mapping values are not allowed \
                here | `manifest.parse` |

                <details><summary>1 other findings</summary>
                """);
        assertThat(md).contains("no readinessProbe \\<script\\>")
                .contains("<details><summary>1 waived</summary>")
                .contains("Waived until 2027-01-31: batch sizing pending")
                .contains("<details><summary>1 skipped</summary>")
                .contains("<details><summary>1 passed</summary>")
                .contains("<details><summary>Counts per check</summary>")
                .doesNotContain("left out");
    }

    @Test
    void shouldKeepA466ItemReportUnderTheDefaultLimitNamingEveryFailureAndSayingWhatWasLeftOut() throws Exception {
        Report report = large(40);
        String full = render(report, limit(Integer.MAX_VALUE));
        assertThat(full.length()).as("the uncut report must exceed the limit for this test to mean anything")
                .isGreaterThan(2 * RenderOptions.DEFAULT_MARKDOWN_LIMIT);

        String md = render(report, RenderOptions.DEFAULTS);

        assertThat(md.length()).isLessThanOrEqualTo(RenderOptions.DEFAULT_MARKDOWN_LIMIT);
        for (Item failure : report.gatingItems()) {
            assertThat(md).contains("`" + failure.location() + "`");
        }
        String failing = md.substring(0, md.indexOf("<details>"));
        assertThat(failing.split("<br>Fix: set resources", -1)).as("every failure keeps its fix").hasSize(40 + 1);
        assertThat(md).containsPattern("_\\d+ more passed items left out to keep this comment short");
        assertThat(md).containsPattern("_\\d+ more waived items left out");
        assertThat(md).contains("| **total** | **466** |");
    }

    @Test
    void shouldDropTheFixesOfFailuresBeforeDroppingFailuresAndCountThoseLeftOut() throws Exception {
        Report report = large(300);
        String compact = render(report, limit(100_000));
        assertThat(compact.length()).isLessThanOrEqualTo(100_000);
        assertThat(compact).doesNotContain("Fix: ").contains("_Fixes left out to keep this comment short");
        for (Item failure : report.gatingItems()) {
            assertThat(compact).contains("`" + failure.location() + "`");
        }

        String cut = render(report, limit(8_000));
        assertThat(cut.length()).isLessThanOrEqualTo(8_000);
        assertThat(cut).containsPattern("_\\d+ more failing items left out, and the fixes of those shown,")
                .contains("### 300 items fail the build");
    }

    @Test
    void shouldCutTheLongestSectionFirstAndSayOneItemLeftOutInTheSingular() throws Exception {
        String longText = "x".repeat(800);
        Report report = Report.builder("app")
                .add(Item.builder("a", "A").problem("broken").location(Location.of("a.yaml")).build())
                .add(Item.builder("b", "B").message("first " + longText).build())
                .add(Item.builder("b", "B").message("second " + longText).build()).build();
        String full = render(report, limit(Integer.MAX_VALUE));

        String cut = render(report, limit(full.length() - 10));

        assertThat(cut.length()).isLessThanOrEqualTo(full.length() - 10);
        assertThat(cut).contains("first x", "| FAIL | `a.yaml` | broken |").doesNotContain("second x")
                .contains("_1 more passed item left out to keep this comment short");
    }

    @Test
    void shouldShowOnlyTheFailuresWhenQuiet() throws Exception {
        String md = render(SampleReports.mixed(), new RenderOptions(Detail.QUIET, 65_536));
        assertThat(md).contains("### 2 items fail the build").doesNotContain("<details>");
    }
}

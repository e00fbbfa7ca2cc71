package io.ascent.core.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.Ascent;
import io.ascent.core.ValidateOptions;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.report.ErrorKind;
import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import io.ascent.core.report.Report;
import io.ascent.core.report.Severity;
import io.ascent.core.report.Status;
import io.ascent.core.report.Verdict;
import io.ascent.core.run.RunSink;
import io.ascent.core.validation.ValidationContext;
import io.ascent.core.validation.ValidationStep;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run with a committed baseline: only new findings fail, fixed entries warn, a broken file is exit 2. */
class BaselineRunTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path app;

    private static Item finding(String key, int line) {
        return Item.builder("manifest.probes", "Probes").severity(Severity.ERROR).problem("web lacks " + key)
                .location(new Location("k8s/web.yaml", line, 3)).key(key).build();
    }

    private static ValidationStep emitting(Item... items) {
        return new ValidationStep() {
            @Override
            public String name() {
                return "manifests";
            }

            @Override
            public void run(ValidationContext context, RunSink sink) {
                List.of(items).forEach(sink::item);
            }
        };
    }

    private Report validate(ValidateOptions options, Item... items) throws Exception {
        Files.writeString(app.resolve("ascent.yaml"), """
                apiVersion: ascent.dev/v1
                kind: Checklist
                metadata:
                  name: app
                """);
        return new Ascent(CLOCK, List.of(emitting(items))).validate(options, ProgressListener.SILENT);
    }

    private Report validate(Item... items) throws Exception {
        return validate(ValidateOptions.of(app), items);
    }

    private void commitBaselineOf(Item... items) throws Exception {
        StringWriter text = new StringWriter();
        BaselineJson.write(Baseline.of(List.of(items)), text);
        Files.writeString(app.resolve(Baseline.FILE_NAME), text.toString());
    }

    private static List<Item> withId(Report report, String id) {
        return report.items().stream().filter(item -> item.id().equals(id)).toList();
    }

    @Test
    void shouldFailOnlyOnFindingsNotInTheBaselineEvenWhenLinesMoved() throws Exception {
        commitBaselineOf(finding("readiness", 10));

        Report report = validate(finding("readiness", 42), finding("liveness", 12));

        assertThat(withId(report, "manifest.probes")).extracting(Item::status, Item::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Status.BASELINED, "web lacks readiness"),
                        org.assertj.core.groups.Tuple.tuple(Status.FAIL, "web lacks liveness"));
        assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(report.summary().baselined()).isEqualTo(1);
        assertThat(report.log()).anyMatch(entry -> entry.message()
                .equals("baseline .ascent-baseline.json: 1 accepted finding; only new findings fail"));
    }

    @Test
    void shouldPassWhenEveryFindingIsInTheBaseline() throws Exception {
        commitBaselineOf(finding("readiness", 10), finding("liveness", 11));

        Report report = validate(finding("readiness", 10), finding("liveness", 11));

        assertThat(report.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(withId(report, "checklist.baseline")).isEmpty();
    }

    @Test
    void shouldWarnAtTheEntryOfAFindingThatWasFixed() throws Exception {
        commitBaselineOf(finding("readiness", 10), finding("liveness", 11));

        Report report = validate(finding("readiness", 10));

        List<Item> stale = withId(report, "checklist.baseline");
        assertThat(stale).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.WARN);
            assertThat(item.location().path()).isEqualTo(".ascent-baseline.json");
            assertThat(Files.readAllLines(app.resolve(Baseline.FILE_NAME)).get(item.location().line() - 1))
                    .contains("{");
            assertThat(item.message()).isEqualTo("this entry (manifest.probes in k8s/web.yaml: web lacks liveness) "
                    + "matches no finding any more: it was fixed");
        });
        assertThat(report.verdict()).isEqualTo(Verdict.PASSED);
    }

    @Test
    void shouldExcuseOnlyAsManyRepeatsAsTheBaselineCounted() throws Exception {
        commitBaselineOf(finding("readiness", 10));

        Report report = validate(finding("readiness", 10), finding("readiness", 20));

        assertThat(withId(report, "manifest.probes")).extracting(Item::status)
                .containsExactly(Status.BASELINED, Status.FAIL);
    }

    @Test
    void shouldNotCallEntriesFixedWhenACheckCouldNotJudge() throws Exception {
        commitBaselineOf(finding("readiness", 10));

        Report report = validate(Item.builder("manifest.parse", "Parse").error(ErrorKind.INPUT, "broken")
                .location(new Location("k8s/web.yaml", 1, 1)).build());

        assertThat(withId(report, "checklist.baseline")).isEmpty();
        assertThat(report.log()).anyMatch(entry -> entry.message().contains("1 entries matched no finding, but some "
                + "checks could not judge"));
    }

    @Test
    void shouldReportABrokenBaselineAtItsPositionAndJudgeEveryFindingAsNew() throws Exception {
        Files.writeString(app.resolve(Baseline.FILE_NAME), "{\"formatVersion\": \"1\",\n  \"findings\": 3}\n");

        Report report = validate(finding("readiness", 10));

        assertThat(withId(report, "checklist.baseline")).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.ERROR);
            assertThat(item.location()).hasToString(".ascent-baseline.json:2:15");
            assertThat(item.message()).isEqualTo("the baseline cannot be used: findings must be a list of entries");
        });
        assertThat(withId(report, "manifest.probes")).extracting(Item::status).containsExactly(Status.FAIL);
        assertThat(report.verdict()).isEqualTo(Verdict.INVALID_INPUT);
    }

    @Test
    void shouldRefuseABaselineThatLinksOutOfTheRepository(@TempDir Path outside) throws Exception {
        Path secret = Files.writeString(outside.resolve("secret.json"), "{\"formatVersion\": \"1\", \"findings\": []}");
        Files.createSymbolicLink(app.resolve(Baseline.FILE_NAME), secret);

        Report report = validate(finding("readiness", 10));

        assertThat(withId(report, "checklist.baseline")).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.ERROR);
            assertThat(item.message()).contains("symbolic link that leads out").doesNotContain(outside.toString());
        });
    }

    @Test
    void shouldJudgeEveryFindingAsNewWithNoBaseline() throws Exception {
        commitBaselineOf(finding("readiness", 10));

        Report report = validate(ValidateOptions.builder(app).noBaseline(true).build(), finding("readiness", 10));

        assertThat(withId(report, "manifest.probes")).extracting(Item::status).containsExactly(Status.FAIL);
        assertThat(withId(report, "checklist.baseline")).isEmpty();
    }
}

package io.ascent.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.progress.ProgressListener;
import io.ascent.core.report.ErrorKind;
import io.ascent.core.report.Item;
import io.ascent.core.report.LogEntry;
import io.ascent.core.report.PhaseRecord;
import io.ascent.core.report.PhaseRecord.Outcome;
import io.ascent.core.report.Report;
import io.ascent.core.report.Status;
import io.ascent.core.report.Verdict;
import io.ascent.core.report.render.Format;
import io.ascent.core.run.RunSink;
import io.ascent.core.validation.ValidationContext;
import io.ascent.core.validation.ValidationStep;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run loop: steps write to one sink, a step that throws is an internal error, a cancelled run is partial. */
class AscentRunTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path app;

    private static final String HEADER = """
            apiVersion: ascent.dev/v1
            kind: Checklist
            metadata:
              name: app
            """;

    private Report validate(ValidationStep... steps) throws Exception {
        Files.writeString(app.resolve("ascent.yaml"), HEADER);
        return new Ascent(CLOCK, List.of(steps)).validate(ValidateOptions.of(app), ProgressListener.SILENT);
    }

    private static ValidationStep step(String name, Work work) {
        return new ValidationStep() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void run(ValidationContext context, RunSink sink) throws InterruptedException {
                work.run(sink);
            }
        };
    }

    private interface Work {
        void run(RunSink sink) throws InterruptedException;
    }

    private static Work passing(String id) {
        return sink -> sink.item(Item.builder(id, id).message("fine").build());
    }

    @Test
    void shouldTurnAThrowingStepIntoAnInternalErrorAndRunTheOtherSteps() throws Exception {
        Report report = validate(step("first", passing("first.ok")),
                step("broken", sink -> {
                    throw new IllegalStateException("boom");
                }),
                step("deep", sink -> recurse(0)),
                step("last", passing("last.ok")));

        assertThat(report.verdict()).isEqualTo(Verdict.INTERNAL_ERROR);
        assertThat(report.verdict().exitStatus()).isEqualTo(4);
        List<Item> internal = report.items().stream().filter(item -> item.id().equals(Ascent.INTERNAL_ERROR_ID))
                .toList();
        assertThat(internal).hasSize(2).allSatisfy(item -> assertThat(item.isError(ErrorKind.INTERNAL)).isTrue());
        assertThat(internal.get(0).message()).contains("broken", "java.lang.IllegalStateException");
        assertThat(internal.get(1).message()).contains("deep", "java.lang.StackOverflowError");
        assertThat(report.items()).extracting(Item::id).contains("first.ok", "last.ok");
        assertThat(report.phases()).extracting(PhaseRecord::name, PhaseRecord::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("checklist", Outcome.COMPLETED),
                org.assertj.core.groups.Tuple.tuple("first", Outcome.COMPLETED),
                org.assertj.core.groups.Tuple.tuple("broken", Outcome.FAILED),
                org.assertj.core.groups.Tuple.tuple("deep", Outcome.FAILED),
                org.assertj.core.groups.Tuple.tuple("last", Outcome.COMPLETED));
        // The stack trace is for the log at DEBUG only: never in an item, never in the text report.
        assertThat(report.log()).anySatisfy(entry -> {
            assertThat(entry.level()).isEqualTo(LogEntry.Level.DEBUG);
            assertThat(entry.message()).contains("boom", "at io.ascent.core.AscentRunTest");
        });
        assertThat(internal.get(0).message()).doesNotContain("boom");
        assertThat(render(report, Format.TEXT)).doesNotContain("at io.ascent.core")
                .contains("ERROR(internal)", "result: INTERNAL ERROR (exit 4)");
    }

    @Test
    void shouldReportAStepThatRanOutOfMemoryAndRunTheOtherSteps() throws Exception {
        Report report = validate(step("hungry", sink -> {
            throw new OutOfMemoryError("Java heap space");
        }), step("last", passing("last.ok")));
        assertThat(report.verdict()).isEqualTo(Verdict.INTERNAL_ERROR);
        assertThat(report.items()).filteredOn(item -> item.id().equals(Ascent.INTERNAL_ERROR_ID)).singleElement()
                .satisfies(item -> assertThat(item.message()).contains("hungry", "java.lang.OutOfMemoryError"));
        assertThat(report.items()).extracting(Item::id).contains("last.ok");
    }

    @Test
    void shouldNotSayTheWaiversAreFineWhenOneOfThemMatchesNoFinding() throws Exception {
        Report report = validateWithWaivers(step("probes", sink -> sink.item(Item.builder("manifest.probes", "probes")
                .problem("no readiness probe").build())));

        List<Item> waivers = report.items().stream().filter(i -> i.id().equals("checklist.waivers")).toList();
        assertThat(waivers).singleElement().satisfies(item -> {
            assertThat(item.status()).isEqualTo(Status.WARN);
            assertThat(item.message()).contains("'manifest.resources' matches no finding");
        });
        assertThat(report.items()).filteredOn(i -> i.id().equals("manifest.probes")).singleElement()
                .extracting(Item::status).isEqualTo(Status.WAIVED);
    }

    @Test
    void shouldSayTheWaiversAreCurrentWhenEachOneExcusedAFinding() throws Exception {
        Report report = validateWithWaivers(step("both", sink -> {
            sink.item(Item.builder("manifest.probes", "probes").problem("no readiness probe").build());
            sink.item(Item.builder("manifest.resources", "resources").problem("no limits").build());
        }));

        assertThat(report.items()).filteredOn(i -> i.id().equals("checklist.waivers")).singleElement()
                .satisfies(item -> {
                    assertThat(item.status()).isEqualTo(Status.PASS);
                    assertThat(item.message()).isEqualTo("2 waivers are current");
                });
    }

    private Report validateWithWaivers(ValidationStep step) throws Exception {
        Files.writeString(app.resolve("ascent.yaml"), HEADER + """
                waivers:
                  - id: manifest.probes
                    reason: a batch job
                    owner: team
                    expires: 2027-01-01
                  - id: manifest.resources
                    reason: sized later
                    owner: team
                    expires: 2027-01-01
                """);
        return new Ascent(CLOCK, List.of(step)).validate(ValidateOptions.of(app), ProgressListener.SILENT);
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    @Test
    void shouldReturnAPartialReportMarkedInterruptedWhenAStepIsInterrupted() throws Exception {
        Report report = validate(step("first", passing("first.ok")),
                step("slow", sink -> {
                    sink.item(Item.builder("slow.half", "half").build());
                    throw new InterruptedException("cancelled");
                }),
                step("never", passing("never.ran")));
        boolean flagSetAgain = Thread.interrupted();

        assertThat(flagSetAgain).isTrue();
        assertThat(report.interrupted()).isTrue();
        assertThat(report.verdict()).isEqualTo(Verdict.INTERRUPTED);
        assertThat(report.items()).extracting(Item::id).contains("first.ok", "slow.half")
                .doesNotContain("never.ran");
        assertThat(report.phases()).extracting(PhaseRecord::name, PhaseRecord::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("checklist", Outcome.COMPLETED),
                org.assertj.core.groups.Tuple.tuple("first", Outcome.COMPLETED),
                org.assertj.core.groups.Tuple.tuple("slow", Outcome.INTERRUPTED));
        for (Format format : Format.values()) {
            assertThat(render(report, format)).as(format.label()).containsIgnoringCase("interrupted");
        }
    }

    @Test
    void shouldStopBeforeTheNextStepWhenTheThreadIsInterrupted() throws Exception {
        Report report = validate(step("first", sink -> Thread.currentThread().interrupt()),
                step("never", passing("never.ran")));
        Thread.interrupted();

        assertThat(report.interrupted()).isTrue();
        assertThat(report.items()).extracting(Item::id).doesNotContain("never.ran");
    }

    @Test
    void shouldApplyWaiversToWhatStepsWrite() throws Exception {
        Files.writeString(app.resolve("ascent.yaml"), """
                apiVersion: ascent.dev/v1
                kind: Checklist
                metadata:
                  name: app
                waivers:
                  - id: manifest.resources
                    reason: accepted for now
                    owner: team-web
                    expires: 2026-12-31
                """);
        Report report = new Ascent(CLOCK, List.of(step("custom", sink -> sink.item(Item.builder("manifest.resources", "R")
                .problem("found").build())))).validate(ValidateOptions.of(app), ProgressListener.SILENT);

        assertThat(report.items()).filteredOn(item -> item.id().equals("manifest.resources")).singleElement()
                .satisfies(item -> assertThat(item.status()).isEqualTo(Status.WAIVED));
    }

    private static String render(Report report, Format format) throws IOException {
        StringWriter out = new StringWriter();
        format.renderer().render(report, out);
        return out.toString();
    }
}

package io.ascent.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void shouldNotCompileTheRedactionsDetectorsForAHeaderThatKnowsNothingYet() throws Exception {
        try (FreshClassLoader loader = new FreshClassLoader(ReportHeader.class)) {
            Class<?> header = Class.forName(ReportHeader.class.getName(), true, loader);
            Object none = header.getField("NONE").get(null);

            assertThat(loader.loaded(Redaction.class)).as("every run starts with NONE, on its main thread").isFalse();

            header.getMethod("withRepository", String.class).invoke(none, "web");
            assertThat(loader.loaded(Redaction.class)).isTrue();
        }
    }

    private static Item item(Status status) {
        return Item.builder("x", "X").status(status).build();
    }

    @Test
    void shouldPassWithWarningsSkipsAndWaivers() {
        Report report = Report.builder("app").add(item(Status.PASS)).add(item(Status.WARN)).add(item(Status.SKIP))
                .add(item(Status.WAIVED)).build();
        assertThat(report.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(report.verdict().exitStatus()).isZero();
    }

    @Test
    void shouldEndARunSigtermInterruptedWith143AndAnyOtherInterruptedRunWith130() {
        Report interrupted = new Report("app", null, java.time.Instant.EPOCH, java.util.List.of(item(Status.FAIL)),
                java.util.List.of(), false, java.util.List.of(), true);
        assertThat(interrupted.exitStatus()).isEqualTo(130);

        Report terminated = interrupted.interruptedWith(Report.INTERRUPTED_BY_SIGTERM);
        assertThat(terminated.verdict()).isEqualTo(Verdict.INTERRUPTED);
        assertThat(terminated.exitStatus()).isEqualTo(143);
        assertThat(terminated.failingOn(FailOn.WARNING).withSubject("other").exitStatus()).as("kept by copies")
                .isEqualTo(143);
        assertThat(interrupted.interruptedWith(2).exitStatus()).as("no signal's status").isEqualTo(130);
        Report finished = Report.builder("app").add(item(Status.FAIL)).build();
        assertThat(finished.interruptedWith(143).exitStatus()).as("a run that finished").isEqualTo(1);
    }

    @Test
    void shouldGiveAnInfoFindingItsOwnStatusThatNeverGates() {
        Item info = Item.builder("x", "X").severity(Severity.INFO).problem("worth knowing").build();
        Report report = Report.builder("app").add(info).build().failingOn(FailOn.WARNING);
        assertThat(info.status()).isEqualTo(Status.INFO);
        assertThat(report.summary().info()).isEqualTo(1);
        assertThat(report.summary().warnings()).isZero();
        assertThat(report.verdict()).isEqualTo(Verdict.PASSED);
    }

    @Test
    void shouldFailOnAWarningOnlyWhenToldTo() {
        Report report = Report.builder("app").add(item(Status.WARN)).add(item(Status.WAIVED)).build();
        assertThat(report.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(report.gatingItems()).isEmpty();
        Report strict = report.failingOn(FailOn.WARNING);
        assertThat(strict.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(strict.gatingItems()).extracting(Item::status).containsExactly(Status.WARN);
    }

    @Test
    void shouldFailOnAFailedItem() {
        assertThat(Report.builder("app").add(item(Status.FAIL)).build().verdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void shouldCallBrokenInputInvalidEvenWhenItemsFailed() {
        Report report = Report.builder("app").add(item(Status.FAIL)).add(item(Status.ERROR)).build();
        assertThat(report.verdict()).isEqualTo(Verdict.INVALID_INPUT);
        assertThat(report.gatingItems()).hasSize(2);
    }

    @Test
    void shouldPutEnvironmentFailuresFirst() {
        Report report = Report.builder("app").add(item(Status.ERROR)).environmentFailed().build();
        assertThat(report.verdict()).isEqualTo(Verdict.ENVIRONMENT_ERROR);
        assertThat(report.verdict().exitStatus()).isEqualTo(3);
    }

    @Test
    void shouldCallAnEnvironmentErrorItemAnEnvironmentErrorEvenBesideBrokenInput() {
        Report report = Report.builder("app").add(item(Status.ERROR))
                .add(Item.builder("repo.remote", "R").error(ErrorKind.ENVIRONMENT, "unreachable").build()).build();
        assertThat(report.verdict()).isEqualTo(Verdict.ENVIRONMENT_ERROR);
        assertThat(report.summary().errors()).isEqualTo(2);
    }

    @Test
    void shouldPutInternalErrorsBeforeEnvironmentErrors() {
        Report report = Report.builder("app")
                .add(Item.builder("repo.remote", "R").error(ErrorKind.ENVIRONMENT, "unreachable").build())
                .add(Item.builder("ascent.internal", "I").error(ErrorKind.INTERNAL, "bug").build()).build();
        assertThat(report.verdict()).isEqualTo(Verdict.INTERNAL_ERROR);
        assertThat(report.verdict().exitStatus()).isEqualTo(4);
    }

    @Test
    void shouldCallAnInterruptedRunInterruptedWhateverItFound() {
        Report report = Report.builder("app").add(item(Status.FAIL))
                .add(Item.builder("ascent.internal", "I").error(ErrorKind.INTERNAL, "bug").build()).interrupted()
                .build();
        assertThat(report.verdict()).isEqualTo(Verdict.INTERRUPTED);
        assertThat(report.verdict().exitStatus()).isEqualTo(130);
    }

    @Test
    void shouldGiveErrorItemsAKindAndOthersNone() {
        assertThat(item(Status.ERROR).errorKind()).isEqualTo(ErrorKind.INPUT);
        assertThat(item(Status.FAIL).errorKind()).isNull();
        assertThat(Item.builder("x", "X").errorKind(ErrorKind.ENVIRONMENT).status(Status.PASS).build().errorKind())
                .isNull();
    }

    @Test
    void shouldPassNoCheckAppliedAsPassed() {
        assertThat(Report.builder("app").build().verdict()).isEqualTo(Verdict.PASSED);
    }

    @Test
    void shouldCountItemsPerStatus() {
        Summary summary = Report.builder("app").add(item(Status.PASS)).add(item(Status.PASS)).add(item(Status.FAIL))
                .build().summary();
        assertThat(summary.total()).isEqualTo(3);
        assertThat(summary.count(Status.PASS)).isEqualTo(2);
        assertThat(summary.count(Status.FAIL)).isEqualTo(1);
    }

    @Test
    void shouldSurviveJavaSerializationAsBetweenJenkinsAgentAndController() throws Exception {
        Report report = Report.builder("app").checklist("ascent.yaml")
                .add(Item.builder("repo.secrets", "Secrets").severity(Severity.ERROR).problem("AKIA…(20)")
                        .location(new Location("a.env", 3, 1)).build()
                        .waivedBy(new Waiver("fixture", "me", LocalDate.of(2027, 1, 1))))
                .info("hello").build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(report);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(report);
        }
    }
}

package io.ascent.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ascent.core.report.render.JsonRenderer;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportJsonReaderTest {

    private static Report sample(boolean environmentFailed) {
        return new Report("examples/app", "examples/app/ascent.yaml", Instant.parse("2026-11-25T10:00:00Z"), List.of(
                Item.builder("checklist.schema", "Checklist matches the schema")
                        .message("valid").location(Location.of("examples/app/ascent.yaml"))
                        .duration(Duration.ofMillis(3)).build(),
                Item.builder("manifest.probes", "Containers have probes").severity(Severity.WARNING)
                        .problem("container 'web' has no readinessProbe \"<script>\" ünïcode")
                        .location(new Location("examples/app/deploy/app.yaml", 12, 9))
                        .remediation("add a readinessProbe").build(),
                Item.builder("manifest.parse", "Manifests parse").status(Status.ERROR)
                        .message("invalid YAML").location(new Location("examples/app/deploy/broken.yaml", 3, 0))
                        .build(),
                new Item("ascent.internal", "Ascent ran every check", Status.ERROR, Severity.ERROR,
                        "the manifests step threw NullPointerException", null, null, Duration.ZERO, null, null,
                        ErrorKind.INTERNAL),
                Item.builder("provision.cluster", "Cluster created").status(Status.SKIP)
                        .message("provisioning not requested").build(),
                Item.builder("manifest.resources", "Containers set resources").severity(Severity.ERROR)
                        .problem("container 'job' sets no limits").build()
                        .waivedBy(new Waiver("batch sizing pending", null, LocalDate.of(2027, 1, 31))),
                Item.builder("manifest.image-tag", "Images are pinned").severity(Severity.INFO)
                        .problem("image 'web:1.2' is not pinned by digest").build()),
                List.of(new LogEntry(LogEntry.Level.INFO, "target Kubernetes version 1.30"),
                        new LogEntry(LogEntry.Level.WARN, "a warning"),
                        new LogEntry(LogEntry.Level.DEBUG, "a count"),
                        new LogEntry(LogEntry.Level.ERROR, "docker did not answer")),
                environmentFailed,
                List.of(new PhaseRecord("checklist", null, Instant.parse("2026-11-25T09:59:58Z"),
                                Duration.ofMillis(120), PhaseRecord.Outcome.COMPLETED),
                        new PhaseRecord("schemas", "manifests", Instant.parse("2026-11-25T09:59:59Z"),
                                Duration.ofMillis(800), PhaseRecord.Outcome.INTERRUPTED)),
                false, new ReportHeader("https://example.com/app.git", "0123456789abcdef0123456789abcdef01234567",
                        "1.30"), FailOn.WARNING);
    }

    private static String json(Report report) throws IOException {
        StringWriter out = new StringWriter();
        new JsonRenderer().render(report, out);
        return out.toString();
    }

    @Test
    void shouldReadBackEveryFieldTheJsonFormCarries() throws IOException {
        Report original = sample(false);
        Report read = new ReportJsonReader().read(new StringReader(json(original)));
        assertThat(read).isEqualTo(original);
        assertThat(read.summary()).isEqualTo(original.summary());
        assertThat(read.verdict()).isEqualTo(Verdict.INTERNAL_ERROR);
        assertThat(read.phases()).hasSize(2);
        assertThat(read.header().commit()).isEqualTo("0123456789abcdef0123456789abcdef01234567");
        assertThat(read.failOn()).isEqualTo(FailOn.WARNING);
        assertThat(read.summary().info()).isEqualTo(1);
    }

    @Test
    void shouldReadAnInfoFindingOfFormatVersion1AsInfo() throws IOException {
        Report read = new ReportJsonReader().read(new StringReader("{\"formatVersion\":\"1\",\"subject\":\"s\","
                + "\"createdAt\":\"2026-11-25T10:00:00Z\",\"items\":[{\"id\":\"a\",\"title\":\"A\","
                + "\"status\":\"WARN\",\"severity\":\"INFO\",\"message\":\"m\"},{\"id\":\"b\",\"title\":\"B\","
                + "\"status\":\"WARN\",\"severity\":\"WARNING\",\"message\":\"m\"}]}"));
        assertThat(read.items()).extracting(Item::status).containsExactly(Status.INFO, Status.WARN);
        assertThat(read.header()).isEqualTo(ReportHeader.NONE);
        assertThat(read.failOn()).isEqualTo(FailOn.ERROR);
    }

    @Test
    void shouldKeepThatARunWasInterrupted() throws IOException {
        Report original = sample(false);
        Report interrupted = new Report(original.subject(), original.checklist(), original.createdAt(),
                original.items(), original.log(), false, original.phases(), true);
        Report read = new ReportJsonReader().read(new StringReader(json(interrupted)));
        assertThat(read.interrupted()).isTrue();
        assertThat(read.verdict()).isEqualTo(Verdict.INTERRUPTED);
        assertThat(read.exitStatus()).isEqualTo(130);
        Report terminated = new ReportJsonReader().read(new StringReader(json(interrupted.interruptedWith(143))));
        assertThat(terminated.exitStatus()).as("SIGTERM's status").isEqualTo(143);
    }

    @Test
    void shouldKeepTheEnvironmentFailureWhateverTheVerdict() throws IOException {
        Report read = new ReportJsonReader().read(new StringReader(json(sample(true))));
        assertThat(read.environmentFailed()).isTrue();
        // an internal error outranks the environment in the verdict; the flag must survive anyway
        assertThat(read.verdict()).isEqualTo(Verdict.INTERNAL_ERROR);
    }

    @Test
    void shouldTakeTheEnvironmentFailureFromTheVerdictOfAnOlderReport() throws IOException {
        Report read = new ReportJsonReader().read(new StringReader("{\"formatVersion\":\"1\",\"subject\":\"s\","
                + "\"createdAt\":\"2026-11-25T10:00:00Z\",\"verdict\":\"ENVIRONMENT_ERROR\",\"items\":[]}"));
        assertThat(read.environmentFailed()).isTrue();
    }

    @Test
    void shouldLeaveTheKeyOutBecauseTheJsonFormDoesNotCarryIt() throws IOException {
        Report keyed = new Report("s", null, Instant.EPOCH, List.of(Item.builder("a", "A").key("Deployment/web")
                .build()), List.of(), false);
        Report read = new ReportJsonReader().read(new StringReader(json(keyed)));
        assertThat(read.items().get(0).key()).isNull();
        assertThat(read.checklist()).isNull();
    }

    @Test
    void shouldIgnoreFieldsAddedByLaterCompatibleWriters() throws IOException {
        String text = "{\"formatVersion\":\"1\",\"future\":{\"a\":[1,2]},\"subject\":\"s\","
                + "\"createdAt\":\"2026-11-25T10:00:00Z\",\"items\":[{\"id\":\"a\",\"title\":\"A\",\"status\":\"PASS\","
                + "\"severity\":\"ERROR\",\"message\":\"m\",\"extra\":true}],\"log\":[]}";
        Report read = new ReportJsonReader().read(new StringReader(text));
        assertThat(read.items()).singleElement().extracting(Item::id).isEqualTo("a");
    }

    @Test
    void shouldRefuseAnotherFormatVersion() {
        assertThatThrownBy(() -> new ReportJsonReader().read(new StringReader(
                "{\"formatVersion\":\"3\",\"subject\":\"s\",\"createdAt\":\"2026-11-25T10:00:00Z\"}")))
                .isInstanceOf(IOException.class).hasMessageContaining("formatVersion: 3");
    }

    @Test
    void shouldSayWhereAnItemIsBroken() {
        assertThatThrownBy(() -> new ReportJsonReader().read(new StringReader("{\"formatVersion\":\"1\",\n"
                + "\"items\":[{\"id\":\"a\",\"title\":\"A\",\"status\":\"MAYBE\"}]}")))
                .isInstanceOf(IOException.class).hasMessageContaining("unknown Status 'MAYBE'")
                .hasMessageContaining("line 2");
    }

    @Test
    void shouldRefuseAnItemWithoutItsRequiredFields() {
        assertThatThrownBy(() -> new ReportJsonReader().read(new StringReader("{\"formatVersion\":\"1\","
                + "\"items\":[{\"id\":\"a\",\"status\":\"PASS\"}]}")))
                .isInstanceOf(IOException.class).hasMessageContaining("lacks id, title");
    }

    @Test
    void shouldRefuseNonObjectsAndMissingSubject() {
        assertThatThrownBy(() -> new ReportJsonReader().read(new StringReader("[]")))
                .isInstanceOf(IOException.class).hasMessageContaining("expected START_OBJECT");
        assertThatThrownBy(() -> new ReportJsonReader().read(new StringReader("{\"formatVersion\":\"1\"}")))
                .isInstanceOf(IOException.class).hasMessageContaining("no subject");
    }
}

package io.ascent.core.report.render;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ascent.core.jsonschema.LocatedSchemaValidator;
import io.ascent.core.report.FailOn;
import io.ascent.core.report.Report;
import io.ascent.core.report.ReportHeader;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.everit.json.schema.Schema;
import org.everit.json.schema.ValidationException;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** docs/ascent-report-v2.schema.json, published for consumers of the JSON form, describes what the renderer writes. */
class ReportJsonSchemaTest {
    private static final Schema SCHEMA = LocatedSchemaValidator.loader()
            .schemaJson(new JSONObject(read(Path.of("..", "docs", "ascent-report-v2.schema.json")))).build().load()
            .build();

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JSONObject json(Report report) throws IOException {
        StringWriter out = new StringWriter();
        new JsonRenderer().render(report, out);
        return new JSONObject(out.toString());
    }

    @Test
    void shouldDescribeEveryReportTheRendererWrites() throws Exception {
        Report mixed = SampleReports.mixed();
        Report headed = new Report(mixed.subject(), mixed.checklist(), mixed.createdAt(), mixed.items(), mixed.log(),
                true, List.of(), true, new ReportHeader("https://example.com/app.git", "0123abc", "1.31"),
                FailOn.WARNING);
        for (Report report : List.of(mixed, headed, headed.interruptedWith(Report.INTERRUPTED_BY_SIGTERM),
                MarkdownRendererTest.large(40), Report.builder("empty").build())) {
            JSONObject json = json(report);
            assertThatCode(() -> SCHEMA.validate(json)).as(report.subject()).doesNotThrowAnyException();
        }
    }

    @Test
    void shouldRejectAStatusOrFailOnTheFormatDoesNotHave() throws Exception {
        JSONObject json = json(SampleReports.mixed());
        json.getJSONArray("items").getJSONObject(0).put("status", "MAYBE");
        assertThatThrownBy(() -> SCHEMA.validate(json)).isInstanceOf(ValidationException.class);
        JSONObject other = json(SampleReports.mixed()).put("failOn", "never");
        assertThatThrownBy(() -> SCHEMA.validate(other)).isInstanceOf(ValidationException.class);
    }
}

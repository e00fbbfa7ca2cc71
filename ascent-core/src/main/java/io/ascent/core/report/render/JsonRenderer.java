package io.ascent.core.report.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.ascent.core.AscentVersion;
import io.ascent.core.report.Item;
import io.ascent.core.report.LogEntry;
import io.ascent.core.report.PhaseRecord;
import io.ascent.core.report.Report;
import io.ascent.core.report.SourceExcerpt;
import io.ascent.core.report.ReportHeader;
import io.ascent.core.report.Summary;
import java.io.IOException;
import java.io.Writer;

/**
 * The report's stable JSON form, version {@value Report#FORMAT_VERSION}; documented in docs/report-format.md.
 * Absent values are left out rather than written as null.
 */
public final class JsonRenderer implements Renderer {
    private static final JsonFactory FACTORY = new JsonFactory();

    @Override
    public void render(Report report, Writer out) throws IOException {
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("formatVersion", Report.FORMAT_VERSION);
            json.writeObjectFieldStart("tool");
            json.writeStringField("name", "ascent");
            json.writeStringField("version", AscentVersion.get());
            json.writeEndObject();
            json.writeStringField("subject", report.subject());
            if (report.checklist() != null) {
                json.writeStringField("checklist", report.checklist());
            }
            header(report, json);
            json.writeStringField("createdAt", report.createdAt().toString());
            json.writeStringField("verdict", report.verdict().name());
            json.writeNumberField("exitStatus", report.exitStatus());
            json.writeStringField("failOn", report.failOn().label());
            json.writeBooleanField("interrupted", report.interrupted());
            json.writeBooleanField("environmentFailed", report.environmentFailed());
            summary(report.summary(), json);
            json.writeArrayFieldStart("items");
            for (Item item : report.items()) {
                item(item, json);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("phases");
            for (PhaseRecord phase : report.phases()) {
                json.writeStartObject();
                json.writeStringField("name", phase.name());
                if (phase.parent() != null) {
                    json.writeStringField("parent", phase.parent());
                }
                json.writeStringField("startedAt", phase.startedAt().toString());
                json.writeNumberField("durationMillis", phase.duration().toMillis());
                json.writeStringField("outcome", phase.outcome().name());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("log");
            for (LogEntry entry : report.log()) {
                json.writeStartObject();
                json.writeStringField("level", entry.level().name());
                json.writeStringField("message", entry.message());
                json.writeEndObject();
            }
            json.writeEndArray();
            if (!report.excerpts().isEmpty()) {
                json.writeArrayFieldStart("excerpts");
                for (SourceExcerpt excerpt : report.excerpts()) {
                    json.writeStartObject();
                    json.writeStringField("path", excerpt.path());
                    json.writeNumberField("firstLine", excerpt.firstLine());
                    json.writeArrayFieldStart("lines");
                    for (String line : excerpt.lines()) {
                        json.writeString(line);
                    }
                    json.writeEndArray();
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        }
        out.write("\n");
    }

    /** What the run judged: the same facts as the text and Markdown headers. */
    private static void header(Report report, JsonGenerator json) throws IOException {
        ReportHeader header = report.header();
        json.writeObjectFieldStart("header");
        optional(json, "repository", header.repository());
        optional(json, "commit", header.commit());
        optional(json, "checklist", report.checklist());
        optional(json, "kubernetesVersion", header.kubernetesVersion());
        json.writeEndObject();
    }

    private static void optional(JsonGenerator json, String field, String value) throws IOException {
        if (value != null) {
            json.writeStringField(field, value);
        }
    }

    private static void summary(Summary s, JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("summary");
        json.writeNumberField("total", s.total());
        json.writeNumberField("pass", s.passed());
        json.writeNumberField("fail", s.failed());
        json.writeNumberField("warn", s.warnings());
        json.writeNumberField("info", s.info());
        json.writeNumberField("skip", s.skipped());
        json.writeNumberField("error", s.errors());
        json.writeNumberField("waived", s.waived());
        json.writeNumberField("baselined", s.baselined());
        json.writeEndObject();
    }

    private static void item(Item item, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", item.id());
        json.writeStringField("title", item.title());
        json.writeStringField("status", item.status().name());
        json.writeStringField("severity", item.severity().name());
        json.writeStringField("message", item.message());
        if (item.errorKind() != null) {
            json.writeStringField("errorKind", item.errorKind().name());
        }
        if (item.location() != null) {
            json.writeObjectFieldStart("location");
            json.writeStringField("path", item.location().path());
            if (item.location().line() > 0) {
                json.writeNumberField("line", item.location().line());
            }
            if (item.location().column() > 0) {
                json.writeNumberField("column", item.location().column());
            }
            json.writeEndObject();
        }
        if (item.remediation() != null) {
            json.writeStringField("remediation", item.remediation());
        }
        json.writeNumberField("durationMillis", item.duration().toMillis());
        if (item.waiver() != null) {
            json.writeObjectFieldStart("waiver");
            json.writeStringField("reason", item.waiver().reason());
            if (item.waiver().owner() != null) {
                json.writeStringField("owner", item.waiver().owner());
            }
            json.writeStringField("expires", item.waiver().expires().toString());
            json.writeEndObject();
        }
        json.writeStringField("fingerprint", Fingerprints.of(item));
        json.writeEndObject();
    }
}

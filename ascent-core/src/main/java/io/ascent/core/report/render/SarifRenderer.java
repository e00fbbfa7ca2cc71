package io.ascent.core.report.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.ascent.core.AscentVersion;
import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import io.ascent.core.report.Severity;
import io.ascent.core.report.Status;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SARIF 2.1.0 for warnings-ng and code scanning. Only findings become results (FAIL, WARN, INFO at level
 * {@code note}, ERROR, WAIVED as a suppressed result, BASELINED with {@code baselineState: unchanged}); passes and
 * skips are not findings. Each result carries a line-independent
 * {@code partialFingerprints} entry so that trackers tell new findings from fixed ones across builds.
 */
public final class SarifRenderer implements Renderer {
    private static final JsonFactory FACTORY = new JsonFactory();
    static final String FINGERPRINT_KEY = "ascentFinding/v1";

    @Override
    public void render(Report report, Writer out) throws IOException {
        Map<String, Item> rules = new LinkedHashMap<>();
        for (Item item : report.items()) {
            rules.putIfAbsent(item.id(), item);
        }
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.writeStringField("version", "2.1.0");
            json.writeArrayFieldStart("runs");
            json.writeStartObject();
            json.writeObjectFieldStart("tool");
            json.writeObjectFieldStart("driver");
            json.writeStringField("name", "Ascent");
            json.writeStringField("version", AscentVersion.get());
            json.writeStringField("informationUri", "https://ascent.dev/docs/checks");
            json.writeArrayFieldStart("rules");
            for (Item rule : rules.values()) {
                ruleIndex.put(rule.id(), ruleIndex.size());
                json.writeStartObject();
                json.writeStringField("id", rule.id());
                json.writeObjectFieldStart("shortDescription");
                json.writeStringField("text", rule.title());
                json.writeEndObject();
                json.writeObjectFieldStart("defaultConfiguration");
                json.writeStringField("level", level(rule.severity()));
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndObject();
            if (report.interrupted()) {
                json.writeArrayFieldStart("invocations");
                json.writeStartObject();
                json.writeBooleanField("executionSuccessful", false);
                json.writeNumberField("exitCode", report.exitStatus());
                json.writeStringField("exitCodeDescription", "interrupted: the run was cancelled; results are partial");
                json.writeEndObject();
                json.writeEndArray();
            }
            json.writeArrayFieldStart("results");
            for (Item item : report.items()) {
                if (isFinding(item)) {
                    result(item, ruleIndex.get(item.id()), json);
                }
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
        }
        out.write("\n");
    }

    private static boolean isFinding(Item item) {
        return item.status().isFinding();
    }

    private static void result(Item item, int index, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("ruleId", item.id());
        json.writeNumberField("ruleIndex", index);
        json.writeStringField("level", level(item));
        json.writeObjectFieldStart("message");
        json.writeStringField("text", item.remediation() == null ? item.message()
                : item.message() + ". Fix: " + item.remediation());
        json.writeEndObject();
        if (item.location() != null) {
            json.writeArrayFieldStart("locations");
            json.writeStartObject();
            json.writeObjectFieldStart("physicalLocation");
            json.writeObjectFieldStart("artifactLocation");
            json.writeStringField("uri", uri(item.location().path()));
            json.writeStringField("uriBaseId", "%SRCROOT%");
            json.writeEndObject();
            if (item.location().hasLine()) {
                json.writeObjectFieldStart("region");
                json.writeNumberField("startLine", item.location().line());
                if (item.location().column() > 0) {
                    json.writeNumberField("startColumn", item.location().column());
                }
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeEndObject();
            json.writeEndArray();
        }
        if (item.status() == Status.BASELINED) {
            // SARIF's own word for a finding the baseline already holds; trackers show it as not new.
            json.writeStringField("baselineState", "unchanged");
        }
        json.writeObjectFieldStart("partialFingerprints");
        json.writeStringField(FINGERPRINT_KEY, Fingerprints.of(item));
        json.writeEndObject();
        if (item.errorKind() != null) {
            json.writeObjectFieldStart("properties");
            json.writeStringField("errorKind", item.errorKind().label());
            json.writeEndObject();
        }
        if (item.waiver() != null) {
            json.writeArrayFieldStart("suppressions");
            json.writeStartObject();
            json.writeStringField("kind", "external");
            json.writeStringField("status", "accepted");
            json.writeStringField("justification", item.waiver().reason() + " (until " + item.waiver().expires()
                    + (item.waiver().owner() == null ? "" : ", owner " + item.waiver().owner()) + ")");
            json.writeEndObject();
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    /**
     * A repository path as a relative URI reference (RFC 3986): each segment's UTF-8 bytes percent-encoded except
     * the unreserved characters, so spaces, {@code %}, {@code #}, {@code ?}, a {@code :} that would read as a scheme,
     * and control characters all survive a round trip.
     */
    static String uri(String path) {
        StringBuilder out = new StringBuilder(path.length() + 16);
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            boolean unreserved = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
            if (unreserved) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** A gating status is an error and an info finding a note, whatever severity the rule declared. */
    private static String level(Item item) {
        return switch (item.status()) {
            case ERROR, FAIL -> "error";
            case INFO -> "note";
            default -> level(item.severity());
        };
    }

    private static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }
}

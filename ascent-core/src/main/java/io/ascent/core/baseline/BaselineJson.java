package io.ascent.core.baseline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.ascent.core.report.Location;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The baseline file's JSON form, version {@value #FORMAT_VERSION} (docs/report-format.md, "Baselines"):
 * <pre>{@code
 * { "formatVersion": "1", "about": "...",
 *   "findings": [ { "fingerprint": "…32 hex…", "id": "manifest.probes", "path": "k8s/web.yaml", "hint": "…" } ] }
 * }</pre>
 * An entry has {@code "count"} when more than one finding shares its fingerprint. Reading is strict, since the file
 * comes from the repository: unknown or duplicate fields, wrong types, malformed fingerprints and overlong values
 * are each a {@link BaselineException} at the line and column where they are.
 */
public final class BaselineJson {
    /** The version this reader understands and this writer writes. */
    public static final String FORMAT_VERSION = "1";
    /** The largest baseline file read: about 100,000 findings; anything larger was not written by Ascent. */
    public static final long MAX_BYTES = 16L << 20;
    static final int MAX_ENTRIES = 100_000;
    private static final int MAX_ID_LENGTH = 200;
    private static final int MAX_PATH_LENGTH = 4096;
    private static final int MAX_HINT_LENGTH = 1000;
    private static final int MAX_COUNT = 1_000_000;
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{32}");
    private static final String ABOUT = "Findings accepted when Ascent was adopted, written by 'ascent baseline'. "
            + "Only findings not listed here fail a run; remove an entry once its finding is fixed.";
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(MAX_PATH_LENGTH * 2).maxNestingDepth(8).maxNumberLength(12).build())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private BaselineJson() {
    }

    /** Writes {@code baseline} as indented JSON with a final line feed; the same baseline gives the same bytes. */
    public static void write(Baseline baseline, Writer out) throws IOException {
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("formatVersion", FORMAT_VERSION);
            json.writeStringField("about", ABOUT);
            json.writeArrayFieldStart("findings");
            for (BaselineEntry entry : baseline.entries()) {
                json.writeStartObject();
                json.writeStringField("fingerprint", entry.fingerprint());
                json.writeStringField("id", entry.id());
                json.writeStringField("path", entry.path());
                json.writeStringField("hint", entry.hint());
                if (entry.count() > 1) {
                    json.writeNumberField("count", entry.count());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.write("\n");
    }

    /**
     * Reads a baseline file's text.
     *
     * @param displayPath how reports name the file
     * @throws BaselineException at the line and column of the first thing wrong with it
     */
    public static Baseline read(String text, String displayPath) throws BaselineException {
        if (text.length() > MAX_BYTES) {
            throw new BaselineException(Location.of(displayPath), "the file is " + text.length()
                    + " characters; a baseline holds at most " + MAX_BYTES + " bytes");
        }
        try (JsonParser json = FACTORY.createParser(text)) {
            return new Reading(json, displayPath).baseline();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new BaselineException(at == null ? Location.of(displayPath) : location(displayPath, at),
                    "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BaselineException(Location.of(displayPath), "cannot be read: " + e.getMessage());
        }
    }

    private static Location location(String displayPath, JsonLocation at) {
        return new Location(displayPath, Math.max(0, at.getLineNr()), Math.max(0, at.getColumnNr()));
    }

    /** One pass over a file; keeps where the parser is for every message. */
    private static final class Reading {
        private final JsonParser json;
        private final String path;

        Reading(JsonParser json, String path) {
            this.json = json;
            this.path = path;
        }

        Baseline baseline() throws IOException, BaselineException {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw fault("expected a JSON object with \"formatVersion\" and \"findings\"");
            }
            String version = null;
            List<BaselineEntry> entries = null;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                Location fieldAt = here();
                JsonToken value = json.nextToken();
                switch (field) {
                    case "formatVersion" -> {
                        version = string(value, field, 10);
                        if (!FORMAT_VERSION.equals(version)) {
                            throw fault("formatVersion \"" + version + "\" is not known; this Ascent reads version "
                                    + FORMAT_VERSION + " (write the file again with 'ascent baseline')");
                        }
                    }
                    case "about" -> string(value, field, MAX_HINT_LENGTH);
                    case "findings" -> entries = entries(value);
                    default -> throw new BaselineException(fieldAt, "unknown property '" + field
                            + "'; a baseline has formatVersion, about and findings");
                }
            }
            if (json.nextToken() != null) {
                throw fault("unexpected content after the baseline's closing '}'");
            }
            if (version == null || entries == null) {
                throw new BaselineException(new Location(path, 1, 1), "missing \""
                        + (version == null ? "formatVersion" : "findings") + "\"; write the file again with "
                        + "'ascent baseline'");
            }
            return new Baseline(entries);
        }

        private List<BaselineEntry> entries(JsonToken value) throws IOException, BaselineException {
            if (value != JsonToken.START_ARRAY) {
                throw fault("findings must be a list of entries");
            }
            List<BaselineEntry> entries = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            while (json.nextToken() != JsonToken.END_ARRAY) {
                if (entries.size() == MAX_ENTRIES) {
                    throw fault("more than " + MAX_ENTRIES + " entries; a baseline that large hides too much");
                }
                BaselineEntry entry = entry();
                if (!seen.add(entry.fingerprint())) {
                    throw new BaselineException(new Location(path, entry.line(), entry.column()),
                            "a second entry for fingerprint " + entry.fingerprint() + "; use one entry with \"count\"");
                }
                entries.add(entry);
            }
            return entries;
        }

        private BaselineEntry entry() throws IOException, BaselineException {
            if (json.currentToken() != JsonToken.START_OBJECT) {
                throw fault("each finding must be an object with fingerprint, id, path and hint");
            }
            Location start = here();
            String fingerprint = null;
            String id = null;
            String file = "";
            String hint = "";
            int count = 1;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                Location fieldAt = here();
                JsonToken value = json.nextToken();
                switch (field) {
                    case "fingerprint" -> {
                        fingerprint = string(value, field, 32);
                        if (!FINGERPRINT.matcher(fingerprint).matches()) {
                            throw fault("fingerprint must be 32 lower-case hex digits, as 'ascent baseline' writes "
                                    + "them");
                        }
                    }
                    case "id" -> id = string(value, field, MAX_ID_LENGTH);
                    case "path" -> file = string(value, field, MAX_PATH_LENGTH);
                    case "hint" -> hint = string(value, field, MAX_HINT_LENGTH);
                    case "count" -> {
                        if (value != JsonToken.VALUE_NUMBER_INT || json.getLongValue() < 1
                                || json.getLongValue() > MAX_COUNT) {
                            throw fault("count must be a whole number from 1 to " + MAX_COUNT);
                        }
                        count = json.getIntValue();
                    }
                    default -> throw new BaselineException(fieldAt, "unknown property '" + field
                            + "' in a finding; an entry has fingerprint, id, path, hint and count");
                }
            }
            if (fingerprint == null || id == null) {
                throw new BaselineException(start, "this entry has no " + (fingerprint == null ? "fingerprint" : "id")
                        + "; every entry needs fingerprint and id");
            }
            return new BaselineEntry(fingerprint, id, file, hint, count, start.line(), start.column());
        }

        private String string(JsonToken value, String field, int maxLength) throws IOException, BaselineException {
            if (value != JsonToken.VALUE_STRING) {
                throw fault(field + " must be a string");
            }
            String text = json.getText();
            if (text.length() > maxLength) {
                throw fault(field + " is " + text.length() + " characters; at most " + maxLength + " are allowed");
            }
            return text;
        }

        private Location here() {
            return location(path, json.currentTokenLocation());
        }

        private BaselineException fault(String message) {
            return new BaselineException(here(), message);
        }
    }
}

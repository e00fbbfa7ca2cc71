package io.ascent.core.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.Reader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a report back from its JSON form (version {@value Report#FORMAT_VERSION}, written by
 * {@code report.render.JsonRenderer}), so a report can be kept as JSON and loaded again: the Jenkins plugin keeps it
 * in the build's folder instead of {@code build.xml}. Derived fields (summary, verdict, exit status, fingerprints) are
 * recomputed from the items rather than trusted; an item's {@code key} is not part of the JSON form and comes back {@code null}.
 */
public final class ReportJsonReader {

    /** Reports are the engine's own output; anything this large was not written by it. */
    private static final int MAX_STRING_LENGTH = 1 << 20;
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(MAX_STRING_LENGTH).maxNestingDepth(16).build())
            .build();

    /**
     * @throws IOException when the text is not a report in a format version this reader knows; the message says
     *                     what is wrong and where
     */
    public Report read(Reader in) throws IOException {
        try (JsonParser json = FACTORY.createParser(in)) {
            expect(json, json.nextToken(), JsonToken.START_OBJECT);
            String version = null;
            String subject = null;
            String checklist = null;
            Instant createdAt = null;
            Boolean environmentFailed = null;
            boolean environmentVerdict = false;
            boolean interrupted = false;
            int exitStatus = Verdict.INTERRUPTED.exitStatus();
            List<Item> items = new ArrayList<>();
            List<LogEntry> log = new ArrayList<>();
            List<PhaseRecord> phases = new ArrayList<>();
            List<SourceExcerpt> excerpts = new ArrayList<>();
            ReportHeader header = ReportHeader.NONE;
            FailOn failOn = FailOn.ERROR;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                switch (field) {
                    case "formatVersion" -> version = json.getValueAsString();
                    case "subject" -> subject = text(json, value);
                    case "checklist" -> checklist = text(json, value);
                    case "createdAt" -> createdAt = instant(json, text(json, value));
                    case "verdict" -> environmentVerdict = Verdict.ENVIRONMENT_ERROR.name().equals(text(json, value));
                    case "environmentFailed" -> environmentFailed = bool(json, value);
                    case "interrupted" -> interrupted = bool(json, value);
                    case "exitStatus" -> exitStatus = value == JsonToken.VALUE_NUMBER_INT ? json.getIntValue()
                            : exitStatus;
                    case "failOn" -> failOn = failOn(json, text(json, value));
                    case "header" -> header = header(json, value);
                    case "items" -> {
                        expect(json, value, JsonToken.START_ARRAY);
                        while (json.nextToken() != JsonToken.END_ARRAY) {
                            items.add(item(json));
                        }
                    }
                    case "log" -> {
                        expect(json, value, JsonToken.START_ARRAY);
                        while (json.nextToken() != JsonToken.END_ARRAY) {
                            log.add(logEntry(json));
                        }
                    }
                    case "phases" -> {
                        expect(json, value, JsonToken.START_ARRAY);
                        while (json.nextToken() != JsonToken.END_ARRAY) {
                            phases.add(phase(json));
                        }
                    }
                    case "excerpts" -> {
                        expect(json, value, JsonToken.START_ARRAY);
                        while (json.nextToken() != JsonToken.END_ARRAY) {
                            excerpts.add(excerpt(json));
                        }
                    }
                    default -> json.skipChildren();
                }
            }
            if (!Report.FORMAT_VERSION.equals(version) && !"1".equals(version)) {
                throw new IOException("not an Ascent report of format version 1 or " + Report.FORMAT_VERSION
                        + " (formatVersion: " + version + ")");
            }
            if ("1".equals(version)) {
                // Version 1 had no INFO status: an info finding was a WARN of severity INFO.
                items = items.stream().map(ReportJsonReader::infoOfVersion1).toList();
            }
            if (subject == null || createdAt == null) {
                throw new IOException("the report has no subject or createdAt");
            }
            // Reports written before "environmentFailed" was added say it only through their verdict.
            return new Report(subject, checklist, createdAt, items, log,
                    environmentFailed == null ? environmentVerdict : environmentFailed, phases, interrupted, header,
                    failOn, excerpts, exitStatus);
        }
    }

    private static Item infoOfVersion1(Item item) {
        if (item.status() != Status.WARN || item.severity() != Severity.INFO) {
            return item;
        }
        return new Item(item.id(), item.title(), Status.INFO, item.severity(), item.message(), item.location(),
                item.remediation(), item.duration(), item.waiver(), item.key(), null);
    }

    private static FailOn failOn(JsonParser json, String label) throws IOException {
        try {
            return FailOn.of(label);
        } catch (IllegalArgumentException e) {
            throw new IOException("failOn " + e.getMessage() + " " + where(json), e);
        }
    }

    private static ReportHeader header(JsonParser json, JsonToken value) throws IOException {
        expect(json, value, JsonToken.START_OBJECT);
        ReportHeader header = ReportHeader.NONE;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken token = json.nextToken();
            switch (field) {
                case "repository" -> header = header.withRepository(text(json, token));
                case "commit" -> header = header.withCommit(text(json, token));
                case "kubernetesVersion" -> header = header.withKubernetesVersion(text(json, token));
                default -> json.skipChildren();
            }
        }
        return header;
    }

    private static Item item(JsonParser json) throws IOException {
        expect(json, json.currentToken(), JsonToken.START_OBJECT);
        String id = null;
        String title = null;
        Status status = null;
        Severity severity = null;
        String message = null;
        Location location = null;
        String remediation = null;
        Duration duration = Duration.ZERO;
        Waiver waiver = null;
        ErrorKind errorKind = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            switch (field) {
                case "id" -> id = text(json, value);
                case "title" -> title = text(json, value);
                case "status" -> status = constant(json, Status.class, text(json, value));
                case "severity" -> severity = constant(json, Severity.class, text(json, value));
                case "message" -> message = text(json, value);
                case "location" -> location = location(json);
                case "remediation" -> remediation = text(json, value);
                case "durationMillis" -> duration = Duration.ofMillis(number(json, value));
                case "waiver" -> waiver = waiver(json);
                case "errorKind" -> errorKind = constant(json, ErrorKind.class, text(json, value));
                default -> json.skipChildren();
            }
        }
        if (id == null || title == null || status == null || severity == null || message == null) {
            throw new IOException("an item lacks id, title, status, severity or message " + where(json));
        }
        return new Item(id, title, status, severity, message, location, remediation, duration, waiver, null,
                errorKind);
    }

    private static SourceExcerpt excerpt(JsonParser json) throws IOException {
        expect(json, json.currentToken(), JsonToken.START_OBJECT);
        String path = null;
        long firstLine = 0;
        List<String> lines = new ArrayList<>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            switch (field) {
                case "path" -> path = text(json, value);
                case "firstLine" -> firstLine = number(json, value);
                case "lines" -> {
                    expect(json, value, JsonToken.START_ARRAY);
                    while (json.nextToken() != JsonToken.END_ARRAY) {
                        lines.add(text(json, json.currentToken()));
                    }
                }
                default -> json.skipChildren();
            }
        }
        if (path == null || firstLine < 1 || firstLine > Integer.MAX_VALUE) {
            throw new IOException("an excerpt lacks its path or firstLine " + where(json));
        }
        return new SourceExcerpt(path, (int) firstLine, lines);
    }

    private static Location location(JsonParser json) throws IOException {
        expect(json, json.currentToken(), JsonToken.START_OBJECT);
        String path = null;
        long line = 0;
        long column = 0;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            switch (field) {
                case "path" -> path = text(json, value);
                case "line" -> line = number(json, value);
                case "column" -> column = number(json, value);
                default -> json.skipChildren();
            }
        }
        if (path == null || line < 0 || column < 0 || line > Integer.MAX_VALUE || column > Integer.MAX_VALUE) {
            throw new IOException("a location needs a path and non-negative line and column " + where(json));
        }
        return new Location(path, (int) line, (int) column);
    }

    private static Waiver waiver(JsonParser json) throws IOException {
        expect(json, json.currentToken(), JsonToken.START_OBJECT);
        String reason = null;
        String owner = null;
        String expires = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            switch (field) {
                case "reason" -> reason = text(json, value);
                case "owner" -> owner = text(json, value);
                case "expires" -> expires = text(json, value);
                default -> json.skipChildren();
            }
        }
        if (reason == null || expires == null) {
            throw new IOException("a waiver needs a reason and an expiry date " + where(json));
        }
        try {
            return new Waiver(reason, owner, LocalDate.parse(expires));
        } catch (DateTimeParseException e) {
            throw new IOException("waiver expiry '" + expires + "' is not a date " + where(json), e);
        }
    }

    private static LogEntry logEntry(JsonParser json) throws IOException {
        expect(json, json.currentToken(), JsonToken.START_OBJECT);
        LogEntry.Level level = null;
        String message = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            switch (field) {
                case "level" -> level = constant(json, LogEntry.Level.class, text(json, value));
                case "message" -> message = text(json, value);
                default -> json.skipChildren();
            }
        }
        if (level == null || message == null) {
            throw new IOException("a log entry needs a level and a message " + where(json));
        }
        return new LogEntry(level, message);
    }

    private static PhaseRecord phase(JsonParser json) throws IOException {
        expect(json, json.currentToken(), JsonToken.START_OBJECT);
        String name = null;
        String parent = null;
        Instant startedAt = null;
        Duration duration = Duration.ZERO;
        PhaseRecord.Outcome outcome = null;
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            switch (field) {
                case "name" -> name = text(json, value);
                case "parent" -> parent = text(json, value);
                case "startedAt" -> startedAt = instant(json, text(json, value));
                case "durationMillis" -> duration = Duration.ofMillis(number(json, value));
                case "outcome" -> outcome = constant(json, PhaseRecord.Outcome.class, text(json, value));
                default -> json.skipChildren();
            }
        }
        if (name == null || startedAt == null || outcome == null) {
            throw new IOException("a phase needs a name, a start and an outcome " + where(json));
        }
        return new PhaseRecord(name, parent, startedAt, duration, outcome);
    }

    private static boolean bool(JsonParser json, JsonToken value) throws IOException {
        if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
            throw new IOException("expected true or false but found " + value + " " + where(json));
        }
        return value == JsonToken.VALUE_TRUE;
    }

    private static String text(JsonParser json, JsonToken value) throws IOException {
        expect(json, value, JsonToken.VALUE_STRING);
        return json.getText();
    }

    private static long number(JsonParser json, JsonToken value) throws IOException {
        expect(json, value, JsonToken.VALUE_NUMBER_INT);
        return json.getLongValue();
    }

    private static Instant instant(JsonParser json, String text) throws IOException {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IOException("'" + text + "' is not an ISO-8601 instant " + where(json), e);
        }
    }

    private static <E extends Enum<E>> E constant(JsonParser json, Class<E> type, String name) throws IOException {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new IOException("unknown " + type.getSimpleName() + " '" + name + "' " + where(json), e);
        }
    }

    private static void expect(JsonParser json, JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("expected " + expected + " but found " + actual + " " + where(json));
        }
    }

    private static String where(JsonParser json) {
        return "at line " + json.currentLocation().getLineNr() + ", column " + json.currentLocation().getColumnNr();
    }
}

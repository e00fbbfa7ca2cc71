package io.ascent.core.checklist;

import io.ascent.core.jsonschema.LocatedSchemaValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The published JSON Schema of the checklist format, compiled once per JVM. */
public final class ChecklistSchema {
    /** Class-path location of the v1 schema, next to this class. */
    public static final String RESOURCE = "ascent-checklist-v1.schema.json";
    /** The schema's stable {@code $id}; editors and {@code # yaml-language-server: $schema=} use it. */
    public static final String ID = "https://ascent.dev/schemas/checklist/v1/ascent-checklist.schema.json";
    /** The only {@code apiVersion} this release reads. */
    public static final String API_VERSION = "ascent.dev/v1";

    private ChecklistSchema() {
    }

    /** The compiled schema; compiled on first use, then shared (validation is thread-safe). */
    public static LocatedSchemaValidator validator() {
        return Holder.VALIDATOR;
    }

    /** The schema's text, as {@code ascent schema} prints it. */
    public static String text() {
        try (InputStream in = ChecklistSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("schema resource missing from the build: " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Holder {
        static final LocatedSchemaValidator VALIDATOR =
                LocatedSchemaValidator.fromResource(ChecklistSchema.class, RESOURCE);
    }
}

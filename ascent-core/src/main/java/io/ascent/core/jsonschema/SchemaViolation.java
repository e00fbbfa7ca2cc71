package io.ascent.core.jsonschema;

import io.ascent.core.report.Location;

/**
 * One schema violation.
 *
 * @param pointer  JSON pointer of the offending value, such as {@code /repository/required/0} ({@code ""} for
 *                 the document)
 * @param location where it is in the file
 * @param keyword  the schema keyword that failed ({@code required}, {@code type}, ...)
 * @param message  what is wrong and, where it can tell, what to write instead
 */
public record SchemaViolation(String pointer, Location location, String keyword, String message) {

    /** {@code path:line:col: message}. */
    public String describe() {
        return location + ": " + message;
    }
}

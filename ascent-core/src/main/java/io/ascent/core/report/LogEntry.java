package io.ascent.core.report;

import java.io.Serializable;
import java.util.Objects;

/**
 * A diagnostic line that travels with the report (from a Jenkins agent to the controller, for instance). DEBUG
 * lines (an internal error's stack trace, counts) are kept in the report's JSON form but left out of the text and
 * Markdown forms.
 */
public record LogEntry(Level level, String message) implements Serializable {

    public LogEntry {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
    }

    /** How much a line matters, least first. */
    public enum Level { DEBUG, INFO, WARN, ERROR }
}

package io.ascent.core.report;

import java.io.Serializable;

/** A diagnostic line that travels with the report (from a Jenkins agent to the controller, for instance). */
public record LogEntry(Level level, String message) implements Serializable {

    public enum Level { INFO, ERROR }
}

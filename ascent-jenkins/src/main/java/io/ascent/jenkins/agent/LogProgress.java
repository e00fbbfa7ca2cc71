package io.ascent.jenkins.agent;

import io.ascent.core.progress.ProgressListener;
import io.ascent.core.report.LogEntry;
import java.io.PrintStream;
import java.time.Duration;

/** Sends the engine's progress to the build log as {@code [ascent]} lines, while the run goes on. */
final class LogProgress implements ProgressListener {

    static final String PREFIX = "[ascent] ";

    private final PrintStream log;

    LogProgress(PrintStream log) {
        this.log = log;
    }

    @Override
    public void phaseStarted(String phase) {
        log.println(PREFIX + phase + " ...");
    }

    @Override
    public void phaseFinished(String phase, Duration elapsed) {
        log.println(PREFIX + phase + " done in " + elapsed.toMillis() + " ms");
    }

    @Override
    public void info(String message) {
        log.println(PREFIX + message);
    }

    /** Warnings and errors say so; DEBUG lines (stack traces of internal errors) stay in the report's JSON. */
    @Override
    public void log(LogEntry.Level level, String message) {
        switch (level) {
            case WARN -> log.println(PREFIX + "warning: " + message);
            case ERROR -> log.println(PREFIX + "error: " + message);
            case INFO -> info(message);
            case DEBUG -> {
                // kept in the report only
            }
        }
    }
}

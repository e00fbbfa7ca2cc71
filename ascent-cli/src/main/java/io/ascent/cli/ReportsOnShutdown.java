package io.ascent.cli;

import java.util.function.BooleanSupplier;

/**
 * For the resident engine: its JVM's shutdown (SIGTERM to the daemon) stops every running request, and their
 * interrupted reports are written during that shutdown. {@link ReportFiles}' shutdown hook, which otherwise abandons
 * report writes once the JVM goes down, must then let them happen. JVM-wide on purpose: there is one shutdown.
 */
public final class ReportsOnShutdown {
    private ReportsOnShutdown() {
    }

    /** {@code expected} is asked during the JVM's shutdown whether reports are still to be written. */
    public static void expect(BooleanSupplier expected) {
        ReportFiles.expectReportAfterShutdown(expected);
    }
}

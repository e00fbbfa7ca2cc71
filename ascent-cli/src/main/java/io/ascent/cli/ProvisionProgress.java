package io.ascent.cli;

import io.ascent.core.progress.ProgressListener;
import io.ascent.core.report.LogEntry;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * Progress of {@code ascent provision} on standard error, each line with the time since the start: phases, every
 * object applied and judged, tests. Intermediate wait states ("1 of 2 updated replicas are available") only with
 * {@code --verbose}. Thread-safe: the shutdown hook may print too.
 */
final class ProvisionProgress implements ProgressListener {
    private final PrintWriter err;
    private final boolean verbose;
    private final boolean echoInfoLog;
    private final long start = System.nanoTime();

    ProvisionProgress(PrintWriter err, boolean verbose) {
        this(err, verbose, true);
    }

    /**
     * @param echoInfoLog whether the run's INFO log lines are shown as they come; not when the text report on
     *                    standard output prints them a moment later anyway (a dry run's plan would show twice)
     */
    ProvisionProgress(PrintWriter err, boolean verbose, boolean echoInfoLog) {
        this.err = err;
        this.verbose = verbose;
        this.echoInfoLog = echoInfoLog;
    }

    @Override
    public synchronized void log(LogEntry.Level level, String message) {
        if (level != LogEntry.Level.INFO || echoInfoLog) {
            ProgressListener.super.log(level, message);
        }
    }

    @Override
    public synchronized void phaseStarted(String phase) {
        line(phase + " ...");
    }

    @Override
    public synchronized void phaseFinished(String phase, Duration elapsed) {
        line(phase + " done in " + elapsed.toMillis() + " ms");
    }

    @Override
    public synchronized void info(String message) {
        if (verbose || !isIntermediate(message)) {
            line(message);
        }
    }

    /** A wait's passing state: "deploy: Deployment/web: 1 of 2 updated replicas are available (812 ms)". */
    private static boolean isIntermediate(String message) {
        return message.startsWith("deploy: ") && (message.contains(" of ") || message.contains("not created yet")
                || message.contains("waiting for") || message.contains("not ready") || message.contains("pending"))
                && !message.contains("rolled out");
    }

    private void line(String text) {
        err.println("ascent [" + elapsed(Duration.ofNanos(System.nanoTime() - start)) + "] " + text);
        err.flush();
    }

    /**
     * {@code "  0.1s"}: seconds to a tenth (half up), right-aligned in five places as {@code %5.1f} put them, with a
     * dot whatever the locale. Not with a Formatter: the first one a cold JVM makes loads the locale's data (about
     * 30 ms), and this is the first line of every provision, on the main thread (docs/performance.md, "The
     * connection's warm-up from the first word").
     */
    static String elapsed(Duration elapsed) {
        long tenths = (elapsed.toMillis() + 50) / 100;
        String seconds = tenths / 10 + "." + tenths % 10;
        return " ".repeat(Math.max(0, 5 - seconds.length())) + seconds + "s";
    }
}

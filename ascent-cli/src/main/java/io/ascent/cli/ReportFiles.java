package io.ascent.cli;

import io.ascent.core.report.render.SiblingFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Writes the rendered formats of one run to their files, all or none. Each regular file is written beside its
 * destination and only once every format is written are they moved into place, one after another, under a lock the
 * shutdown hook also takes: a run stopped by SIGTERM (a Jenkins abort) before that point leaves the previous run's
 * files untouched and its own temporary files deleted, and one stopped during the moves finishes them first. No
 * output directory ever holds formats from two runs, nor a partial file. Each file gets the permissions a new file
 * gets in its folder (0644 under the usual umask 022, or what a default ACL says), so others can read it.
 *
 * <p>A destination that is not a regular file (a device such as {@code /dev/null}, a named pipe) or is a symbolic
 * link the operator chose ({@code /dev/stdout}) is written through, never replaced: moving a file over
 * {@code /dev/null} would, as root, replace the device itself.
 */
final class ReportFiles {
    private static final Object COMMIT = new Object();
    private static final Set<Path> TEMPORARY = ConcurrentHashMap.newKeySet();
    private static boolean shuttingDown; // guarded by COMMIT
    private static volatile BooleanSupplier reportAfterShutdown = () -> false;

    static {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(ReportFiles::abandon, "ascent-report-cleanup"));
        } catch (IllegalStateException e) {
            // First used while the JVM is already shutting down: nothing was staged before, so nothing to clean up.
        }
    }

    private ReportFiles() {
    }

    /**
     * For a command that writes its report after it was told to stop (on SIGTERM the run stops, a provision tears its
     * cluster down, then the interrupted run's report is written while {@link ReportOnStop} keeps the JVM alive).
     * When {@code expected} answers true during the shutdown, the hook lets that write happen instead of refusing
     * it. Call it before the run starts.
     */
    static void expectReportAfterShutdown(BooleanSupplier expected) {
        reportAfterShutdown = expected;
    }

    /** Writes {@code contents} (destination to bytes); all regular files are replaced together, at the end. */
    static void write(Map<Path, byte[]> contents) throws IOException {
        Map<Path, Path> staged = new LinkedHashMap<>();
        try {
            for (Map.Entry<Path, byte[]> entry : contents.entrySet()) {
                Path target = entry.getKey().toAbsolutePath();
                if (writesThrough(target)) {
                    try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.WRITE,
                            StandardOpenOption.TRUNCATE_EXISTING)) {
                        out.write(entry.getValue());
                    }
                    continue;
                }
                Files.createDirectories(target.getParent());
                Path temporary = stage(target);
                staged.put(temporary, target);
                // No CREATE: if the shutdown hook has deleted the file, writing fails instead of making it again.
                Files.write(temporary, entry.getValue(), StandardOpenOption.WRITE);
            }
            synchronized (COMMIT) {
                if (shuttingDown) {
                    throw new IOException("stopped before the reports were written");
                }
                for (Map.Entry<Path, Path> move : staged.entrySet()) {
                    moveIntoPlace(move.getKey(), move.getValue());
                    TEMPORARY.remove(move.getKey());
                }
            }
        } finally {
            for (Path temporary : staged.keySet()) {
                Files.deleteIfExists(temporary);
                TEMPORARY.remove(temporary);
            }
        }
    }

    /** A new temporary file beside {@code target}, known to the shutdown hook before anything is written to it. */
    private static Path stage(Path target) throws IOException {
        synchronized (COMMIT) {
            if (shuttingDown) {
                throw new IOException("stopped before the reports were written");
            }
            Path temporary = SiblingFile.beside(target);
            TEMPORARY.add(temporary);
            return temporary;
        }
    }

    /** A device, a named pipe or a symbolic link: written through, never replaced by a new file. */
    static boolean writesThrough(Path target) {
        return Files.isSymbolicLink(target)
                || Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
                && !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS);
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The shutdown hook: waits for moves under way, stops any not yet begun, removes temporary files. */
    private static void abandon() {
        if (reportAfterShutdown.getAsBoolean()) {
            return; // the command writes its final report during shutdown, through write() as usual
        }
        synchronized (COMMIT) {
            shuttingDown = true;
            for (Path temporary : TEMPORARY) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    // The JVM is going away; nothing more can be done about a file that will not go.
                }
            }
        }
    }
}

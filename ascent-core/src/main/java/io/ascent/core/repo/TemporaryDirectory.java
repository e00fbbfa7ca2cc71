package io.ascent.core.repo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.util.FileUtils;

/**
 * A temporary directory removed on {@link #close()}, or by a shutdown hook when the JVM is stopped first: SIGTERM,
 * what a Jenkins abort sends to the {@code ascent} process, runs shutdown hooks but no {@code finally} block, and a
 * clone left behind costs the agent hundreds of megabytes per aborted build.
 */
final class TemporaryDirectory implements AutoCloseable {
    /** The hook may run while a clone still writes into the directory: delete until it stays gone. */
    private static final int ATTEMPTS = 10;

    private final Path path;
    private final Thread hook;

    private TemporaryDirectory(Path path) {
        this.path = path;
        this.hook = new Thread(this::deleteUntilGone, "ascent-cleanup-" + path.getFileName());
    }

    /** A new directory under {@code parent}, named {@code prefix} and a random part. */
    static TemporaryDirectory create(Path parent, String prefix) throws IOException {
        TemporaryDirectory directory = new TemporaryDirectory(Files.createTempDirectory(parent, prefix));
        Runtime.getRuntime().addShutdownHook(directory.hook);
        return directory;
    }

    Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Shutdown under way: the hook deletes the directory.
        }
        FileUtils.delete(path.toFile(), FileUtils.RECURSIVE | FileUtils.RETRY | FileUtils.SKIP_MISSING);
    }

    private void deleteUntilGone() {
        for (int attempt = 0; attempt < ATTEMPTS && Files.exists(path); attempt++) {
            try {
                FileUtils.delete(path.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
            } catch (IOException e) {
                // A file appeared while deleting; the next attempt takes it.
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}

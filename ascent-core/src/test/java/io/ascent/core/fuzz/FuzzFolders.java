package io.ascent.core.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The temporary folder a fuzz test lays its files out in once per JVM (a Jazzer test builds its fixture in a static
 * initialiser, before any JUnit extension could hand it a {@code @TempDir}). {@code File.deleteOnExit} cannot remove
 * a folder that still has files, so every run used to leave one behind in {@code /tmp}; this one is walked and
 * deleted when the JVM exits.
 */
public final class FuzzFolders {
    private FuzzFolders() {
    }

    /** A new folder named {@code prefix…} under the system's temporary folder, deleted with all it holds at exit. */
    public static Path create(String prefix) {
        try {
            Path folder = Files.createTempDirectory(prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(folder), "delete " + prefix));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Links are deleted, never followed: a fixture's link to its own parent or to /dev/zero is safe to walk past. */
    static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Best effort at exit: a folder left in /tmp is not worth failing the build for.
        }
    }
}

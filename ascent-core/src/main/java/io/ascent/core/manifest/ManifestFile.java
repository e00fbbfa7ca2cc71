package io.ascent.core.manifest;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A manifest file to read: where it is, and how reports name it (relative to the repository root).
 *
 * <p>A run keeps every file it will read from the expansion of {@code kubernetes.manifests} to the end of the step,
 * 10,000 of them in issue 17's first row. A {@link Path} per file (its bytes, its offsets, the string it caches) and
 * the display path beside it were 2.6 MB of a 10 MB live heap, so a file that sits at its display path under the
 * repository root ({@link #under}) keeps only the display path and the shared root, and makes its path when asked
 * (docs/performance.md, "Launcher memory, second round"). Equality is a record's: the path and the display path.
 */
public final class ManifestFile {
    private final Path file;
    private final Path root;
    private final String displayPath;

    /**
     * @param file        where it is
     * @param displayPath how reports name it (relative to the repository root)
     */
    public ManifestFile(Path file, String displayPath) {
        this(Objects.requireNonNull(file, "file"), null, Objects.requireNonNull(displayPath, "displayPath"));
    }

    private ManifestFile(Path file, Path root, String displayPath) {
        this.file = file;
        this.root = root;
        this.displayPath = displayPath;
    }

    /**
     * The file {@code file}, named {@code displayPath}: kept as the display path under {@code repositoryRoot} when
     * that gives back the same path (a relative display path inside the repository), otherwise as given.
     */
    public static ManifestFile under(Path repositoryRoot, Path file, String displayPath) {
        return !Path.of(displayPath).isAbsolute() && repositoryRoot.resolve(displayPath).equals(file)
                ? new ManifestFile(null, repositoryRoot, displayPath) : new ManifestFile(file, displayPath);
    }

    /** Where it is. */
    public Path file() {
        return file != null ? file : root.resolve(displayPath);
    }

    /** How reports name it (relative to the repository root). */
    public String displayPath() {
        return displayPath;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ManifestFile that && displayPath.equals(that.displayPath) && file().equals(that.file());
    }

    @Override
    public int hashCode() {
        return 31 * file().hashCode() + displayPath.hashCode();
    }

    @Override
    public String toString() {
        return "ManifestFile[file=" + file() + ", displayPath=" + displayPath + "]";
    }
}

package io.ascent.cli.daemon;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.Optional;

/**
 * The jar the engine runs from, as it was when the engine started. A rebuild gives the next command a new engine (the
 * client's socket name hashes the jar's size and modification time), so the old one would otherwise sit idle, holding
 * its memory, until its idle timeout; it ends as soon as nothing runs in it instead ({@link DaemonServer}).
 */
final class OwnJar {
    private final Path file;
    private final long size;
    private final FileTime modified;

    private OwnJar(Path file, long size, FileTime modified) {
        this.file = file;
        this.size = size;
        this.modified = modified;
    }

    /** The jar {@link DaemonMain} was loaded from; empty when it ran from a folder of classes (the tests). */
    static Optional<OwnJar> ofThisEngine() {
        try {
            Path location = Path.of(DaemonMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(location) ? of(location) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty(); // no file to watch: the idle timeout still ends the engine
        }
    }

    /** {@code file} as it is now, or empty when it cannot be read. */
    static Optional<OwnJar> of(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return Optional.of(new OwnJar(file, attributes.size(), attributes.lastModifiedTime()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Whether the jar was replaced, rewritten or removed since the engine started. */
    boolean changed() {
        return of(file).map(now -> now.size != size || !Objects.equals(now.modified, modified)).orElse(true);
    }

    Path file() {
        return file;
    }
}

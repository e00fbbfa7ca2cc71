package io.ascent.core.workspace;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Optional;

/**
 * The one way the engine reads a file: under a root it must stay inside, and within a size limit. A file is read
 * only when it is a regular file whose real location (symbolic links followed) is inside the root; a link that
 * leads out, a named pipe, a device or a socket is refused, so that a repository can neither make Ascent read
 * {@code ~/.git-credentials} nor block on a FIFO nor exhaust memory on {@code /dev/zero}.
 *
 * <p>A file may be swapped between the check and the read (a race with someone who can write the workspace
 * while Ascent runs); the size limit still holds, since reading stops at it whatever the file has become.
 */
public final class ConfinedFiles {
    private final Optional<Path> root;
    private final long maxBytes;

    private ConfinedFiles(Optional<Path> root, long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative: " + maxBytes);
        }
        this.root = root.map(r -> r.toAbsolutePath().normalize());
        this.maxBytes = maxBytes;
    }

    /**
     * Files under {@code root} (usually the repository) of at most {@code maxBytes} bytes.
     */
    public static ConfinedFiles under(Path root, long maxBytes) {
        return new ConfinedFiles(Optional.of(Objects.requireNonNull(root, "root")), maxBytes);
    }

    /**
     * Files anywhere, still regular and within {@code maxBytes}: only for paths the operator typed (an explicit
     * {@code --checklist} outside the repository), never for paths a repository wrote.
     */
    public static ConfinedFiles anywhere(long maxBytes) {
        return new ConfinedFiles(Optional.empty(), maxBytes);
    }

    /** The same root with another size limit. */
    public ConfinedFiles withLimit(long otherMaxBytes) {
        return new ConfinedFiles(root, otherMaxBytes);
    }

    /** The root files must stay inside; empty for {@link #anywhere}. */
    public Optional<Path> root() {
        return root;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Whether {@code path}, as written (before links are followed), lies under the root. */
    public boolean contains(Path path) {
        return root.isEmpty() || path.toAbsolutePath().normalize().startsWith(root.get());
    }

    /**
     * Checks that {@code file} may be read and returns its real path.
     *
     * @throws NoSuchFileException  when it does not exist (also a dangling link)
     * @throws RefusedFileException when it leaves the root, is not a regular file, or is over the limit
     * @throws IOException          when it cannot be examined
     */
    public Path check(Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        if (!contains(absolute)) {
            throw new RefusedFileException(RefusedFileException.Reason.OUTSIDE,
                    "is outside " + root.orElseThrow().getFileName() + "; Ascent reads only files inside it");
        }
        Path real;
        try {
            real = absolute.toRealPath();
        } catch (IOException missing) {
            // A missing file (or a name too long, a file where a folder should be) behind a link that leads out is
            // refused like an existing one: otherwise the answer would tell a repository what exists outside it.
            throwIfLeadingOut(absolute.getParent());
            throw missing;
        }
        if (root.isPresent() && !real.startsWith(realRoot())) {
            // Never say where the link leads: the target's name can be as private as its content.
            throw new RefusedFileException(RefusedFileException.Reason.OUTSIDE,
                    "is a symbolic link that leads out of " + root.get().getFileName()
                            + "; Ascent reads only files inside it");
        }
        BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile()) {
            throw new RefusedFileException(RefusedFileException.Reason.NOT_REGULAR, attributes.isDirectory()
                    ? "is a folder, not a file" : "is not a regular file (a named pipe, device or socket)");
        }
        if (attributes.size() > maxBytes) {
            throw tooLarge(attributes.size());
        }
        return real;
    }

    /** Reads a whole file, after {@link #check}; never more than the limit, even if the file grows meanwhile. */
    public byte[] readAllBytes(Path file) throws IOException {
        Path real = check(file);
        try (InputStream in = Files.newInputStream(real, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw tooLarge(Math.max(bytes.length, Files.size(real)));
            }
            return bytes;
        }
    }

    /**
     * Opens a file, after {@link #check}, for reading as a stream that ends with an {@link IOException} once more
     * than the limit has been read.
     */
    public InputStream open(Path file) throws IOException {
        Path real = check(file);
        return new LimitedStream(Files.newInputStream(real, LinkOption.NOFOLLOW_LINKS), maxBytes);
    }

    /** Refuses when the nearest existing folder at or above {@code dir} lies, links followed, outside the root. */
    private void throwIfLeadingOut(Path dir) throws IOException {
        if (root.isEmpty()) {
            return;
        }
        for (Path existing = dir; existing != null; existing = existing.getParent()) {
            if (Files.exists(existing)) {
                if (!existing.toRealPath().startsWith(realRoot())) {
                    throw new RefusedFileException(RefusedFileException.Reason.OUTSIDE,
                            "is behind a symbolic link that leads out of " + root.get().getFileName()
                                    + "; Ascent reads only files inside it");
                }
                return;
            }
        }
    }

    private Path realRoot() throws IOException {
        return root.orElseThrow().toRealPath();
    }

    private RefusedFileException tooLarge(long size) {
        return new RefusedFileException(RefusedFileException.Reason.TOO_LARGE,
                "is " + size + " bytes; the limit is " + maxBytes + " bytes");
    }

    /** Fails instead of reading past the limit. */
    private static final class LimitedStream extends FilterInputStream {
        private long left;
        private final long limit;

        LimitedStream(InputStream in, long limit) {
            super(in);
            this.left = limit;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && --left < 0) {
                throw new RefusedFileException(RefusedFileException.Reason.TOO_LARGE,
                        "is over " + limit + " bytes; the limit is " + limit + " bytes");
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, (int) Math.min(length, Math.max(1, left + 1)));
            if (n > 0) {
                left -= n;
                if (left < 0) {
                    throw new RefusedFileException(RefusedFileException.Reason.TOO_LARGE,
                            "is over " + limit + " bytes; the limit is " + limit + " bytes");
                }
            }
            return n;
        }
    }
}

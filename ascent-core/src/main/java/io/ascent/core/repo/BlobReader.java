package io.ascent.core.repo;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads what a {@link TreeEntry} holds. Not thread-safe: each worker thread opens its own from
 * {@link RepositoryTree#newReader()}.
 */
public interface BlobReader extends AutoCloseable {

    /** The size in bytes, without reading the content where the store allows it. */
    long size(TreeEntry entry) throws IOException;

    /** Streams the content (for a symbolic link: its target). */
    InputStream open(TreeEntry entry) throws IOException;

    /**
     * A blob's size and content.
     *
     * @param size  the size in bytes
     * @param bytes the content; {@code null} when it is larger than asked; only the first bytes when a NUL among
     *              them showed it binary. Read only: it may be the store's own copy.
     */
    record Content(long size, byte[] bytes) {
    }

    /**
     * The size, and the content when it is at most {@code maxBytes}; a content whose first {@code probe} bytes
     * hold a NUL (binary, as git tells) is not read further. A store that can do it in one lookup does
     * ({@link #size} then {@link #open} are two).
     */
    default Content read(TreeEntry entry, long maxBytes, int probe) throws IOException {
        long size = size(entry);
        if (size > maxBytes) {
            return new Content(size, null);
        }
        try (InputStream in = open(entry)) {
            return new Content(size, readProbingForBinary(in, size, probe));
        }
    }

    /** The stream's {@code size} bytes, or only the first {@code probe} when a NUL is among them. */
    static byte[] readProbingForBinary(InputStream in, long size, int probe) throws IOException {
        byte[] content = new byte[(int) size];
        int length = in.readNBytes(content, 0, Math.min(probe, content.length));
        for (int i = 0; i < length; i++) {
            if (content[i] == 0) {
                return java.util.Arrays.copyOf(content, length);
            }
        }
        length += in.readNBytes(content, length, content.length - length);
        return length == content.length ? content : java.util.Arrays.copyOf(content, length);
    }

    /** At most {@code limit} bytes of the content. */
    default byte[] readPrefix(TreeEntry entry, int limit) throws IOException {
        try (InputStream in = open(entry)) {
            return in.readNBytes(limit);
        }
    }

    @Override
    void close();
}

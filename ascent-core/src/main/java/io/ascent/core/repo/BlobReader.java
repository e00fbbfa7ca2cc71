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

    /** At most {@code limit} bytes of the content. */
    default byte[] readPrefix(TreeEntry entry, int limit) throws IOException {
        try (InputStream in = open(entry)) {
            return in.readNBytes(limit);
        }
    }

    @Override
    void close();
}

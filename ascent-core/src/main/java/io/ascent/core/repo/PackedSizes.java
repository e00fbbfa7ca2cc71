package io.ascent.core.repo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.internal.storage.file.Pack;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;

/**
 * Blob sizes read from the pack entries' headers with one small positional read each, into buffers reused for every
 * blob. JGit's own {@code getObjectSize} loads the 64 KiB pack window around each entry: for a 50,000-file tree that
 * was 1,800 windows, 120 MB of the pack resident in the process (mapped or copied) and most of the file rules'
 * per-file time, for the few bytes of each header (docs/performance.md, "Sizes from the pack headers").
 *
 * <p>The size is the one git's pack format records, as JGit computes it: a whole object's header holds it, a
 * delta's header holds the delta's length and the delta's first inflated bytes hold the base's size and then the
 * result's. Anything else (a loose object, an object in a pack that appeared later or in an alternate, a header
 * that is not a blob's or does not parse, a read that fails) is left to JGit's reader, so every answer is JGit's.
 * Not thread-safe: one per reading thread, like JGit's {@code ObjectReader}.
 */
final class PackedSizes implements AutoCloseable {
    /** A header is at most 1 type byte + 9 size bytes + 20 bytes of base id; a delta's start follows it. */
    private static final int HEADER_READ = 64;
    /** The two sizes a delta starts with, 10 bytes each at most for 64-bit values. */
    private static final int DELTA_SIZES = 20;
    /**
     * Compressed bytes read for a delta's two sizes before JGit is left to decide: git's deltas give them in the
     * first few, and a crafted one (empty deflate blocks, one after another) could otherwise be read to the end of
     * the pack 64 bytes at a time.
     */
    private static final int DELTA_INPUT_LIMIT = 64 << 10;

    /** Where a size the headers cannot give comes from: JGit's reader. */
    @FunctionalInterface
    interface Fallback {
        long size(AnyObjectId id) throws IOException;
    }

    private final Fallback fallback;
    private final List<Pack> packs;
    private final FileChannel[] channels;
    private final ByteBuffer header = ByteBuffer.allocateDirect(HEADER_READ);
    private final byte[] bytes = new byte[HEADER_READ];
    private final byte[] deltaStart = new byte[DELTA_SIZES];
    private Inflater inflater;

    /** Over the packs the repository has now; {@code fallback} answers for every other object. */
    PackedSizes(Repository repository, Fallback fallback) {
        this.fallback = fallback;
        this.packs = repository.getObjectDatabase() instanceof ObjectDirectory directory
                ? new ArrayList<>(directory.getPacks()) : List.of();
        this.channels = new FileChannel[packs.size()];
    }

    /** The size of the blob {@code id}, as {@code ObjectReader.getObjectSize(id, OBJ_BLOB)} gives it. */
    long size(AnyObjectId id) throws IOException {
        for (int i = 0; i < packs.size(); i++) {
            long offset;
            try {
                offset = packs.get(i).getIndex().findOffset(id);
            } catch (IOException unreadableIndex) {
                break; // JGit meets the same index and decides
            }
            if (offset >= 0) {
                long size = fromHeader(i, offset);
                if (size >= 0) {
                    return size;
                }
                break;
            }
        }
        return fallback.size(id);
    }

    /** The size from the entry at {@code offset} of pack {@code index}; -1 when JGit should answer instead. */
    private long fromHeader(int index, long offset) {
        try {
            FileChannel channel = channel(index);
            int length = readAt(channel, offset);
            if (length < 2) {
                return -1;
            }
            int c = bytes[0] & 0xff;
            int type = (c >> 4) & 7;
            long size = c & 15;
            int shift = 4;
            int p = 1;
            while ((c & 0x80) != 0) {
                if (p >= length || shift > 57) {
                    return -1;
                }
                c = bytes[p++] & 0xff;
                size += ((long) (c & 0x7f)) << shift;
                shift += 7;
            }
            if (type == Constants.OBJ_BLOB) {
                return size;
            }
            if (type == Constants.OBJ_OFS_DELTA) {
                do {
                    if (p >= length) {
                        return -1;
                    }
                    c = bytes[p++] & 0xff;
                } while ((c & 0x80) != 0);
            } else if (type == Constants.OBJ_REF_DELTA) {
                p += Constants.OBJECT_ID_LENGTH;
            } else {
                return -1; // not a blob: JGit's reader says what that means
            }
            return deltaResultSize(channel, offset + p, p < length ? p : length, length);
        } catch (IOException | DataFormatException e) {
            return -1;
        }
    }

    /**
     * The result size of the delta whose compressed data starts at {@code at} in the pack; {@code bytes[from,
     * length)} already holds its first bytes.
     */
    private long deltaResultSize(FileChannel channel, long at, int from, int length)
            throws IOException, DataFormatException {
        if (inflater == null) {
            inflater = new Inflater();
        }
        Inflater inflate = inflater;
        inflate.reset();
        long next = at + (length - from);
        if (length > from) {
            inflate.setInput(bytes, from, length - from);
        }
        int have = 0;
        while (have < DELTA_SIZES) {
            int got = inflate.inflate(deltaStart, have, DELTA_SIZES - have);
            have += got;
            long result = resultSize(have);
            if (result >= 0) {
                return result;
            }
            if (inflate.finished() || inflate.needsDictionary()) {
                return -1;
            }
            if (got == 0 && inflate.needsInput()) {
                if (next - at > DELTA_INPUT_LIMIT) {
                    return -1;
                }
                int read = readAt(channel, next);
                if (read <= 0) {
                    return -1;
                }
                next += read;
                inflate.setInput(bytes, 0, read);
            }
        }
        return resultSize(have);
    }

    /** The second of the delta's two sizes when {@code deltaStart[0, have)} holds both; else -1. */
    private long resultSize(int have) {
        int p = 0;
        do {
            if (p >= have) {
                return -1;
            }
        } while ((deltaStart[p++] & 0x80) != 0);
        long size = 0;
        int shift = 0;
        int c;
        do {
            if (p >= have || shift > 63) {
                return -1;
            }
            c = deltaStart[p++] & 0xff;
            size |= ((long) (c & 0x7f)) << shift;
            shift += 7;
        } while ((c & 0x80) != 0);
        return size;
    }

    /** Reads up to {@link #HEADER_READ} bytes at {@code position} into {@link #bytes}; the number read. */
    private int readAt(FileChannel channel, long position) throws IOException {
        header.clear();
        int total = 0;
        while (header.hasRemaining()) {
            int read = channel.read(header, position + total);
            if (read < 0) {
                break;
            }
            total += read;
        }
        header.flip();
        header.get(bytes, 0, total);
        return total;
    }

    private FileChannel channel(int index) throws IOException {
        FileChannel channel = channels[index];
        if (channel == null || !channel.isOpen()) { // an interrupt closes a channel it finds reading
            channel = FileChannel.open(packs.get(index).getPackFile().toPath(), StandardOpenOption.READ);
            channels[index] = channel;
        }
        return channel;
    }

    @Override
    public void close() {
        for (FileChannel channel : channels) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException e) {
                    // read-only: nothing was written that closing could lose
                }
            }
        }
        if (inflater != null) {
            inflater.end();
        }
    }
}

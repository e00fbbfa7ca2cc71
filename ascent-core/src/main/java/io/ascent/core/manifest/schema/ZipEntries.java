package io.ascent.core.manifest.schema;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.json.JSONObject;
import org.json.JSONTokener;

/**
 * The entries of a zip held in memory, each inflated only when read: a run needs its target release's index and
 * the few hundred definitions its kinds reach, not the 1.6 MB of every release (inflating all of it took about a
 * tenth of a second of each run's start). Local headers are walked once; a zip whose sizes are not in its local
 * headers (written to a stream) is inflated whole instead. Thread-safe once built.
 */
final class ZipEntries {
    private static final int LOCAL_HEADER = 0x04034b50;

    private record Stored(int offset, int compressedSize, int size, int method) {
    }

    private final byte[] zip;
    private final Map<String, Stored> stored;
    private final Map<String, byte[]> inflated;

    private ZipEntries(byte[] zip, Map<String, Stored> stored, Map<String, byte[]> inflated) {
        this.zip = zip;
        this.stored = stored;
        this.inflated = inflated;
    }

    /** A bundle of schemas (the Kubernetes or the ClusterAPI one): its entries and its {@code index.json}. */
    record Bundle(ZipEntries entries, JSONObject index) {
    }

    /** Reads the bundle at {@code resource} in Ascent's jar; {@code what} names it if the build left it out. */
    static Bundle builtIn(String resource, String what) {
        try (InputStream in = ZipEntries.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(what + " missing from the build: " + resource);
            }
            return bundle(in, what);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a bundle in its generator's format: a zip with an {@code index.json}. */
    static Bundle bundle(InputStream zip, String what) throws IOException {
        ZipEntries entries = read(zip);
        byte[] index = entries.get("index.json");
        if (index == null) {
            throw new IOException(what + " has no index.json");
        }
        return new Bundle(entries, new JSONObject(new JSONTokener(new ByteArrayInputStream(index))));
    }

    static ZipEntries read(InputStream in) throws IOException {
        byte[] zip = in.readAllBytes();
        Map<String, Stored> stored = index(zip);
        if (stored != null) {
            return new ZipEntries(zip, Map.copyOf(stored), Map.of());
        }
        Map<String, byte[]> inflated = new HashMap<>();
        try (ZipInputStream entries = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = entries.getNextEntry()) != null) {
                inflated.put(entry.getName(), entries.readAllBytes());
            }
        }
        return new ZipEntries(null, Map.of(), Map.copyOf(inflated));
    }

    /** Where each entry's data is, from the local headers; {@code null} when they do not say. */
    private static Map<String, Stored> index(byte[] zip) {
        Map<String, Stored> out = new HashMap<>();
        int at = 0;
        while (at + 30 <= zip.length && int32(zip, at) == LOCAL_HEADER) {
            int flags = int16(zip, at + 6);
            int method = int16(zip, at + 8);
            long compressed = int32(zip, at + 18) & 0xffffffffL;
            long size = int32(zip, at + 22) & 0xffffffffL;
            int nameLength = int16(zip, at + 26);
            int extraLength = int16(zip, at + 28);
            int data = at + 30 + nameLength + extraLength;
            if ((flags & 0x08) != 0 || (method != 0 && method != 8) || compressed > Integer.MAX_VALUE
                    || size > Integer.MAX_VALUE || data + compressed > zip.length) {
                return null;
            }
            String name = new String(zip, at + 30, nameLength, java.nio.charset.StandardCharsets.UTF_8);
            out.put(name, new Stored(data, (int) compressed, (int) size, method));
            at = data + (int) compressed;
        }
        return out.isEmpty() ? null : out;
    }

    Set<String> names() {
        return zip != null ? stored.keySet() : inflated.keySet();
    }

    boolean contains(String name) {
        return names().contains(name);
    }

    /** The entry's bytes, or {@code null} when there is no such entry. */
    byte[] get(String name) {
        if (zip == null) {
            return inflated.get(name);
        }
        Stored entry = stored.get(name);
        if (entry == null) {
            return null;
        }
        if (entry.method() == 0) {
            return java.util.Arrays.copyOfRange(zip, entry.offset(), entry.offset() + entry.size());
        }
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(zip, entry.offset(), entry.compressedSize());
            byte[] out = new byte[entry.size()];
            int done = 0;
            while (done < out.length) {
                int n = inflater.inflate(out, done, out.length - done);
                if (n == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                done += n;
            }
            if (done != out.length) {
                throw new IllegalStateException("schema bundle: entry " + name + " is damaged");
            }
            return out;
        } catch (DataFormatException e) {
            throw new IllegalStateException("schema bundle: entry " + name + " is damaged", e);
        } finally {
            inflater.end();
        }
    }

    private static int int16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static int int32(byte[] b, int at) {
        return int16(b, at) | int16(b, at + 2) << 16;
    }
}

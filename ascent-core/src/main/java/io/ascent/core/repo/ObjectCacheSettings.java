package io.ascent.core.repo;

import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.WindowCacheConfig;

/**
 * JGit's pack window cache, sized for reading a whole HEAD tree at once and mapped where the system allows it
 * ({@link #MAPPED}), and the stream threshold of Ascent's own blob readers. JGit's defaults (10 MiB of 8 KiB windows)
 * suit a server touching a few objects per request; a 50,000-file tree in a 1 GiB pack thrashes them, and the
 * HEAD-tree rules took three times as long (docs/performance.md).
 *
 * <p>In a shared JVM (a Jenkins agent running several builds): the window cache is JVM-wide in JGit, so it is
 * installed once, by the first run, and every run waits until it is installed before it reads (no run's reads race
 * the swap; JGit itself also drops a window loaded into a cache that was swapped meanwhile). It is bounded: at most
 * 256 MiB of pack windows and 32 MiB of delta bases for all runs together, however many run at once. It changes no
 * result for other JGit users in the JVM, only how much they may cache; the stream threshold, which does change
 * what {@code ObjectLoader.getCachedBytes()} accepts, is set on Ascent's own readers only ({@link #reader}).
 * {@code -Dascent.jgit.keepWindowCache=true} leaves the window cache alone where the host configures JGit itself
 * (docs/performance.md, "Repository validator").
 */
final class ObjectCacheSettings {
    /** Above this size a blob is streamed rather than inflated whole on open (the secret scan's binary probe). */
    static final int STREAM_THRESHOLD = 1 << 20;
    static final long PACKED_GIT_LIMIT = 256L << 20;
    static final long DELTA_BASE_CACHE_LIMIT = 32L << 20;
    /**
     * Pack windows are mapped from the file rather than read into the heap, except on Windows (a mapped file cannot
     * be deleted there until the mapping is collected, which would block a {@code git gc} in the workspace). Read
     * into the heap, the size reads of a 50,000-file tree copied 120 MB of windows into byte arrays the heap then
     * had to grow for and compact again and again: the file rules took 4.34 billion instructions, mapped 3.82, and
     * the secret scan with them over 5.4 against 4.19 (docs/performance.md, "Mapped pack windows"). On Linux a pack
     * that {@code git gc} deletes keeps its disk space until Ascent's mapping of it is collected.
     */
    static final boolean MAPPED = !System.getProperty("os.name", "").startsWith("Windows");
    private static boolean installed;

    private ObjectCacheSettings() {
    }

    /** Installs the window cache the first time; later calls, and calls while it is installed, wait and return. */
    static synchronized void installOnce() {
        if (installed || Boolean.getBoolean("ascent.jgit.keepWindowCache")) {
            return;
        }
        WindowCacheConfig config = new WindowCacheConfig();
        config.setPackedGitLimit(PACKED_GIT_LIMIT);
        config.setPackedGitWindowSize(64 << 10);
        config.setDeltaBaseCacheLimit((int) DELTA_BASE_CACHE_LIMIT);
        config.setPackedGitMMAP(MAPPED);
        config.install();
        installed = true;
    }

    /**
     * A reader of {@code repository} that inflates an object whole on open only below {@link #STREAM_THRESHOLD};
     * above it {@code openStream()} inflates as it is read, so the secret scan's 8,000-byte binary probe of a large
     * binary stops before the rest is inflated.
     */
    static ObjectReader reader(Repository repository) {
        ObjectReader reader = repository.newObjectReader();
        reader.setStreamFileThreshold(STREAM_THRESHOLD);
        return reader;
    }
}

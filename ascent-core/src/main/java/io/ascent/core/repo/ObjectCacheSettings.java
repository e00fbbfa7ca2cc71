package io.ascent.core.repo;

import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jgit.storage.file.WindowCacheConfig;

/**
 * JGit's pack window cache, sized for reading a whole HEAD tree at once. JGit's defaults (10 MiB of 8 KiB windows)
 * suit a server touching a few objects per request; a 50,000-file tree in a 1 GiB pack thrashes them, and the
 * HEAD-tree rules took three times as long (docs/performance.md). Objects over 1 MiB are streamed rather than
 * inflated whole on open. The cache is JVM-wide, so it is installed once,
 * only grows limits (memory is used as windows are loaded), and can be left alone with
 * {@code -Dascent.jgit.keepWindowCache=true} where the host application configures JGit itself.
 */
final class ObjectCacheSettings {
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    private ObjectCacheSettings() {
    }

    static void installOnce() {
        if (Boolean.getBoolean("ascent.jgit.keepWindowCache") || !INSTALLED.compareAndSet(false, true)) {
            return;
        }
        WindowCacheConfig config = new WindowCacheConfig();
        config.setPackedGitLimit(256L << 20);
        config.setPackedGitWindowSize(64 << 10);
        config.setDeltaBaseCacheLimit(32 << 20);
        // JGit inflates a whole object below this size on open(); above it, openStream() inflates as it is read,
        // so the secret scan's 8,000-byte binary probe of a large binary stops before the rest is inflated.
        config.setStreamFileThreshold(1 << 20);
        config.install();
    }
}

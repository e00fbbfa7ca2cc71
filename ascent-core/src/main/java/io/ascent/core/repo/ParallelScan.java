package io.ascent.core.repo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one piece of work per entry on every core, each thread with its own {@link BlobReader} (JGit's readers are
 * not thread-safe). Threads take the next entry from a shared counter, so one huge file does not hold up a whole
 * slice. Interrupting the caller stops the workers and throws {@link InterruptedException}.
 */
final class ParallelScan {
    /** Below this many entries a pool costs more than it saves. */
    private static final int INLINE_BELOW = 512;

    /** The work for one entry; adds its results to {@code out}. */
    @FunctionalInterface
    interface Work<R> {
        void scan(TreeEntry entry, BlobReader reader, List<R> out) throws IOException, InterruptedException;
    }

    private ParallelScan() {
    }

    static int threads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** The results of {@code work} over {@code entries}, in no particular order. */
    static <R> List<R> run(RepositoryTree tree, List<TreeEntry> entries, Work<R> work)
            throws IOException, InterruptedException {
        int threads = entries.size() < INLINE_BELOW ? 1 : threads();
        if (threads == 1) {
            List<R> out = new ArrayList<>();
            try (BlobReader reader = tree.newReader()) {
                scanFrom(new AtomicInteger(), entries, work, reader, out);
            }
            return out;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "ascent-repo-scan-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<List<R>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    List<R> out = new ArrayList<>();
                    try (BlobReader reader = tree.newReader()) {
                        scanFrom(next, entries, work, reader, out);
                    }
                    return out;
                }));
            }
            List<R> all = new ArrayList<>();
            for (Future<List<R>> future : futures) {
                try {
                    all.addAll(future.get());
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof IOException io) {
                        throw io;
                    }
                    if (cause instanceof UncheckedIOException io) {
                        throw io.getCause();
                    }
                    if (cause instanceof InterruptedException interrupted) {
                        throw interrupted;
                    }
                    if (cause instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IllegalStateException(cause);
                }
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <R> void scanFrom(AtomicInteger next, List<TreeEntry> entries, Work<R> work, BlobReader reader,
            List<R> out) throws IOException, InterruptedException {
        for (int i = next.getAndIncrement(); i < entries.size(); i = next.getAndIncrement()) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("repository scan interrupted");
            }
            work.scan(entries.get(i), reader, out);
        }
    }
}

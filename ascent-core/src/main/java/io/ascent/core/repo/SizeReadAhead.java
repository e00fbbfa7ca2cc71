package io.ascent.core.repo;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The sizes of a tree's files, read on a thread of its own while the tree is still being walked: the walk on the
 * caller's thread hands each file over as it finds it ({@link #add}), and {@code repo.max-file-size} later takes all
 * of them at once ({@link #sizes}), the caller reading what is left itself. Before, the sizes were read only after
 * the walk, the tree's index and the path rules, so the second core idled during the walk (docs/performance.md,
 * "Start-up cuts, fourth round").
 *
 * <p>Files are handed over in batches; the thread starts with the first full batch, so a small tree never starts
 * one. Each thread reads with its own {@link BlobReader}, as JGit's readers are not thread-safe. The first failure
 * of a read is thrown by {@link #sizes}, as the read in the rule itself would have thrown it. {@link #cancel} stops
 * the thread and waits until it has stopped reading (a walk that failed, a run that ended early).
 */
final class SizeReadAhead {
    /** Files per batch: a thread for fewer costs more than it saves ({@link ParallelScan} runs 512 inline). */
    static final int BATCH = 256;

    private final Supplier<BlobReader> readers;
    private final List<Batch> batches = new ArrayList<>();
    private Batch filling;
    private int files;
    /** Batches taken by a reader; those before it are read or being read. */
    private int taken;
    private int done;
    private boolean walked;
    private volatile boolean cancelled;
    private Thread thread;
    private int reading;
    private Throwable failure;

    /** One batch of files in walk order, the sizes read into it. */
    private static final class Batch {
        final TreeEntry[] entries = new TreeEntry[BATCH];
        final long[] sizes = new long[BATCH];
        int count;
    }

    /** @param readers a new reader for each thread that reads sizes */
    SizeReadAhead(Supplier<BlobReader> readers) {
        this.readers = readers;
    }

    /** The walk found {@code file} (a file whose content can be read); only the walking thread calls this. */
    void add(TreeEntry file) {
        if (filling == null) {
            filling = new Batch();
        }
        filling.entries[filling.count++] = file;
        files++;
        if (filling.count == BATCH) {
            publish(false);
        }
    }

    /** The walk is over: every file has been {@link #add added}. */
    void walked() {
        publish(true);
    }

    /** Hands the batch being filled to the readers; the first full one starts the read-ahead thread. */
    private void publish(boolean last) {
        Batch batch = filling;
        filling = null;
        synchronized (this) {
            if (batch != null && batch.count > 0) {
                batches.add(batch);
            }
            walked = last;
            notifyAll();
            if (thread == null && !last && !cancelled) {
                thread = new Thread(this::readAhead, "ascent-repo-sizes");
                thread.setDaemon(true);
                reading++;
                thread.start();
            }
        }
    }

    /** The read-ahead thread: every batch as the walk publishes it, until the walk is over or cancelled. */
    private void readAhead() {
        try {
            readBatches(true);
        } catch (InterruptedException e) {
            // Nothing interrupts this thread but the JVM's end; a batch it held must not be waited for.
            failed(new InterruptedIOException("the size read-ahead was interrupted"));
        } finally {
            synchronized (this) {
                reading--;
                notifyAll();
            }
        }
    }

    /**
     * The size of every file in walk order. The caller reads the batches no thread has taken yet, then waits for the
     * ones being read.
     *
     * @throws IOException the first read that failed, on whichever thread
     */
    long[] sizes() throws IOException, InterruptedException {
        synchronized (this) {
            if (!walked) {
                throw new IllegalStateException("the walk is not over");
            }
            reading++;
        }
        try {
            readBatches(false);
        } finally {
            synchronized (this) {
                reading--;
                notifyAll();
            }
        }
        synchronized (this) {
            while (done < batches.size() && failure == null && !cancelled) {
                wait();
            }
            if (failure != null) {
                rethrow(failure);
            }
            if (cancelled) {
                throw new IllegalStateException("the sizes were cancelled");
            }
        }
        long[] all = new long[files];
        int at = 0;
        for (Batch batch : batches) {
            System.arraycopy(batch.sizes, 0, all, at, batch.count);
            at += batch.count;
        }
        return all;
    }

    /**
     * Stops the read-ahead thread and waits until it has finished the size it was reading (the repository may be
     * closed next). Keeps the caller's interrupt. Idempotent.
     */
    void cancel() {
        boolean interrupted = false;
        synchronized (this) {
            cancelled = true;
            notifyAll();
            while (reading > 0) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Reads batches until none is left; {@code waitForWalk}: also waits for the ones the walk has yet to find. A
     * failed read is kept for {@link #sizes} to throw on the caller's thread.
     */
    private void readBatches(boolean waitForWalk) throws InterruptedException {
        try (BlobReader reader = readers.get()) {
            Batch batch;
            while ((batch = next(waitForWalk)) != null) {
                for (int i = 0; i < batch.count; i++) {
                    if (cancelled) {
                        return;
                    }
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedException("reading the files' sizes was interrupted");
                    }
                    batch.sizes[i] = reader.size(batch.entries[i]);
                }
                synchronized (this) {
                    done++;
                    notifyAll();
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            failed(e);
        }
    }

    private synchronized void failed(Throwable e) {
        if (failure == null) {
            failure = e;
        }
        notifyAll();
    }

    private synchronized Batch next(boolean waitForWalk) throws InterruptedException {
        while (waitForWalk && taken == batches.size() && !walked && !cancelled && failure == null) {
            wait();
        }
        if (cancelled || failure != null || taken == batches.size()) {
            return null;
        }
        return batches.get(taken++);
    }

    private static void rethrow(Throwable failure) throws IOException {
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof UncheckedIOException io) {
            throw io.getCause();
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException(failure);
    }
}

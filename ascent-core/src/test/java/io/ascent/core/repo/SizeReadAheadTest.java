package io.ascent.core.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Sizes read on a second thread while the walk still finds files: every size in walk order, the batch the second
 * thread holds waited for, its failure thrown to the caller, and a cancel that returns only once it stopped reading.
 * Each test holds the second thread until the caller waits for it, so none depends on timing.
 */
class SizeReadAheadTest {
    private final List<String> readOn = new CopyOnWriteArrayList<>();
    private final List<String> closed = new CopyOnWriteArrayList<>();

    /** A reader whose size of {@code f/N} is N; {@code hold} runs before every size the read-ahead thread reads. */
    private Supplier<BlobReader> readers(Hold hold) {
        return () -> new BlobReader() {
            @Override
            public long size(TreeEntry entry) throws IOException {
                String thread = Thread.currentThread().getName();
                readOn.add(thread);
                if (thread.equals("ascent-repo-sizes")) {
                    hold.run(entry);
                }
                return Long.parseLong(entry.name());
            }

            @Override
            public InputStream open(TreeEntry entry) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void close() {
                closed.add(Thread.currentThread().getName());
            }
        };
    }

    @FunctionalInterface
    private interface Hold {
        void run(TreeEntry entry) throws IOException;
    }

    private static TreeEntry file(int i) {
        return new TreeEntry("f/" + i, TreeEntry.Kind.FILE, null);
    }

    /** Returns once {@code thread} waits (for a lock's notification or a latch), and then counts {@code latch} down. */
    private static void releaseWhenWaiting(Thread thread, CountDownLatch latch) {
        Thread releaser = new Thread(() -> {
            while (thread.getState() != Thread.State.WAITING) {
                Thread.onSpinWait();
            }
            latch.countDown();
        });
        releaser.setDaemon(true);
        releaser.start();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void shouldGiveEverySizeInWalkOrderAndWaitForTheBatchTheSecondThreadHolds() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SizeReadAhead sizes = new SizeReadAhead(readers(entry -> {
            started.countDown();
            await(release); // the second thread holds its first batch until the caller waits for it
        }));
        int files = 5 * SizeReadAhead.BATCH + 7;
        for (int i = 0; i < files; i++) {
            sizes.add(file(i));
            if (i == SizeReadAhead.BATCH) {
                started.await(); // the first full batch started the second thread, which now holds it
            }
        }
        sizes.walked();
        releaseWhenWaiting(Thread.currentThread(), release);

        long[] all = sizes.sizes();

        assertThat(all).containsExactly(IntStream.range(0, files).asLongStream().toArray());
        assertThat(readOn).contains("ascent-repo-sizes", Thread.currentThread().getName());
        assertThat(readOn).hasSize(files);
    }

    @Test
    void shouldStartNoThreadForASmallTree() throws Exception {
        SizeReadAhead sizes = new SizeReadAhead(readers(entry -> { }));
        for (int i = 0; i < SizeReadAhead.BATCH - 1; i++) {
            sizes.add(file(i));
        }
        sizes.walked();
        assertThat(sizes.sizes()).hasSize(SizeReadAhead.BATCH - 1).endsWith(SizeReadAhead.BATCH - 2);
        assertThat(readOn).containsOnly(Thread.currentThread().getName());
    }

    @Test
    void shouldThrowTheSecondThreadsFailureToTheCaller() throws Exception {
        CountDownLatch failed = new CountDownLatch(1);
        SizeReadAhead sizes = new SizeReadAhead(readers(entry -> {
            failed.countDown();
            throw new IOException("pack truncated at " + entry.path());
        }));
        for (int i = 0; i < 3 * SizeReadAhead.BATCH; i++) {
            sizes.add(file(i));
        }
        failed.await();
        sizes.walked();
        assertThatThrownBy(sizes::sizes).isInstanceOf(IOException.class).hasMessage("pack truncated at f/0");
    }

    @Test
    void shouldReturnFromCancelOnlyOnceTheSecondThreadStoppedReading() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SizeReadAhead sizes = new SizeReadAhead(readers(entry -> {
            started.countDown();
            await(release);
        }));
        for (int i = 0; i < 3 * SizeReadAhead.BATCH; i++) {
            sizes.add(file(i));
        }
        started.await(); // the walk fails here, with the second thread inside a read
        releaseWhenWaiting(Thread.currentThread(), release);

        sizes.cancel();

        assertThat(closed).as("its reader closed before cancel returned").containsExactly("ascent-repo-sizes");
        assertThat(readOn).as("no read after the one it was in").hasSize(1);
    }
}

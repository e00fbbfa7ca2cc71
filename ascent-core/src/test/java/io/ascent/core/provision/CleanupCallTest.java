package io.ascent.core.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class CleanupCallTest {

    @Test
    void shouldRunToItsEndThroughAnInterruptOfTheCallerAndKeepTheInterrupt() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread caller = Thread.currentThread();
        Thread interrupter = new Thread(() -> {
            try {
                started.await();
                caller.interrupt();
                TimeUnit.MILLISECONDS.sleep(200);
                release.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        interrupter.start();

        String result = CleanupCall.run("test", Duration.ofSeconds(30), () -> {
            started.countDown();
            release.await();
            return "deleted";
        });

        assertThat(result).isEqualTo("deleted");
        assertThat(Thread.interrupted()).as("the caller's interrupt is kept (and cleared here)").isTrue();
        interrupter.join();
    }

    @Test
    void shouldGiveUpAtItsBoundAndStopTheWork() {
        AtomicBoolean stopped = new AtomicBoolean();
        CountDownLatch ended = new CountDownLatch(1);
        long start = System.nanoTime();

        assertThatThrownBy(() -> CleanupCall.run("test", Duration.ofMillis(300), () -> {
            try {
                TimeUnit.SECONDS.sleep(30);
            } catch (InterruptedException e) {
                stopped.set(true);
            } finally {
                ended.countDown();
            }
            return null;
        })).isInstanceOf(TimeoutException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(awaitQuietly(ended)).isTrue();
        assertThat(stopped).as("the work is interrupted once given up").isTrue();
    }

    @Test
    void shouldHandBackWhatTheWorkThrew() {
        assertThatThrownBy(() -> CleanupCall.run("test", Duration.ofSeconds(30), () -> {
            throw new IllegalStateException("server said no");
        })).isInstanceOf(ExecutionException.class).hasRootCauseMessage("server said no");
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

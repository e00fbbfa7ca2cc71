package io.ascent.core.provision.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FirstConnectionGateTest {

    private static final String VERSION = "{\"major\":\"1\",\"minor\":\"33\",\"gitVersion\":\"v1.33.0\"}";

    @Test
    void shouldHoldRequestsThatStartWhileTheFirstIsUnderWayUntilItIsAnswered() throws Exception {
        List<Long> laterArrivals = new CopyOnWriteArrayList<>();
        AtomicLong firstAnswered = new AtomicLong();
        CountDownLatch firstArrived = new CountDownLatch(1);
        try (ApiServerDouble server = new ApiServerDouble()) {
            server.then("GET /version", exchange -> {
                firstArrived.countDown();
                sleep(300); // the first answer is slow, as a first handshake on a loaded machine
                firstAnswered.set(System.nanoTime());
                ApiServerDouble.json(200, VERSION).answer(exchange);
            }).always("GET /version", exchange -> {
                laterArrivals.add(System.nanoTime());
                ApiServerDouble.json(200, VERSION).answer(exchange);
            });
            KubeConnection connection = server.connection();
            ExecutorService threads = Executors.newFixedThreadPool(3);
            try {
                Future<?> first = threads.submit(() -> connection.get("/version"));
                assertThat(firstArrived.await(10, TimeUnit.SECONDS)).isTrue();
                Future<?> second = threads.submit(() -> connection.get("/version"));
                Future<?> third = threads.submit(() -> connection.get("/version"));
                first.get(10, TimeUnit.SECONDS);
                second.get(10, TimeUnit.SECONDS);
                third.get(10, TimeUnit.SECONDS);
            } finally {
                threads.shutdownNow();
                connection.close();
            }
            assertThat(server.requests("GET /version")).hasSize(3);
            // the later two were sent only once the first had its answer: over HTTP/2 (every API server) they then
            // share its connection; this double speaks HTTP/1.1, one request at a time per connection
            assertThat(laterArrivals).hasSize(2).allSatisfy(arrival -> assertThat(arrival)
                    .isGreaterThanOrEqualTo(firstAnswered.get()));
        }
    }

    @Test
    void shouldEndAWaitForTheFirstConnectionWhenInterrupted() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch firstArrived = new CountDownLatch(1);
        try (ApiServerDouble server = new ApiServerDouble()) {
            server.then("GET /version", exchange -> {
                firstArrived.countDown();
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ApiServerDouble.json(200, VERSION).answer(exchange);
            });
            KubeConnection connection = server.connection();
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                threads.submit(() -> connection.get("/version"));
                assertThat(firstArrived.await(10, TimeUnit.SECONDS)).isTrue();
                Future<?> waiting = threads.submit(() -> connection.get("/version"));
                sleep(200);
                waiting.cancel(true);
                threads.shutdown();
                release.countDown();
                assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
                // only the first request reached the server: the waiter was cancelled before it could send
                assertThat(server.requests("GET /version")).hasSize(1);
            } finally {
                threads.shutdownNow();
                connection.close();
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

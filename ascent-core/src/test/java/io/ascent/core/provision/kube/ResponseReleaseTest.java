package io.ascent.core.provision.kube;

import static io.ascent.core.provision.kube.ApiServerDouble.json;
import static io.ascent.core.provision.kube.ApiServerDouble.retryAfter;
import static io.ascent.core.provision.kube.ApiServerDouble.status;
import static io.ascent.core.provision.kube.ApiServerDouble.watch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every way a request of the provision's kube code can end (an answer, an error status, a retry, a call timeout in
 * the middle of the body, a watch broken off by a line that is not JSON, a watch closed while it streams) releases its
 * response. OkHttp says "A connection to ... was leaked. Did you forget to close a response body?" on its logger when
 * it finds, pruning its pool, a call whose response nobody closed and that the garbage collector has taken; this test
 * provokes that pruning after the requests and looks for the message. A body read to its end, or a call cancelled
 * (a timeout, a closed feed), is released by OkHttp itself; what leaks is a body left half read by an error, as the
 * broken watch line leaves one (the watch's try-with-resources is what this test would miss).
 */
class ResponseReleaseTest {

    private static final String PATH = "/api/v1/namespaces/ns/configmaps/c";
    private static final String PODS = "/api/v1/namespaces/ns/pods";

    private final ApiServerDouble server = ApiServerDouble.started();
    private final Logger okhttp = Logger.getLogger("okhttp3.OkHttpClient");
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler recorder = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(String.valueOf(record.getMessage()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @AfterEach
    void stop() {
        okhttp.removeHandler(recorder);
        server.close();
    }

    @Test
    void shouldReleaseEveryResponseOnEveryPath() throws Exception {
        okhttp.addHandler(recorder);
        KubeConnection connection = server.connection();
        server.then("GET " + PATH, json(200, "{\"kind\":\"ConfigMap\"}"), status(403, "Forbidden", "no"),
                        retryAfter(429, 0), json(200, "{}"), stalled())
                .always("GET " + PATH, json(200, "{}"))
                .then("GET " + PODS, json(200, "{\"metadata\":{\"resourceVersion\":\"1\"},\"items\":[]}"))
                // A watch that breaks off with a line that is not JSON, its stream still open; then one that
                // streams until the feed is closed.
                .then("WATCH " + PODS, watch(true, "{\"type\":\"ADDED\",\"object\":{\"metadata\":"
                        + "{\"name\":\"p\",\"resourceVersion\":\"2\"}}}", "not JSON"), watch(true));

        assertThat(connection.get(PATH).getString("kind")).isEqualTo("ConfigMap");
        assertThatThrownBy(() -> connection.get(PATH)).isInstanceOf(KubeException.class);
        assertThat(connection.get(PATH)).isNotNull(); // after a 429, retried
        // A call timeout while the body is still coming. (An interrupt is not tried: OkHttp notices it only between
        // reads, and this body stalls in one.)
        assertThatThrownBy(() -> connection.text(PATH, null, Duration.ofMillis(300)))
                .isInstanceOf(KubeException.class);
        // Watches: one given up on a broken line, one closed while it streams.
        LinkedBlockingQueue<WatchFeed.Event> events = new LinkedBlockingQueue<>();
        WatchFeed feed = new WatchFeed(connection, "pods", PODS, null, events, Duration.ofSeconds(30)).start();
        assertThat(events.poll(10, TimeUnit.SECONDS)).isNotNull(); // listed
        assertThat(events.poll(10, TimeUnit.SECONDS)).isNotNull(); // watched, until the broken line
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (feed.watches() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(feed.watches()).as("watched again after the broken line").isEqualTo(2);
        feed.close();

        for (int round = 0; round < 3; round++) {
            System.gc();
            Thread.sleep(200);
            // A connection held by a leaked call is never reused: this request opens a new one, and adding it to
            // the pool prunes the pool, which is when OkHttp finds and reports the leak.
            connection.get(PATH);
        }
        Thread.sleep(500);

        assertThat(logged).noneMatch(message -> message.contains("leaked"));
        connection.close();
    }

    /** Headers and the start of a body, then nothing for longer than any test waits. */
    private static ApiServerDouble.Answer stalled() {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("{\"kind\":".getBytes(StandardCharsets.UTF_8));
            out.flush();
            try {
                Thread.sleep(20_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }
}

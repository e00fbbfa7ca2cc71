package io.ascent.core.manifest.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.manifest.api.KubernetesVersion;
import io.ascent.core.network.UrlAllowList;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cancelled run stops waiting for a schema server that never answers, and stops looking for schemas. */
class CachingHttpFetcherInterruptTest {
    @TempDir
    Path cache;

    private ServerSocket silent;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startASilentServer() throws IOException {
        silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    accepted.add(silent.accept()); // accepts, reads nothing, answers nothing
                }
            } catch (IOException closed) {
                // the test is over
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void stop() throws IOException {
        silent.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }

    private String base() {
        return "http://127.0.0.1:" + silent.getLocalPort();
    }

    /** Runs {@code work} on a thread, interrupts it after a moment, and returns what it threw or returned. */
    private static Object interruptedWhileRunning(Callable work) throws InterruptedException {
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                outcome.set(work.call());
            } catch (Exception e) {
                outcome.set(e);
            }
        });
        thread.start();
        Thread.sleep(300);
        thread.interrupt();
        thread.join(10_000);
        assertThat(thread.isAlive()).as("still waiting for the server after the interrupt").isFalse();
        return outcome.get();
    }

    private interface Callable {
        Object call() throws Exception;
    }

    @Test
    void shouldThrowInterruptedExceptionWhenInterruptedWhileTheServerIsSilent() throws Exception {
        CachingHttpFetcher fetcher = new CachingHttpFetcher(cache, Duration.ofSeconds(60),
                UrlAllowList.of(List.of(base() + "/")), CachingHttpFetcher.DEFAULT_CACHE_BYTES);

        Object outcome = interruptedWhileRunning(() -> fetcher.fetch(URI.create(base() + "/deployment.json")));

        assertThat(outcome).isInstanceOf(InterruptedException.class);
    }

    @Test
    void shouldStopLookingAtFurtherLocationsWhenInterrupted() throws Exception {
        SchemaTestSupport.RecordingFetcher second = new SchemaTestSupport.RecordingFetcher();
        UrlAllowList allowed = UrlAllowList.of(List.of(base() + "/", "http://127.0.0.2:1/"));
        CachingHttpFetcher http = new CachingHttpFetcher(cache, Duration.ofSeconds(60), allowed,
                CachingHttpFetcher.DEFAULT_CACHE_BYTES);
        SchemaFetcher fetcher = uri -> uri.toString().startsWith(base()) ? http.fetch(uri) : second.fetch(uri);
        ResourceSchemaValidator validator = ResourceSchemaValidator.builder()
                .schemaLocations(List.of(base() + "/{{ .ResourceKind }}.json",
                        "http://127.0.0.2:1/{{ .ResourceKind }}.json"))
                .allowedUrls(allowed).fetcher(fetcher).build();
        boolean[] flag = new boolean[1];

        Object outcome = interruptedWhileRunning(() -> {
            SchemaRegistry.Lookup lookup = validator.registry().lookup(KubernetesVersion.parse("1.30"), "example.com/v1",
                    "Widget");
            flag[0] = Thread.currentThread().isInterrupted();
            return lookup;
        });

        assertThat(outcome).isInstanceOf(SchemaRegistry.NotFound.class);
        assertThat(flag[0]).as("the interrupt flag is set again for the step to see").isTrue();
        assertThat(second.calls.get()).as("the next location is not tried").isZero();
    }
}

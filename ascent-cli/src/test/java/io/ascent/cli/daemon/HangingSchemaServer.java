package io.ascent.cli.daemon;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A schema server on 127.0.0.1 that holds every request until released: a run that fetches from it waits, in a way
 * a stop interrupts at once (the engine's fetch waits with a deadline). {@link #application} writes an application
 * whose checklist names it as a schema location; a run fetches from it only when its environment allows the URL
 * ({@code ASCENT_ALLOWED_URLS}).
 */
final class HangingSchemaServer implements AutoCloseable {
    private final HttpServer server;
    private final CountDownLatch asked = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    final String base;

    HangingSchemaServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "test-schema-server");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", exchange -> {
            asked.countDown();
            try {
                released.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "{\"type\": \"object\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            } catch (IOException e) {
                // the run gave up waiting
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** Writes an application into {@code folder} whose one manifest's schema is asked of this server. */
    Path application(Path folder) throws IOException {
        Files.createDirectories(folder.resolve("deploy"));
        Files.writeString(folder.resolve("ascent.yaml"), """
                apiVersion: ascent.dev/v1
                kind: Checklist
                metadata:
                  name: app
                kubernetes:
                  version: "1.30"
                  manifests: [deploy/]
                  schemaLocations: [default, "%s{{ .ResourceKind }}.json"]
                """.formatted(base));
        Files.writeString(folder.resolve("deploy/widget.yaml"),
                "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n");
        return folder;
    }

    /** Waits until a run has asked for a schema and is now waiting for it. */
    boolean awaitAsked(int seconds) throws InterruptedException {
        return asked.await(seconds, TimeUnit.SECONDS);
    }

    /** Answers the requests held and every later one at once. */
    void release() {
        released.countDown();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}

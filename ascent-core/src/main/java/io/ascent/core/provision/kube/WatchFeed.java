package io.ascent.core.provision.kube;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;
import org.json.JSONException;
import org.json.JSONObject;

/**
 * Follows one collection (the Deployments of a namespace, its Pods, ...) the way client-go's reflector does:
 * list, then watch from the list's {@code resourceVersion}; when the watch ends or the connection drops, watch again
 * from the last version seen; when the server says that version is gone (410, as an HTTP status or as an
 * {@code ERROR} event inside the stream), list again. Everything it learns goes to one queue the waiter blocks on,
 * so waits are driven by the cluster's events, never by sleeping.
 *
 * <p>After {@value #MAX_FAILURES} failures in a row without one event it gives up and sends a
 * {@link Event.Type#FAILED} event saying why.
 */
public final class WatchFeed implements AutoCloseable {

    static final int MAX_FAILURES = 6;
    /** How long {@link #close} waits for the feed's thread; a cancelled call ends in milliseconds. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(1);

    /** What the feed saw. */
    public record Event(String feed, Type type, JSONObject object, String message) {
        public enum Type {
            /** {@code object} holds the whole collection ({@code items}): replace what you knew. */
            SYNCED, ADDED, MODIFIED, DELETED,
            /** The feed gave up; {@code message} says why. */
            FAILED
        }
    }

    private final KubeConnection connection;
    private final String name;
    private final String collectionPath;
    private final String selectors;
    private final BlockingQueue<Event> sink;
    private final Duration watchTimeout;
    private final OkHttpClient http;
    private final Thread thread;
    private final AtomicInteger lists = new AtomicInteger();
    private final AtomicInteger watches = new AtomicInteger();
    private volatile boolean closed;
    private volatile Call current;
    private String resourceVersion;

    /**
     * @param name           how events name this feed (a kind)
     * @param collectionPath the collection's URL, such as {@code /apis/apps/v1/namespaces/ns/deployments}
     * @param selectors      {@code labelSelector=...&fieldSelector=...} or empty
     * @param watchTimeout   how long one watch request may stay open before the server closes it and we resume
     */
    public WatchFeed(KubeConnection connection, String name, String collectionPath, String selectors,
            BlockingQueue<Event> sink, Duration watchTimeout) {
        this.connection = connection;
        this.name = name;
        this.collectionPath = collectionPath;
        this.selectors = selectors == null ? "" : selectors;
        this.sink = sink;
        this.watchTimeout = watchTimeout;
        this.http = connection.watchClient(watchTimeout.plusSeconds(15));
        this.thread = new Thread(this::run, "ascent-watch-" + name);
        this.thread.setDaemon(true);
    }

    public WatchFeed start() {
        thread.start();
        return this;
    }

    /** How many times the collection was listed (1 plus one per 410). */
    public int lists() {
        return lists.get();
    }

    /** How many watch requests were opened (1 plus one per resume). */
    public int watches() {
        return watches.get();
    }

    private void run() {
        int failures = 0;
        String lastProblem = "";
        while (!closed) {
            try {
                if (resourceVersion == null) {
                    list();
                }
                long started = System.nanoTime();
                if (watch()) {
                    failures = 0;
                } else if (System.nanoTime() - started < 1_000_000_000L && !closed) {
                    // Closed at once without a single event: do not spin against a server that keeps doing that.
                    failures++;
                    lastProblem = "the server closed the watch at once";
                    if (failures >= MAX_FAILURES) {
                        sink.add(new Event(name, Event.Type.FAILED, null, "watching " + collectionPath
                                + " failed " + failures + " times in a row; last: " + lastProblem));
                        return;
                    }
                    KubeConnection.pause(KubeConnection.backoff(failures));
                }
            } catch (KubeException | IOException | JSONException e) {
                if (closed) {
                    return;
                }
                failures++;
                lastProblem = e.getMessage();
                if (e instanceof KubeException k && k.code() == 410) {
                    resourceVersion = null; // expired before we could watch: list again
                }
                if (failures >= MAX_FAILURES) {
                    sink.add(new Event(name, Event.Type.FAILED, null, "watching " + collectionPath + " failed "
                            + failures + " times in a row; last: " + lastProblem));
                    return;
                }
                try {
                    KubeConnection.pause(KubeConnection.backoff(failures));
                } catch (InterruptedException interrupted) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void list() throws KubeException, InterruptedException {
        lists.incrementAndGet();
        JSONObject list = connection.get(collectionPath + (selectors.isEmpty() ? "" : "?" + selectors));
        JSONObject metadata = list.optJSONObject("metadata");
        resourceVersion = metadata == null ? "" : metadata.optString("resourceVersion", "");
        sink.add(new Event(name, Event.Type.SYNCED, list, null));
    }

    /** One watch request; true when it delivered at least one event. Returns normally when the server closes it. */
    private boolean watch() throws IOException, KubeException {
        watches.incrementAndGet();
        String query = "watch=1&allowWatchBookmarks=true&timeoutSeconds=" + watchTimeout.toSeconds()
                + (resourceVersion.isEmpty() ? "" : "&resourceVersion=" + resourceVersion)
                + (selectors.isEmpty() ? "" : "&" + selectors);
        Request request = new Request.Builder().url(connection.url(collectionPath, query)).get().build();
        Call call = http.newCall(request);
        current = call;
        if (closed) {
            call.cancel();
            return false;
        }
        boolean delivered = false;
        try (Response response = call.execute()) {
            if (!response.isSuccessful()) {
                throw KubeConnection.failure(response.code(), KubeConnection.read(response.body()),
                        "GET " + collectionPath + " (watch)");
            }
            BufferedSource source = response.body().source();
            String line;
            while (!closed && (line = source.readUtf8Line()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JSONObject event = new JSONObject(line);
                String type = event.optString("type");
                JSONObject object = event.optJSONObject("object");
                if (object == null) {
                    continue;
                }
                if ("ERROR".equals(type)) {
                    if (object.optInt("code") == 410) {
                        resourceVersion = null; // too old: the next round lists again
                        return true;
                    }
                    throw new IOException("the watch reported an error: " + object.optString("message"));
                }
                JSONObject metadata = object.optJSONObject("metadata");
                if (metadata != null && !metadata.optString("resourceVersion").isEmpty()) {
                    resourceVersion = metadata.optString("resourceVersion");
                }
                delivered = true;
                switch (type) {
                    case "ADDED" -> sink.add(new Event(name, Event.Type.ADDED, object, null));
                    case "MODIFIED" -> sink.add(new Event(name, Event.Type.MODIFIED, object, null));
                    case "DELETED" -> sink.add(new Event(name, Event.Type.DELETED, object, null));
                    default -> { } // BOOKMARK: only its resourceVersion matters
                }
            }
        } finally {
            current = null;
        }
        return delivered;
    }

    /**
     * Stops the feed and waits, briefly, for its thread to end: only then is its stream released, so that the
     * run's {@link KubeConnection#close} finds the connection idle and can close it (an HTTP/2 connection left open
     * holds the JVM's exit up by 300 ms).
     */
    @Override
    public void close() {
        closed = true;
        Call call = current;
        if (call != null) {
            call.cancel();
        }
        thread.interrupt();
        if (Thread.currentThread() != thread && thread.isAlive()) {
            try {
                thread.join(CLOSE_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the caller is cancelled: leave the feed to end on its own
            }
        }
    }
}

package io.ascent.core.provision.kube;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kubernetes.client.openapi.ApiClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;

/**
 * A Kubernetes API server double on 127.0.0.1 for what the real one will not do on demand: throttle, fail, reset a
 * connection, close a watch mid-stream, send a 410 {@code ERROR} event. Each request is answered by the first
 * scripted {@link Answer} queued for its method and path (a watch is keyed {@code WATCH path}); what is not
 * scripted gets 404. Every request is recorded with its query.
 */
final class ApiServerDouble implements AutoCloseable {

    /** One scripted answer. */
    interface Answer {
        void answer(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final Map<String, ConcurrentLinkedDeque<Answer>> script = new ConcurrentHashMap<>();
    private final Map<String, Answer> always = new ConcurrentHashMap<>();
    final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    /** The body of the last request for each key ({@code DELETE /api/v1/...}). */
    private final Map<String, String> lastBodies = new ConcurrentHashMap<>();
    /** The {@code Authorization} header of each request, in order ({@code none} when absent). */
    final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());

    ApiServerDouble() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "api-double");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /** A started double, for a test's field initialiser. */
    static ApiServerDouble started() {
        try {
            return new ApiServerDouble();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Writes {@code dir/kubeconfig}: one context, current, reaching the double with a token. */
    java.nio.file.Path kubeconfig(java.nio.file.Path dir) throws IOException {
        return java.nio.file.Files.writeString(dir.resolve("kubeconfig"), "apiVersion: v1\nkind: Config\n"
                + "clusters:\n- name: double\n  cluster:\n    server: " + address() + "\nusers:\n- name: tester\n"
                + "  user:\n    token: not-a-secret\ncontexts:\n- name: double\n  context:\n    cluster: double\n"
                + "    user: tester\ncurrent-context: double\n");
    }

    /** A connection to the double through client-java's own HTTP stack, as the provisioner makes one. */
    KubeConnection connection() {
        return new KubeConnection(new ApiClient().setBasePath(address()));
    }

    /** The double's address, {@code http://127.0.0.1:PORT}. */
    String address() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues answers for {@code key} ({@code GET /api/v1/...}, {@code PATCH ...}, {@code WATCH ...}), in order. */
    ApiServerDouble then(String key, Answer... answers) {
        ConcurrentLinkedDeque<Answer> queue = script.computeIfAbsent(key, k -> new ConcurrentLinkedDeque<>());
        queue.addAll(List.of(answers));
        return this;
    }

    /** Answers every request for {@code key} that nothing queued answers. */
    ApiServerDouble always(String key, Answer answer) {
        always.put(key, answer);
        return this;
    }

    List<String> requests(String prefix) {
        synchronized (requests) {
            return requests.stream().filter(r -> r.startsWith(prefix)).toList();
        }
    }

    /** The body of the last request for {@code key}, empty text when there was none. */
    String lastBody(String key) {
        return lastBodies.getOrDefault(key, "");
    }

    private void handle(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        boolean watch = query != null && query.contains("watch=1");
        String key = (watch ? "WATCH" : exchange.getRequestMethod()) + " " + exchange.getRequestURI().getPath();
        requests.add(key + (query == null ? "" : "?" + query));
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        authorizations.add(authorization == null ? "none" : authorization);
        lastBodies.put(key, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        ConcurrentLinkedDeque<Answer> queue = script.get(key);
        Answer answer = queue == null ? null : queue.poll();
        if (answer == null) {
            answer = always.getOrDefault(key, status(404, "NotFound", "not scripted: " + key));
        }
        try {
            answer.answer(exchange);
        } finally {
            exchange.close();
        }
    }

    static Answer json(int code, String body) {
        return exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(code, bytes.length);
            exchange.getResponseBody().write(bytes);
        };
    }

    /** {@code answer} with one {@code Warning} header per warning, as the API server sends them. */
    static Answer warned(Answer answer, String... warnings) {
        return exchange -> {
            for (String warning : warnings) {
                exchange.getResponseHeaders().add("Warning", warning);
            }
            answer.answer(exchange);
        };
    }

    static Answer status(int code, String reason, String message) {
        return json(code, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":" + code
                + ",\"reason\":\"" + reason + "\",\"message\":\"" + message + "\"}");
    }

    static Answer retryAfter(int code, int seconds) {
        return exchange -> {
            exchange.getResponseHeaders().set("Retry-After", String.valueOf(seconds));
            status(code, switch (code) {
                case 429 -> "TooManyRequests";
                case 502 -> "BadGateway";
                default -> "ServiceUnavailable";
            }, "come back later").answer(exchange);
        };
    }

    /** Closes the connection without an answer: the client sees the stream end before any response. */
    static Answer reset() {
        return exchange -> { }; // handle() closes the exchange unanswered
    }

    /** A watch stream: the events, one JSON line each, then the stream ends (closed mid-watch) or stays open. */
    static Answer watch(boolean keepOpen, String... events) {
        return exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            for (String event : events) {
                out.write((event + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            if (keepOpen) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package io.ascent.core.provision.kube;

import io.kubernetes.client.openapi.ApiClient;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.json.JSONException;
import org.json.JSONObject;
import org.json.JSONTokener;

/**
 * One authenticated connection to an API server, speaking raw JSON over the official client's HTTP stack
 * (kubeconfig or in-cluster authentication, TLS). Objects stay JSON on purpose: client-java's typed models send
 * empty defaults the API server refuses and drop {@code managedFields}.
 *
 * <p>Every request is bounded in time. Throttling (429) and unavailability (500, 502, 503, 504) are retried after
 * the server's {@code Retry-After} (capped), and a dropped connection is retried, a bounded number of times: all
 * requests the provisioner sends are idempotent (GET, server-side apply, DELETE). Thread-safe.
 */
public final class KubeConnection {

    /** The content type of a server-side apply patch; JSON is valid YAML. */
    static final MediaType APPLY_PATCH = MediaType.get("application/apply-patch+yaml");
    private static final MediaType JSON = MediaType.get("application/json");
    private static final int ATTEMPTS = 6;
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(5);
    /** A response larger than this is not something the provisioner asked for. */
    static final long MAX_BODY = 32L * 1024 * 1024;
    /** The methods OkHttp sends only with a body. */
    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");

    private final HttpUrl base;
    private final OkHttpClient http;
    private final String server;
    private final String route;

    /**
     * @param client an authenticated client from client-java ({@code ClientBuilder}); its HTTP client carries the
     *               credentials and TLS settings
     */
    public KubeConnection(ApiClient client) {
        this.base = HttpUrl.get(stripSlash(client.getBasePath()));
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequestsPerHost(64);
        this.http = client.getHttpClient().newBuilder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool())
                .socketFactory(new NoDelaySockets())
                .addInterceptor(new FirstConnectionGate())
                .connectTimeout(10, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS)
                .callTimeout(60, TimeUnit.SECONDS)
                .retryOnConnectionFailure(true)
                .build();
        for (Interceptor interceptor : http.interceptors()) {
            if (interceptor instanceof RenewingClientCertificate renewing) {
                renewing.evictFrom(http.connectionPool()); // this pool, not the client's, holds the connections
            }
        }
        this.server = base.scheme() + "://" + base.host() + ":" + base.port();
        java.net.Proxy proxy = http.proxy();
        this.route = proxy == null || proxy.type() == java.net.Proxy.Type.DIRECT
                || !(proxy.address() instanceof java.net.InetSocketAddress address) ? server
                : server + " through the " + (proxy.type() == java.net.Proxy.Type.SOCKS ? "SOCKS " : "") + "proxy "
                        + address.getHostString() + ":" + address.getPort();
    }

    /**
     * {@link #server()}, and the proxy it is reached through when there is one ({@link io.ascent.core.network.ProxyRoute}): what a person
     * checks when the server does not answer.
     */
    public String route() {
        return route;
    }

    /** Where this connection's plain sockets come from (tests: Nagle's algorithm is off). */
    javax.net.SocketFactory socketFactory() {
        return http.socketFactory();
    }

    /** The API server's address ({@code https://host:port}), which is not a secret and helps the user. */
    public String server() {
        return server;
    }

    public JSONObject get(String path) throws KubeException, InterruptedException {
        return send(Http.GET, path, null, null);
    }

    public JSONObject post(String path, JSONObject body) throws KubeException, InterruptedException {
        return send(Http.POST, path, null, RequestBody.create(body.toString(), JSON));
    }

    public JSONObject delete(String path, JSONObject options) throws KubeException, InterruptedException {
        return send(Http.DELETE, path, null, RequestBody.create(options.toString(), JSON));
    }

    /** Server-side apply of {@code object} at {@code path} (the object's own URL) as field manager {@code manager}. */
    public JSONObject apply(String path, JSONObject object, String manager, boolean force)
            throws KubeException, InterruptedException {
        return applyWarned(path, object, manager, force).object();
    }

    /**
     * {@link #apply}, with the warnings the server sent back ({@code Warning} headers: a deprecated API or field, a
     * value the server accepts but will not use as written), which {@code kubectl apply} prints.
     */
    public Answer applyWarned(String path, JSONObject object, String manager, boolean force)
            throws KubeException, InterruptedException {
        String query = "fieldManager=" + manager + (force ? "&force=true" : "");
        return exchange(Http.PATCH, path, query, RequestBody.create(object.toString(), APPLY_PATCH));
    }

    /**
     * A successful answer.
     *
     * @param object   the JSON object the server returned
     * @param warnings the texts of its {@code Warning} headers ({@link ServerWarnings}), in order
     */
    public record Answer(JSONObject object, java.util.List<String> warnings) {
        public Answer {
            warnings = java.util.List.copyOf(warnings);
        }
    }

    /** A plain-text answer (a proxied response) with its status; no retry on 4xx. */
    public TextResponse text(String path, String query) throws KubeException, InterruptedException {
        return text("GET", path, query, http, ATTEMPTS);
    }

    /**
     * A plain-text answer to a request with {@code method} (a smoke test through the service proxy); methods that
     * need a body get an empty one. No retry on 4xx.
     */
    public TextResponse request(String method, String path) throws KubeException, InterruptedException {
        return text(method, path, null, http, ATTEMPTS);
    }

    /**
     * A plain-text answer that must come within {@code timeout} (best-effort diagnostics such as a container's log:
     * a node whose kubelet does not answer must not hold the report up). One attempt, no retry.
     */
    public TextResponse text(String path, String query, Duration timeout) throws KubeException, InterruptedException {
        return text("GET", path, query, http.newBuilder().callTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .build(), 1);
    }

    private TextResponse text(String method, String path, String query, OkHttpClient client, int attempts)
            throws KubeException, InterruptedException {
        Request request = new Request.Builder().url(url(path, query))
                .method(method, BODY_METHODS.contains(method) ? RequestBody.create(new byte[0]) : null)
                .build();
        for (int attempt = 1; ; attempt++) {
            try (Response response = client.newCall(request).execute()) {
                String body = read(response.body());
                if (isRetriable(response.code()) && attempt < attempts && !path.contains("/proxy")) {
                    pause(retryAfter(response, attempt));
                    continue;
                }
                return new TextResponse(response.code(), body);
            } catch (IOException e) {
                if (isInterruption(e)) {
                    throw interrupted(e);
                }
                if (attempt >= attempts || isPermanent(e)) {
                    throw KubeException.unreachable(method + " " + path, e);
                }
                pause(backoff(attempt));
            }
        }
    }

    /** A status code and the body as text. */
    public record TextResponse(int code, String body) {
    }

    /** A client for long-running watch requests: no call timeout, reads bounded by the watch's own timeout. */
    OkHttpClient watchClient(Duration readTimeout) {
        return http.newBuilder().callTimeout(0, TimeUnit.SECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS).build();
    }

    HttpUrl url(String path, String query) {
        HttpUrl.Builder builder = base.newBuilder();
        String[] parts = path.split("\\?", 2);
        for (String segment : parts[0].split("/")) {
            if (!segment.isEmpty()) {
                builder.addPathSegment(segment);
            }
        }
        String all = parts.length > 1 ? parts[1] + (query == null ? "" : "&" + query) : query;
        if (all != null && !all.isEmpty()) {
            builder.encodedQuery(all);
        }
        return builder.build();
    }

    private JSONObject send(Http method, String path, String query, RequestBody body)
            throws KubeException, InterruptedException {
        return exchange(method, path, query, body).object();
    }

    private Answer exchange(Http method, String path, String query, RequestBody body)
            throws KubeException, InterruptedException {
        Request request = new Request.Builder().url(url(path, query)).method(method.name(), body).build();
        String what = method + " " + path;
        for (int attempt = 1; ; attempt++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException(what + " cancelled");
            }
            try (Response response = http.newCall(request).execute()) {
                String text = read(response.body());
                if (response.isSuccessful()) {
                    return new Answer(parse(text, what), ServerWarnings.parse(response.headers("Warning")));
                }
                if (isRetriable(response.code()) && attempt < ATTEMPTS) {
                    pause(retryAfter(response, attempt));
                    continue;
                }
                throw failure(response.code(), text, what);
            } catch (IOException e) {
                if (isInterruption(e)) {
                    throw interrupted(e);
                }
                if (attempt >= ATTEMPTS || isPermanent(e)) {
                    throw KubeException.unreachable(what, e);
                }
                pause(backoff(attempt));
            }
        }
    }

    static KubeException failure(int code, String text, String what) {
        JSONObject status = null;
        try {
            Object parsed = new JSONTokener(text).nextValue();
            if (parsed instanceof JSONObject object && "Status".equals(object.optString("kind"))) {
                status = object;
            }
        } catch (JSONException e) {
            // not a Status: keep the status line only
        }
        String reason = status != null ? status.optString("reason", "HTTP " + code) : "HTTP " + code;
        String message = status != null ? status.optString("message", "") : firstLine(text);
        return new KubeException(code, reason, what + ": " + code + " " + reason
                + (message.isEmpty() ? "" : ": " + message), status);
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    private static boolean isRetriable(int code) {
        return code == 429 || code == 500 || code == 502 || code == 503 || code == 504;
    }

    private static Duration retryAfter(Response response, int attempt) {
        String header = response.header("Retry-After");
        if (header != null) {
            try {
                Duration asked = Duration.ofSeconds(Long.parseLong(header.strip()));
                return asked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked;
            } catch (NumberFormatException e) {
                // an HTTP date: fall back to our own backoff
            }
        }
        return backoff(attempt);
    }

    /**
     * A failure no retry mends: the server's certificate is not trusted or does not name it, or its host name does
     * not resolve. Retrying those only put six seconds of pauses before the same message.
     */
    static boolean isPermanent(IOException e) {
        if (e instanceof java.net.UnknownHostException || e instanceof javax.net.ssl.SSLPeerUnverifiedException) {
            return true;
        }
        return KubeException.isCertificateFailure(e);
    }

    static Duration backoff(int attempt) {
        return Duration.ofMillis(Math.min(2_000, 100L << Math.min(attempt, 5)));
    }

    static void pause(Duration duration) throws InterruptedException {
        // A retry pause, not a wait for the cluster: the server asked us to come back later.
        TimeUnit.MILLISECONDS.sleep(duration.toMillis());
    }

    /**
     * OkHttp (Okio) turns an interrupted thread into an {@link InterruptedIOException} and clears the flag; a socket
     * timeout is one too, but that is a failed attempt, not a cancellation.
     */
    static boolean isInterruption(IOException e) {
        return e instanceof InterruptedIOException && !(e instanceof java.net.SocketTimeoutException)
                && !"timeout".equals(e.getMessage());
    }

    static InterruptedException interrupted(IOException e) {
        Thread.currentThread().interrupt();
        InterruptedException interrupted = new InterruptedException("cancelled");
        interrupted.initCause(e);
        return interrupted;
    }

    static String read(ResponseBody body) throws IOException {
        if (body == null) {
            return "";
        }
        okio.BufferedSource source = body.source();
        if (!source.request(MAX_BODY) || source.getBuffer().size() <= MAX_BODY) {
            return source.readString(StandardCharsets.UTF_8);
        }
        throw new IOException("response larger than " + MAX_BODY / (1024 * 1024) + " MB");
    }

    private static JSONObject parse(String text, String what) throws KubeException {
        if (text.isBlank()) {
            return new JSONObject();
        }
        try {
            return new JSONObject(text);
        } catch (JSONException e) {
            throw new KubeException(200, "BadResponse", what + ": the server's answer is not a JSON object", null);
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * Closes the idle connections and stops the dispatcher's threads. An open HTTP/2 connection keeps a reader
     * thread blocked in a socket read, and the JVM's exit waits 300 ms for every thread in native code before it
     * gives up on it: without this, each {@code provision} ended a third of a second after its report. Calls still
     * under way are cancelled; the connection must not be used afterwards.
     */
    public void close() {
        http.dispatcher().cancelAll();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** Sockets the connection keeps open for its next request (tests: {@link #close} leaves none). */
    int pooledSockets() {
        return http.connectionPool().connectionCount();
    }

    @Override
    public String toString() {
        return "KubeConnection[" + server.toLowerCase(Locale.ROOT) + "]";
    }
}

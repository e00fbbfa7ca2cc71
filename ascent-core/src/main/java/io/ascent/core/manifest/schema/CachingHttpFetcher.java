package io.ascent.core.manifest.schema;

import io.ascent.core.network.EnvironmentProxySelector;
import io.ascent.core.network.UrlAllowList;
import io.ascent.core.workspace.ConfinedFiles;
import java.io.IOException;
import io.ascent.core.network.ProxyRoute;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.stream.Stream;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Fetches schemas over HTTP(S), only from URLs the operator allows ({@link UrlAllowList}), and keeps every schema
 * it got in a folder, one file per URL ({@code sha256(url).json}), so a second run asks the network nothing. Only 200 answers are cached; a 404 or 410 is {@link SchemaFetcher.Missing}; anything else is
 * {@link SchemaFetcher.Failed}, which the registry treats as "try the next location".
 *
 * <p>Bounds, each against a hostile or broken server: the timeout covers the whole exchange, redirects included,
 * so a server trickling one byte a second is cut at it; a body is held up to {@link #MAX_BYTES}; redirects are
 * followed at most {@value #MAX_REDIRECTS} times and only to allowed URLs; a server that could not be reached
 * (refused, reset, timed out) is not asked again by this fetcher, so one dead server costs one timeout, not one
 * per kind; a proxy that refused the user and password of its variable (407 to the request that carried them) is not
 * asked again by this fetcher either, and every schema behind it reports that refusal; the cache folder is kept
 * under a total size by removing the least recently used schemas.
 *
 * <p>Failures say only "could not be fetched": whether a port is closed, filtered or answers 500 would turn a
 * report into a port scanner for whoever writes the checklist. The details go to the DEBUG log (logger
 * {@code io.ascent.core.manifest.schema.CachingHttpFetcher}). An interrupt is thrown as
 * {@link InterruptedException}, never turned into a failure. Thread-safe.
 *
 * <p>The client is OkHttp (client-java's own, so no new dependency) rather than the JDK's: a proxy that asks for the
 * password in {@code HTTPS_PROXY}'s URL gets it from this client alone ({@link ProxyRoute#authenticator()}), also on
 * the CONNECT of an {@code https} download, which the JDK's client refuses unless the whole JVM allows Basic on
 * tunnels.
 */
public final class CachingHttpFetcher implements SchemaFetcher {
    /** The largest schema accepted (CRD-derived schemas of big operators run to a few megabytes). */
    public static final int MAX_BYTES = 16 * 1024 * 1024;
    /** The default bound of the cache folder's total size: 64 MiB. */
    public static final long DEFAULT_CACHE_BYTES = 64L * 1024 * 1024;
    static final int MAX_REDIRECTS = 5;
    /** What every failure says after the URL, whatever happened; the reason goes to the DEBUG log only. */
    public static final String NOT_FETCHED = " could not be fetched (why is logged at DEBUG level only)";

    /**
     * The log, made on the first failure: {@code System.getLogger} starts {@code java.util.logging} (its log manager,
     * its configuration file, about 70 classes), which took a cold command line's main thread 10-30 ms while it
     * built the engine, for a run that reads only bundled schemas and never logs here (docs/performance.md,
     * "Start-up cuts, fourth round").
     */
    private static final class Log {
        static final System.Logger LOG = System.getLogger(CachingHttpFetcher.class.getName());
    }

    /**
     * The threads exchanges run on, shared by every fetcher of the JVM: daemon threads (a finished command line does
     * not wait for them), none kept once idle for a minute (an agent JVM holds nothing between builds).
     */
    private static final ExecutorService DISPATCH = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
            new SynchronousQueue<>(), work -> {
                Thread thread = new Thread(work, "ascent-schema-fetch");
                thread.setDaemon(true);
                return thread;
            });

    private final Path cacheDirectory;
    /** Built on the first request: creating it sets up TLS, which a run that reads only bundled schemas never needs. */
    private volatile OkHttpClient client;
    private final Duration timeout;
    private final UrlAllowList allowed;
    private final long maxCacheBytes;
    private final EnvironmentProxySelector proxies;
    private final Set<String> unreachable = ConcurrentHashMap.newKeySet();
    /**
     * The proxies ({@link ProxyRoute#describe()}) that answered 407 to the user and password of their URL: not asked
     * again by this fetcher (one per run), so a wrong password costs one refusal, not one per schema kind, and a
     * proxy that locks an account after a few failures is not led there by a single run.
     */
    private final Set<String> refusingProxies = ConcurrentHashMap.newKeySet();

    /** A fetcher that allows no URL: every fetch fails without a request. */
    public CachingHttpFetcher(Path cacheDirectory, Duration timeout) {
        this(cacheDirectory, timeout, UrlAllowList.none(), DEFAULT_CACHE_BYTES);
    }

    /**
     * @param cacheDirectory where fetched schemas are kept
     * @param timeout        how long one fetch may take in all (connecting, redirects, reading the body)
     * @param allowed        the URLs that may be asked; others fail without a request
     * @param maxCacheBytes  the cache folder's bound; the least recently used schemas go first
     */
    public CachingHttpFetcher(Path cacheDirectory, Duration timeout, UrlAllowList allowed, long maxCacheBytes) {
        // A fetcher built outside an engine run (a library caller without an EngineConfig): this process's proxy.
        // The engine's own is built by EngineConfig with the run's environment.
        this(cacheDirectory, timeout, allowed, maxCacheBytes, System.getenv());
    }

    /**
     * As {@link #CachingHttpFetcher(Path, Duration, UrlAllowList, long)}, the proxy ({@code HTTPS_PROXY},
     * {@code HTTP_PROXY}, {@code NO_PROXY}) read from {@code environment}: the run's, not necessarily the JVM's.
     */
    public CachingHttpFetcher(Path cacheDirectory, Duration timeout, UrlAllowList allowed, long maxCacheBytes,
            java.util.Map<String, String> environment) {
        this(cacheDirectory, timeout, allowed, maxCacheBytes, new EnvironmentProxySelector(environment));
    }

    /**
     * As {@link #CachingHttpFetcher(Path, Duration, UrlAllowList, long)}, reaching servers through {@code proxies}
     * (the default: {@code HTTPS_PROXY}, {@code HTTP_PROXY}, {@code NO_PROXY} of the environment).
     */
    public CachingHttpFetcher(Path cacheDirectory, Duration timeout, UrlAllowList allowed, long maxCacheBytes,
            EnvironmentProxySelector proxies) {
        this.cacheDirectory = cacheDirectory;
        this.timeout = timeout;
        this.allowed = allowed;
        this.maxCacheBytes = maxCacheBytes;
        this.proxies = proxies;
    }

    private OkHttpClient client() {
        OkHttpClient built = client;
        if (built == null) {
            synchronized (this) {
                built = client;
                if (built == null) {
                    built = new OkHttpClient.Builder()
                            .connectTimeout(timeout)
                            .followRedirects(false) // followed here, each target checked
                            .followSslRedirects(false)
                            .dispatcher(new Dispatcher(DISPATCH))
                            // an agent JVM outlives the run: no socket stays open long after it
                            .connectionPool(new ConnectionPool(5, 30, TimeUnit.SECONDS))
                            .build();
                    client = built;
                }
            }
        }
        return built;
    }

    /** {@code $XDG_CACHE_HOME/ascent/schemas}, or {@code ~/.cache/ascent/schemas}. */
    public static Path defaultCacheDirectory() {
        // This process's environment on purpose: only for a fetcher built outside an engine run. A run's fetcher
        // comes from EngineConfig, whose cache folder is read from the run's environment (the resident engine's
        // requests each have their own).
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("ascent").resolve("schemas");
    }

    /** The file a URL is cached in. */
    public Path cacheFile(URI uri) {
        return cacheDirectory.resolve(sha256(uri.toString()) + ".json");
    }

    /** The JDK client's exchange is waited for with a deadline: a cancelled run stops waiting at once. */
    @Override
    public Outcome fetch(URI uri) throws InterruptedException {
        if (!allowed.allows(uri)) {
            return failed(uri, "not allowed by the operator's allow-list (" + allowed + ")");
        }
        String origin = origin(uri);
        Optional<Failed> refused = refusedByProxy(uri, uri);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (unreachable.contains(origin)) {
            return failed(uri, "an earlier request to " + origin + " in this run failed; not asked again");
        }
        Path cached = cacheFile(uri);
        Optional<String> hit = readCache(cached);
        if (hit.isPresent()) {
            return new Fetched(hit.get(), true);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        URI current = uri;
        for (int redirects = 0; ; redirects++) {
            Answer response;
            try {
                response = send(current, deadline);
            } catch (LimitedBody.TooLarge e) {
                return failed(uri, e.getMessage());
            } catch (IOException | TimeoutException e) {
                refused = refusedByProxy(uri, current);
                if (refused.isPresent()) {
                    return refused.get(); // the CONNECT of an https download was refused
                }
                unreachable.add(origin(current));
                return failed(uri, (e instanceof TimeoutException ? "no whole answer within " + timeout
                        : e.getClass().getSimpleName() + " " + e.getMessage()) + " from " + current);
            }
            int status = response.statusCode();
            refused = refusedByProxy(uri, current);
            if (refused.isPresent()) {
                return refused.get(); // a plain download answered 407 after the credentials were sent
            }
            if (status == 404 || status == 410) {
                return new Missing(status);
            }
            Optional<String> location = response.location();
            if (status >= 300 && status < 400 && location.isPresent()) {
                URI next;
                try {
                    next = current.resolve(location.get());
                } catch (IllegalArgumentException e) {
                    return failed(uri, "a redirect to an invalid URL");
                }
                if (redirects >= MAX_REDIRECTS || !allowed.allows(next)) {
                    return failed(uri, redirects >= MAX_REDIRECTS ? "more than " + MAX_REDIRECTS + " redirects"
                            : "a redirect to " + next + ", which is not allowed");
                }
                current = next;
                continue;
            }
            if (status != 200) {
                return failed(uri, "HTTP " + status + " from " + current);
            }
            String text = new String(response.body(), StandardCharsets.UTF_8);
            try {
                new org.json.JSONObject(text);
            } catch (org.json.JSONException notJson) {
                // a proxy's or captive portal's HTML page must not be cached as a schema
                return failed(uri, "the answer is not a JSON object");
            }
            store(cached, response.body());
            return new Fetched(text, false);
        }
    }

    /**
     * The failure of {@code uri} when the proxy {@code current} is reached through has refused its credentials in
     * this run. It names the proxy and the variable it came from, never the user or password; unlike the other
     * failures it is the operator's own setting and says nothing about the checklist's servers.
     */
    private Optional<Failed> refusedByProxy(URI uri, URI current) {
        Optional<ProxyRoute> route;
        try {
            route = proxies.route(current);
        } catch (ProxyRoute.ProxyException e) {
            return Optional.empty(); // send() reports it
        }
        if (route.isEmpty() || !refusingProxies.contains(route.get().describe())) {
            return Optional.empty();
        }
        Log.LOG.log(System.Logger.Level.DEBUG, () -> uri + " not fetched: " + route.get().describe()
                + " refused its credentials earlier in this run");
        return Optional.of(new Failed(uri + " could not be fetched: " + route.get().describe() + " refused the user "
                + "and password of its URL (407), so it is not asked again in this run; fix them in " + route.get().source()));
    }

    /** What a fetch needs of an answer: its status, where it redirects, and a 200 answer's body. */
    private record Answer(int statusCode, Optional<String> location, byte[] body) {
    }

    /**
     * One exchange through the proxy the environment names for {@code uri} (its password sent to it by this client
     * alone), waited for until {@code deadline} at the latest; only a 200 answer's body is kept.
     */
    private Answer send(URI uri, long deadline) throws IOException, TimeoutException, InterruptedException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new TimeoutException();
        }
        Optional<ProxyRoute> route;
        try {
            route = proxies.route(uri);
        } catch (ProxyRoute.ProxyException e) {
            throw new IOException(e.getMessage(), e);
        }
        Request request;
        try {
            request = new Request.Builder().url(uri.toString()).header("Accept", "application/json").get().build();
        } catch (IllegalArgumentException e) {
            throw new IOException("not a URL the client can ask", e);
        }
        OkHttpClient routed = client().newBuilder()
                .proxy(route.map(ProxyRoute::proxy).orElse(Proxy.NO_PROXY))
                .proxyAuthenticator(route.map(this::remembering).orElse(okhttp3.Authenticator.NONE))
                .build();
        Call call = routed.newCall(request);
        call.timeout().timeout(left, TimeUnit.NANOSECONDS);
        CompletableFuture<Answer> exchange = new CompletableFuture<>();
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call failed, IOException e) {
                exchange.completeExceptionally(e);
            }

            @Override
            public void onResponse(Call answered, Response response) {
                try (response) {
                    byte[] body = response.code() != 200 ? new byte[0] : LimitedBody.read(
                            response.body().byteStream(), response.body().contentLength(), MAX_BYTES);
                    exchange.complete(new Answer(response.code(), Optional.ofNullable(response.header("Location")),
                            body));
                } catch (IOException | RuntimeException e) {
                    exchange.completeExceptionally(e);
                }
            }
        });
        try {
            return exchange.get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException | InterruptedException e) {
            call.cancel();
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(String.valueOf(cause), cause);
        }
    }

    /**
     * {@code route}'s authenticator, noting the proxy as refusing when it answers 407 to a request that carried the
     * credentials already (the authenticator then gives up, as it always did).
     */
    private okhttp3.Authenticator remembering(ProxyRoute route) {
        okhttp3.Authenticator answer = route.authenticator();
        return (okRoute, response) -> {
            if (response.code() == 407 && response.request().header("Proxy-Authorization") != null) {
                refusingProxies.add(route.describe());
            }
            return answer.authenticate(okRoute, response);
        };
    }

    private static Failed failed(URI uri, String detail) {
        Log.LOG.log(System.Logger.Level.DEBUG, () -> uri + " could not be fetched: " + detail);
        return new Failed(uri + NOT_FETCHED);
    }

    private static String origin(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + (uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT)) + ":" + port;
    }

    /** A cached schema, read through the same gate as every file; a hit counts as a use for the LRU order. */
    private Optional<String> readCache(Path cached) {
        try {
            byte[] bytes = ConfinedFiles.under(cacheDirectory, MAX_BYTES).readAllBytes(cached);
            try {
                Files.setLastModifiedTime(cached, FileTime.fromMillis(System.currentTimeMillis()));
            } catch (IOException readOnly) {
                // A read-only cache still serves; it only forgets the order of use.
            }
            return Optional.of(new String(bytes, StandardCharsets.UTF_8));
        } catch (NoSuchFileException missing) {
            return Optional.empty();
        } catch (IOException unreadable) {
            return Optional.empty(); // fetched again; the file is rewritten below
        }
    }

    private void store(Path cached, byte[] bytes) {
        try {
            Files.createDirectories(cacheDirectory);
            Path temporary = Files.createTempFile(cacheDirectory, ".fetch-", ".tmp");
            Files.write(temporary, bytes);
            try {
                Files.move(temporary, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, cached, StandardCopyOption.REPLACE_EXISTING);
            }
            prune();
        } catch (IOException notCached) {
            // A read-only or full cache costs a second download next time, nothing more.
        }
    }

    private record Entry(Path file, long size, FileTime used) {
    }

    /** Removes the least recently used schemas until the folder is within {@code maxCacheBytes}. */
    private void prune() throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(cacheDirectory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (!file.getFileName().toString().endsWith(".json")) {
                    continue;
                }
                try {
                    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                            java.nio.file.LinkOption.NOFOLLOW_LINKS);
                    if (attributes.isRegularFile()) {
                        entries.add(new Entry(file, attributes.size(), attributes.lastModifiedTime()));
                    }
                } catch (NoSuchFileException gone) {
                    // another run pruned it
                }
            }
        }
        long total = entries.stream().mapToLong(Entry::size).sum();
        entries.sort(Comparator.comparing(Entry::used));
        for (Entry entry : entries) {
            if (total <= maxCacheBytes) {
                break;
            }
            Files.deleteIfExists(entry.file());
            total -= entry.size();
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

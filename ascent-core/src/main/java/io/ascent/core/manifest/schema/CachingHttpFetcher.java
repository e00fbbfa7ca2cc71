package io.ascent.core.manifest.schema;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Fetches schemas over HTTP(S) with the JDK's client and keeps every schema it got in a folder, one file per URL
 * ({@code sha256(url).json}), so a second run asks the network nothing. Only 200 answers are cached; a 404 or 410
 * is {@link SchemaFetcher.Missing}; anything else (other statuses, timeouts, refused connections, a body over the
 * size limit) is {@link SchemaFetcher.Failed}, which the registry treats as "try the next location". An interrupt
 * is thrown as {@link InterruptedException}, never turned into a failure. Thread-safe.
 */
public final class CachingHttpFetcher implements SchemaFetcher {
    /** The largest schema accepted (CRD-derived schemas of big operators run to a few megabytes). */
    public static final int MAX_BYTES = 16 * 1024 * 1024;

    private final Path cacheDirectory;
    private final HttpClient client;
    private final Duration timeout;

    public CachingHttpFetcher(Path cacheDirectory, Duration timeout) {
        this.cacheDirectory = cacheDirectory;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** {@code $XDG_CACHE_HOME/ascent/schemas}, or {@code ~/.cache/ascent/schemas}. */
    public static Path defaultCacheDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("ascent").resolve("schemas");
    }

    /** The file a URL is cached in. */
    public Path cacheFile(URI uri) {
        return cacheDirectory.resolve(sha256(uri.toString()) + ".json");
    }

    /** The JDK client's {@code send} is interruptible: a cancelled run stops waiting for a silent server. */
    @Override
    public Outcome fetch(URI uri) throws InterruptedException {
        Path cached = cacheFile(uri);
        try {
            if (Files.isRegularFile(cached)) {
                return new Fetched(Files.readString(cached, StandardCharsets.UTF_8), true);
            }
        } catch (IOException unreadable) {
            // fall through to the network; the file is rewritten below
        }
        HttpResponse<InputStream> response;
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                    .header("Accept", "application/json").build();
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException | IllegalArgumentException e) {
            return new Failed(uri + " could not be fetched: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
        int status = response.statusCode();
        try (InputStream body = response.body()) {
            if (status == 404 || status == 410) {
                return new Missing(status);
            }
            if (status != 200) {
                return new Failed(uri + " answered HTTP " + status);
            }
            byte[] bytes = body.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                return new Failed(uri + " is larger than " + MAX_BYTES + " bytes");
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            try {
                new org.json.JSONObject(text);
            } catch (org.json.JSONException notJson) {
                // a proxy's or captive portal's HTML page must not be cached as a schema
                return new Failed(uri + " did not answer with a JSON object");
            }
            store(cached, bytes);
            return new Fetched(text, false);
        } catch (IOException e) {
            return new Failed(uri + " could not be read: " + e.getMessage());
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
        } catch (IOException notCached) {
            // A read-only or full cache costs a second download next time, nothing more.
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

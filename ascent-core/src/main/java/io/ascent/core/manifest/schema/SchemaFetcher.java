package io.ascent.core.manifest.schema;

import java.net.URI;

/**
 * Fetches remote schemas, for {@code http(s)} schema locations only. Implementations must be thread-safe.
 */
public interface SchemaFetcher {

    /** What a fetch gave. */
    sealed interface Outcome {
    }

    /** The schema text. */
    record Fetched(String body, boolean fromCache) implements Outcome {
    }

    /** The server says there is no such schema (404 or 410): try the next location. */
    record Missing(int status) implements Outcome {
    }

    /** The server could not be asked or failed (5xx, timeout, refused connection...): also try the next location. */
    record Failed(String reason) implements Outcome {
    }

    /**
     * Fetches one schema.
     *
     * @throws InterruptedException when the run is cancelled while waiting: the registry then stops looking,
     *                              rather than trying the next location
     */
    Outcome fetch(URI uri) throws InterruptedException;

    /** A fetcher that never uses the network: every fetch fails. For offline runs and tests. */
    static SchemaFetcher offline() {
        return uri -> new Failed("remote schema locations are disabled");
    }
}

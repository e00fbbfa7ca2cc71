package io.ascent.controlplane;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * Polls the cluster until a condition holds: controllers act asynchronously, so
 * a test waits for the state it expects, and on time-out reports the last state seen.
 */
final class Eventually {

    private static final Duration INTERVAL = Duration.ofMillis(250);

    private Eventually() {
    }

    static <T> T await(String expectation, Duration timeout, Callable<T> read, Predicate<T> holds) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        T last = null;
        Exception lastError = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = read.call();
                lastError = null;
                if (holds.test(last)) {
                    return last;
                }
            } catch (Exception e) {
                lastError = e;
            }
            Thread.sleep(INTERVAL.toMillis());
        }
        AssertionError failure = new AssertionError("expected within " + timeout + ": " + expectation
                + "\nlast seen: " + last);
        if (lastError != null) {
            failure.initCause(lastError);
        }
        throw failure;
    }
}

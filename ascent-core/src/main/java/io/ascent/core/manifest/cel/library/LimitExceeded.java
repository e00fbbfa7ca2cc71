package io.ascent.core.manifest.cel.library;

/**
 * Thrown by a library function given a value too large to judge in bounded time (a quantity of a million digits,
 * whose decimal parse is quadratic). The API server would judge it; Ascent reports the rule as not evaluated
 * rather than spend unbounded time on what a repository controls.
 */
public final class LimitExceeded extends RuntimeException {
    LimitExceeded(String message) {
        super(message, null, false, false);
    }
}

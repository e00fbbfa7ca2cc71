package io.ascent.core.repo;

/**
 * A line of text that stops a regular expression running past a deadline. Patterns in a checklist come from the
 * repository, so they are untrusted: {@code (.*a){12}b} on a line of forty {@code a}s would otherwise keep a build
 * busy for hours. Java's regex engine reads its input through {@link #charAt}, which is where the clock is read.
 */
final class DeadlineCharSequence implements CharSequence {
    /** Reading the clock on every character would cost more than the matching; every 4,096th is plenty. */
    private static final int CHECK_EVERY = 4096;

    private final String text;
    private final long deadlineNanos;
    private int reads;

    DeadlineCharSequence(String text, long deadlineNanos) {
        this.text = text;
        this.deadlineNanos = deadlineNanos;
    }

    /** Thrown when a pattern runs past its deadline. */
    static final class TimeoutException extends RuntimeException {
        TimeoutException() {
            super("regular expression took too long", null, false, false);
        }
    }

    @Override
    public char charAt(int index) {
        // An interrupt (an aborted build, or the run's budget spent) stops a pattern as its own deadline does.
        if (++reads % CHECK_EVERY == 0
                && (System.nanoTime() - deadlineNanos > 0 || Thread.currentThread().isInterrupted())) {
            throw new TimeoutException();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new DeadlineCharSequence(text.substring(start, end), deadlineNanos);
    }

    @Override
    public String toString() {
        return text;
    }
}

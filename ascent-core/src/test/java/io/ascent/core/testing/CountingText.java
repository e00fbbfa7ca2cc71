package io.ascent.core.testing;

/**
 * A text that counts how often a matcher reads one of its characters: how a test shows that matching hostile input
 * takes linear time without timing it (a JUnit timeout cannot stop a regular expression, and wall time depends on
 * the machine's load).
 */
public final class CountingText implements CharSequence {
    private final String text;
    private long reads;

    public CountingText(String text) {
        this.text = text;
    }

    /** Characters read through {@link #charAt} so far. */
    public long reads() {
        return reads;
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public char charAt(int index) {
        reads++;
        return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}

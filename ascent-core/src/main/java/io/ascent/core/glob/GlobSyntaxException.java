package io.ascent.core.glob;

/** A path pattern or glob that cannot be compiled: what is wrong, and where (0-based index into the pattern). */
public final class GlobSyntaxException extends IllegalArgumentException {
    private final String description;
    private final int index;

    GlobSyntaxException(String description, String pattern, int index) {
        super(description + " at index " + index + " of '" + pattern + "'");
        this.description = description;
        this.index = index;
    }

    /** What is wrong, without the pattern: {@code missing ']'}. */
    public String description() {
        return description;
    }

    /** Where in the pattern, 0-based. */
    public int index() {
        return index;
    }
}

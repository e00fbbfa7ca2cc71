package io.ascent.core.report;

import java.io.Serializable;
import java.util.Objects;

/**
 * Where a finding is: a path relative to the repository root (always with {@code /}), and a 1-based line and
 * column, each 0 when unknown.
 */
public record Location(String path, int line, int column) implements Serializable {

    public Location {
        Objects.requireNonNull(path, "path");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must not be negative");
        }
    }

    /** A location naming only a file. */
    public static Location of(String path) {
        return new Location(path, 0, 0);
    }

    public boolean hasLine() {
        return line > 0;
    }

    /** {@code path:line:col}, {@code path:line} or {@code path}: the form editors and build logs link. */
    @Override
    public String toString() {
        if (line == 0) {
            return path;
        }
        return column == 0 ? path + ":" + line : path + ":" + line + ":" + column;
    }
}

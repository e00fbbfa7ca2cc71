package io.ascent.core.report;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A few lines of a repository file around a finding, kept in the report so that the HTML report and the Jenkins
 * report page can show them after the workspace is gone (a removed clone, an agent's workspace). Secrets are
 * redacted before the lines get here, and again by {@link Report}'s constructor.
 *
 * @param path      the file, relative to the repository root, as in {@link Location#path()}
 * @param firstLine the 1-based number of the first line kept
 * @param lines     the lines, without line terminators; long ones are shortened
 */
public record SourceExcerpt(String path, int firstLine, List<String> lines) implements Serializable {

    public SourceExcerpt {
        Objects.requireNonNull(path, "path");
        if (firstLine < 1) {
            throw new IllegalArgumentException("firstLine must be at least 1: " + firstLine);
        }
        lines = List.copyOf(lines);
    }

    /** The number of the last line kept. */
    public int lastLine() {
        return firstLine + lines.size() - 1;
    }

    /** Whether this excerpt shows line {@code line} of {@code file}. */
    public boolean shows(String file, int line) {
        return path.equals(file) && line >= firstLine && line <= lastLine();
    }
}

package io.ascent.core.provision.kind;

import java.io.Serializable;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes version as a node image or a request names it: {@code 1.31} (any patch) or {@code 1.31.14}.
 *
 * @param major the major version
 * @param minor the minor version
 * @param patch the patch version, or {@code -1} when the request leaves it open
 */
public record NodeVersion(int major, int minor, int patch) implements Comparable<NodeVersion>, Serializable {

    private static final Pattern SYNTAX = Pattern.compile("v?(\\d{1,4})\\.(\\d{1,4})(?:\\.(\\d{1,6}))?");

    /** Parses {@code 1.31}, {@code 1.31.14} or {@code v1.31.14}; empty for anything else. */
    public static Optional<NodeVersion> parse(String text) {
        Matcher m = text == null ? null : SYNTAX.matcher(text.strip());
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new NodeVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? -1 : Integer.parseInt(m.group(3))));
    }

    public boolean hasPatch() {
        return patch >= 0;
    }

    /** Whether an image of version {@code image} satisfies this request (same minor, and same patch if given). */
    public boolean admits(NodeVersion image) {
        return major == image.major && minor == image.minor && (!hasPatch() || patch == image.patch);
    }

    /** Whether this is at least {@code major.minor}. */
    public boolean isAtLeast(int major, int minor) {
        return this.major > major || this.major == major && this.minor >= minor;
    }

    /** {@code 1.31}: the minor release. */
    public String minorVersion() {
        return major + "." + minor;
    }

    @Override
    public int compareTo(NodeVersion other) {
        int c = Integer.compare(major, other.major);
        c = c != 0 ? c : Integer.compare(minor, other.minor);
        return c != 0 ? c : Integer.compare(patch, other.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + (hasPatch() ? "." + patch : "");
    }
}

package io.ascent.core.provision.kind;

import java.io.Serializable;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A kind release, as {@code kind version} prints it ({@code kind v0.31.0 go1.25.5 linux/amd64}).
 *
 * @param major      major version
 * @param minor      minor version
 * @param patch      patch version
 * @param preRelease {@code alpha} for a build from kind's main branch, or empty
 */
public record KindRelease(int major, int minor, int patch, String preRelease)
        implements Comparable<KindRelease>, Serializable {

    private static final Pattern VERSION = Pattern.compile("v(\\d{1,4})\\.(\\d{1,4})\\.(\\d{1,4})(?:-([0-9A-Za-z.]+))?");

    /** Reads the first {@code vX.Y.Z[-pre]} in {@code kind version}'s output; empty when there is none. */
    public static Optional<KindRelease> parse(String versionOutput) {
        Matcher m = versionOutput == null ? null : VERSION.matcher(versionOutput);
        if (m == null || !m.find()) {
            return Optional.empty();
        }
        return Optional.of(new KindRelease(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), m.group(4) == null ? "" : m.group(4)));
    }

    /** {@code v0.31.0}: the release's tag, as the table and kind's release notes name it (without a pre-release). */
    public String tag() {
        return "v" + major + "." + minor + "." + patch;
    }

    @Override
    public int compareTo(KindRelease other) {
        int c = Integer.compare(major, other.major);
        c = c != 0 ? c : Integer.compare(minor, other.minor);
        return c != 0 ? c : Integer.compare(patch, other.patch);
    }

    @Override
    public String toString() {
        return tag() + (preRelease.isEmpty() ? "" : "-" + preRelease);
    }
}

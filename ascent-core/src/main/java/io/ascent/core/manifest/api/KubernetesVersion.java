package io.ascent.core.manifest.api;

import java.io.Serializable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes release as far as API availability is concerned: major and minor only. Kubernetes adds and
 * removes API versions only in minor releases, so a patch number (and a vendor suffix such as
 * {@code -gke.100} or {@code +k3s1}) is accepted by {@link #parse(String)} and then dropped.
 *
 * @param major always 1 for today's Kubernetes, kept so that a 2.x would not compare wrongly
 * @param minor the minor release, such as 22 for 1.22
 */
public record KubernetesVersion(int major, int minor) implements Comparable<KubernetesVersion>, Serializable {

    /**
     * The one grammar of a Kubernetes version, for the engine and the checklist's JSON Schema alike (the schema's
     * {@code kubernetesVersion} pattern is this text between {@code ^} and {@code $}, and a test keeps them equal):
     * {@code v? MAJOR . MINOR [. PATCH [-+suffix]]}, no leading zeros except a lone 0, no spaces. Written in the
     * subset of regular expressions that Java and ECMA 262 read alike.
     */
    public static final String PATTERN =
            "v?(0|[1-9][0-9]{0,3})\\.(0|[1-9][0-9]{0,3})(\\.(0|[1-9][0-9]{0,5})([-+][0-9A-Za-z.+-]*)?)?";

    private static final Pattern SYNTAX = Pattern.compile(PATTERN);

    public KubernetesVersion {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("Kubernetes version numbers cannot be negative: " + major + "." + minor);
        }
    }

    public static KubernetesVersion of(int major, int minor) {
        return new KubernetesVersion(major, minor);
    }

    /**
     * Parses {@code 1.22}, {@code 1.22.3}, {@code v1.22.3} or {@code v1.22.3-gke.100}.
     *
     * @throws IllegalArgumentException naming the bad text and the accepted forms
     */
    public static KubernetesVersion parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("Kubernetes version is missing; expected a form such as 1.22, 1.22.3 or v1.22.3");
        }
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a Kubernetes version; expected a form such as 1.22, 1.22.3 or v1.22.3");
        }
        return new KubernetesVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    @Override
    public int compareTo(KubernetesVersion other) {
        int c = Integer.compare(major, other.major);
        return c != 0 ? c : Integer.compare(minor, other.minor);
    }

    public boolean isBefore(KubernetesVersion other) {
        return compareTo(other) < 0;
    }

    public boolean isAtLeast(KubernetesVersion other) {
        return compareTo(other) >= 0;
    }

    /** {@code 1.22}: the form used in every message. */
    @Override
    public String toString() {
        return major + "." + minor;
    }
}

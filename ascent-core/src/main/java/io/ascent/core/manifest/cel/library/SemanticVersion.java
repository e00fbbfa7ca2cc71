package io.ascent.core.manifest.cel.library;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A semantic version as {@code github.com/blang/semver/v4} parses it, the parser Kubernetes' semver library uses:
 * exactly {@code major.minor.patch} without leading zeros, then {@code -prerelease} and {@code +build}; build metadata
 * is ignored when comparing. With normalization (Kubernetes' {@code normalizeAndParse}) a leading {@code v} and
 * leading zeros are dropped and missing minor and patch numbers become 0. Immutable.
 */
final class SemanticVersion implements Comparable<SemanticVersion> {
    private static final String NUMBERS = "0123456789";
    private static final String ALPHANUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-" + NUMBERS;
    private static final BigInteger MAX_UINT64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /** Thrown for text that is not a version; the message is blang/semver's. */
    static final class ParseException extends Exception {
        ParseException(String message) {
            super(message, null, false, false);
        }
    }

    private final long major;
    private final long minor;
    private final long patch;
    /** Each prerelease identifier: a {@link Long} (unsigned) when numeric, else its text. */
    private final List<Object> prerelease;

    private SemanticVersion(long major, long minor, long patch, List<Object> prerelease) {
        this.major = major;
        this.minor = minor;
        this.patch = patch;
        this.prerelease = List.copyOf(prerelease);
    }

    /** {@code semver.Parse}. */
    static SemanticVersion parse(String s) throws ParseException {
        if (s.isEmpty()) {
            throw new ParseException("Version string empty");
        }
        String[] parts = s.split("\\.", 3);
        if (parts.length != 3) {
            throw new ParseException("No Major.Minor.Patch elements found");
        }
        long major = number(parts[0], "major", "Major");
        long minor = number(parts[1], "minor", "Minor");
        String patchText = parts[2];
        List<String> build = new ArrayList<>();
        int plus = patchText.indexOf('+');
        if (plus >= 0) {
            build = List.of(patchText.substring(plus + 1).split("\\.", -1));
            patchText = patchText.substring(0, plus);
        }
        List<String> pre = new ArrayList<>();
        int dash = patchText.indexOf('-');
        if (dash >= 0) {
            pre = List.of(patchText.substring(dash + 1).split("\\.", -1));
            patchText = patchText.substring(0, dash);
        }
        long patch = number(patchText, "patch", "Patch");
        List<Object> identifiers = new ArrayList<>();
        for (String identifier : pre) {
            identifiers.add(prerelease(identifier));
        }
        for (String meta : build) {
            if (meta.isEmpty()) {
                throw new ParseException("Build meta data is empty");
            }
            if (!containsOnly(meta, ALPHANUM)) {
                throw new ParseException("Invalid character(s) found in build meta data " + GoQuote.quote(meta));
            }
        }
        return new SemanticVersion(major, minor, patch, identifiers);
    }

    /** Kubernetes' {@code normalizeAndParse}, used by {@code semver(text, true)}. */
    static SemanticVersion parseNormalized(String text) throws ParseException {
        String s = text.startsWith("v") ? text.substring(1) : text;
        List<String> parts = new ArrayList<>(List.of(s.split("\\.", 3)));
        if (s.isEmpty()) {
            parts = new ArrayList<>(List.of(""));
        }
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            if (part.length() > 1) {
                part = part.replaceFirst("^0+", "");
                if (part.isEmpty() || NUMBERS.indexOf(part.charAt(0)) < 0) {
                    part = "0" + part;
                }
                parts.set(i, part);
            }
        }
        if (parts.size() < 3) {
            String last = parts.get(parts.size() - 1);
            if (last.contains("+") || last.contains("-")) {
                throw new ParseException("short version cannot contain PreRelease/Build meta data");
            }
            while (parts.size() < 3) {
                parts.add("0");
            }
        }
        return parse(String.join(".", parts));
    }

    private static long number(String text, String name, String capitalized) throws ParseException {
        if (!containsOnly(text, NUMBERS)) {
            throw new ParseException("Invalid character(s) found in " + name + " number " + GoQuote.quote(text));
        }
        if (text.length() > 1 && text.charAt(0) == '0') {
            throw new ParseException(capitalized + " number must not contain leading zeroes " + GoQuote.quote(text));
        }
        return unsigned(text);
    }

    /** {@code strconv.ParseUint(text, 10, 64)} on digits only. */
    private static long unsigned(String text) throws ParseException {
        if (text.isEmpty()) {
            throw new ParseException("strconv.ParseUint: parsing \"\": invalid syntax");
        }
        if (text.length() > 20 || new BigInteger(text).compareTo(MAX_UINT64) > 0) {
            throw new ParseException("strconv.ParseUint: parsing " + GoQuote.quote(text) + ": value out of range");
        }
        return Long.parseUnsignedLong(text);
    }

    private static Object prerelease(String identifier) throws ParseException {
        if (identifier.isEmpty()) {
            throw new ParseException("Prerelease is empty");
        }
        if (containsOnly(identifier, NUMBERS)) {
            if (identifier.length() > 1 && identifier.charAt(0) == '0') {
                throw new ParseException("Numeric PreRelease version must not contain leading zeroes "
                        + GoQuote.quote(identifier));
            }
            return unsigned(identifier);
        }
        if (containsOnly(identifier, ALPHANUM)) {
            return identifier;
        }
        throw new ParseException("Invalid character(s) found in prerelease " + GoQuote.quote(identifier));
    }

    private static boolean containsOnly(String text, String allowed) {
        return text.chars().allMatch(c -> allowed.indexOf(c) >= 0);
    }

    /** As Go's {@code int64(uint64)}: a major above 2^63-1 wraps. */
    long major() {
        return major;
    }

    long minor() {
        return minor;
    }

    long patch() {
        return patch;
    }

    @Override
    public int compareTo(SemanticVersion o) {
        int c = Long.compareUnsigned(major, o.major);
        if (c == 0) {
            c = Long.compareUnsigned(minor, o.minor);
        }
        if (c == 0) {
            c = Long.compareUnsigned(patch, o.patch);
        }
        if (c != 0) {
            return Integer.signum(c);
        }
        if (prerelease.isEmpty() || o.prerelease.isEmpty()) {
            // a release is greater than any of its prereleases
            return Boolean.compare(prerelease.isEmpty(), o.prerelease.isEmpty());
        }
        for (int i = 0; i < Math.min(prerelease.size(), o.prerelease.size()); i++) {
            int identifier = compareIdentifiers(prerelease.get(i), o.prerelease.get(i));
            if (identifier != 0) {
                return identifier;
            }
        }
        return Integer.signum(Integer.compare(prerelease.size(), o.prerelease.size()));
    }

    /** Numeric identifiers compare as numbers and come before alphanumeric ones, which compare as text. */
    private static int compareIdentifiers(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return Integer.signum(Long.compareUnsigned(x, y));
        }
        if (a instanceof String x && b instanceof String y) {
            return Integer.signum(x.compareTo(y));
        }
        return a instanceof Long ? -1 : 1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SemanticVersion version && compareTo(version) == 0;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(major) * 961 + Long.hashCode(minor) * 31 + Long.hashCode(patch) + prerelease.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder().append(Long.toUnsignedString(major)).append('.')
                .append(Long.toUnsignedString(minor)).append('.').append(Long.toUnsignedString(patch));
        for (int i = 0; i < prerelease.size(); i++) {
            out.append(i == 0 ? '-' : '.').append(prerelease.get(i) instanceof Long n ? Long.toUnsignedString(n)
                    : prerelease.get(i));
        }
        return out.toString();
    }
}

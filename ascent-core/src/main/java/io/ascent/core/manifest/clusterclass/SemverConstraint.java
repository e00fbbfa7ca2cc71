package io.ascent.core.manifest.clusterclass;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version constraint as sprig's {@code semverCompare} reads it (Masterminds semver v3): {@code < v1.25},
 * {@code <= v1.23}, {@code >= 1.24}, {@code = 1.22}, {@code != 1.22}, {@code ^1.22.0}, {@code ~1.22}, wildcards
 * ({@code 1.22.x}), hyphen ranges ({@code 1.22 - 1.24}), joined by {@code ,} or spaces (all must hold) and
 * {@code ||} (one must hold). A part left out of the constraint's version ({@code 1.23} in {@code <= 1.23}) stands
 * for any value, as in Masterminds: {@code <= 1.23} holds for 1.23.17. A version with a pre-release (1.25.0-rc.1)
 * satisfies a constraint only when the constraint names a pre-release too ({@code < v1.25-0}).
 */
public final class SemverConstraint {
    private static final Pattern VERSION = Pattern.compile(
            "v?(\\d+|[xX*])(?:\\.(\\d+|[xX*]))?(?:\\.(\\d+|[xX*]))?(?:-([0-9A-Za-z.-]+))?(?:\\+[0-9A-Za-z.-]+)?");
    private static final Pattern TERM = Pattern.compile(
            "\\s*(!=|>=|=>|<=|=<|~>|>|<|=|~|\\^)?\\s*(v?[0-9xX*][0-9A-Za-z.+*-]*)\\s*");
    private static final Pattern HYPHEN = Pattern.compile("\\s*(\\S+)\\s+-\\s+(\\S+)\\s*");

    private final List<List<Term>> alternatives;
    private final String text;

    private SemverConstraint(String text, List<List<Term>> alternatives) {
        this.text = text;
        this.alternatives = alternatives;
    }

    /**
     * Parses a constraint.
     *
     * @throws TemplateException when the text is no constraint Masterminds semver would accept
     */
    public static SemverConstraint parse(String text) throws TemplateException {
        List<List<Term>> alternatives = new ArrayList<>();
        for (String alternative : text.split("\\|\\|", -1)) {
            List<Term> terms = new ArrayList<>();
            for (String part : alternative.split(",", -1)) {
                Matcher hyphen = HYPHEN.matcher(part);
                if (hyphen.matches()) {
                    terms.add(term(">=", hyphen.group(1), text));
                    terms.add(term("<=", hyphen.group(2), text));
                    continue;
                }
                Matcher m = TERM.matcher(part);
                int at = 0;
                while (at < part.length() && m.find(at) && m.start() == at) {
                    terms.add(term(m.group(1) == null ? "=" : m.group(1), m.group(2), text));
                    at = m.end();
                }
                if (at < part.length() || terms.isEmpty()) {
                    throw new TemplateException("'" + text + "' is not a semver constraint");
                }
            }
            alternatives.add(terms);
        }
        return new SemverConstraint(text, alternatives);
    }

    /**
     * Whether {@code version} ({@code v1.22.1}) satisfies the constraint.
     *
     * @throws TemplateException when {@code version} is not a semantic version
     */
    public boolean check(String version) throws TemplateException {
        Version v = Version.parse(version);
        if (v == null || Version.hasWildcard(version)) {
            throw new TemplateException("'" + version + "' is not a semantic version");
        }
        for (List<Term> terms : alternatives) {
            boolean all = true;
            for (Term term : terms) {
                all &= term.check(v);
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }

    private static Term term(String op, String version, String text) throws TemplateException {
        Version v = Version.parse(version);
        if (v == null) {
            throw new TemplateException("'" + text + "' is not a semver constraint");
        }
        return new Term(op, v);
    }

    /** A version, with which parts were left out or written as wildcards. */
    private record Version(BigInteger major, BigInteger minor, BigInteger patch, String prerelease,
            boolean minorDirty, boolean patchDirty) {

        static Version parse(String text) {
            Matcher m = VERSION.matcher(text.strip());
            if (!m.matches()) {
                return null;
            }
            boolean majorDirty = isWild(m.group(1));
            boolean minorDirty = majorDirty || m.group(2) == null || isWild(m.group(2));
            boolean patchDirty = minorDirty || m.group(3) == null || isWild(m.group(3));
            return new Version(majorDirty ? BigInteger.ZERO : new BigInteger(m.group(1)),
                    minorDirty ? BigInteger.ZERO : new BigInteger(m.group(2)),
                    patchDirty ? BigInteger.ZERO : new BigInteger(m.group(3)),
                    m.group(4) == null ? "" : m.group(4), minorDirty, patchDirty);
        }

        static boolean hasWildcard(String text) {
            Matcher m = VERSION.matcher(text.strip());
            return m.matches() && (isWild(m.group(1)) || isWild(m.group(2)) || isWild(m.group(3)));
        }

        private static boolean isWild(String part) {
            return part != null && ("x".equalsIgnoreCase(part) || "*".equals(part));
        }

        int compareTo(Version other) {
            int c = major.compareTo(other.major);
            c = c != 0 ? c : minor.compareTo(other.minor);
            c = c != 0 ? c : patch.compareTo(other.patch);
            return c != 0 ? c : comparePrerelease(prerelease, other.prerelease);
        }

        /** Semantic versioning's order: no pre-release ranks above any; identifiers compare numerically or by text. */
        private static int comparePrerelease(String a, String b) {
            if (a.equals(b)) {
                return 0;
            }
            if (a.isEmpty()) {
                return 1;
            }
            if (b.isEmpty()) {
                return -1;
            }
            String[] x = a.split("\\.");
            String[] y = b.split("\\.");
            for (int i = 0; i < Math.min(x.length, y.length); i++) {
                boolean xn = x[i].chars().allMatch(Character::isDigit);
                boolean yn = y[i].chars().allMatch(Character::isDigit);
                int c = xn && yn ? new BigInteger(x[i]).compareTo(new BigInteger(y[i]))
                        : xn ? -1 : yn ? 1 : x[i].compareTo(y[i]);
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(x.length, y.length);
        }
    }

    /** One comparison, with Masterminds' treatment of the parts a constraint leaves out. */
    private record Term(String op, Version con) {

        boolean check(Version v) {
            if (!v.prerelease().isEmpty() && con.prerelease().isEmpty()) {
                return false; // pre-releases satisfy only constraints that ask for them
            }
            boolean dirty = con.minorDirty() || con.patchDirty();
            return switch (op) {
                case "=" -> dirty ? tilde(v) : v.compareTo(con) == 0;
                case "!=" -> dirty ? !tilde(v) : v.compareTo(con) != 0;
                case ">" -> dirty ? greaterDirty(v) : v.compareTo(con) > 0;
                case ">=", "=>" -> v.compareTo(con) >= 0;
                case "<" -> v.compareTo(con) < 0;
                case "<=", "=<" -> dirty ? lessOrEqualDirty(v) : v.compareTo(con) <= 0;
                case "~", "~>" -> tilde(v);
                case "^" -> caret(v);
                default -> throw new IllegalStateException(op);
            };
        }

        private boolean greaterDirty(Version v) {
            int major = v.major().compareTo(con.major());
            if (major != 0) {
                return major > 0;
            }
            return !con.minorDirty() && v.minor().compareTo(con.minor()) > 0;
        }

        private boolean lessOrEqualDirty(Version v) {
            int major = v.major().compareTo(con.major());
            if (major != 0) {
                return major < 0;
            }
            return con.minorDirty() || v.minor().compareTo(con.minor()) <= 0;
        }

        /** {@code ~1.2.3}: at least the version, below the next minor (the next major when the minor is left out). */
        private boolean tilde(Version v) {
            if (v.compareTo(con) < 0 && !(con.minorDirty() && v.major().equals(con.major()))) {
                return false;
            }
            if (!v.major().equals(con.major())) {
                return false;
            }
            return con.minorDirty() || v.minor().equals(con.minor());
        }

        /** {@code ^1.2.3}: at least the version, below the next major (next minor or patch for 0.x versions). */
        private boolean caret(Version v) {
            if (v.compareTo(con) < 0) {
                return false;
            }
            if (con.major().signum() > 0 || con.minorDirty()) {
                return v.major().equals(con.major());
            }
            if (con.minor().signum() > 0 || con.patchDirty()) {
                return v.major().equals(con.major()) && v.minor().equals(con.minor());
            }
            return v.major().equals(con.major()) && v.minor().equals(con.minor()) && v.patch().equals(con.patch());
        }
    }
}

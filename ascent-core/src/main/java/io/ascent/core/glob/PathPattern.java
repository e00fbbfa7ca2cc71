package io.ascent.core.glob;

import java.util.ArrayList;
import java.util.List;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * A path pattern from the checklist, relative to the application directory: {@code *} within a name, {@code **}
 * across folders, {@code ?} one character, {@code [abc]} one of a set, and {@code |} between alternatives. A pattern
 * is anchored at the application directory ({@code README*} is the root README; {@code **}{@code /*.pem} is any
 * depth). A trailing {@code /} names a folder. Matching is case-sensitive, as git is: {@code README*} does not match
 * {@code readme.md}. A pattern that names a folder matches it, so {@code node_modules} forbids everything below.
 *
 * <p>Patterns compile to RE2/J expressions: matching costs time linear in the path, whatever the pattern.
 */
public final class PathPattern {
    private final String text;
    private final List<Alternative> alternatives;

    /**
     * One alternative: a literal path, or a regular expression with the literal text before its first and after its
     * last wildcard, checked first: most paths fail on those, and a string comparison is far cheaper than a match.
     */
    private record Alternative(String literal, Pattern regex, String prefix, String suffix) {
        boolean matches(String path) {
            if (literal != null) {
                return literal.equals(path);
            }
            return path.startsWith(prefix) && path.endsWith(suffix) && regex.matcher(path).matches();
        }

        /**
         * Whether the path or a folder above it might match: a matching prefix of the path starts with the literal
         * prefix and ends with the literal suffix, so the path starts with the one and holds the other.
         */
        boolean mayMatchPrefixOf(String path) {
            if (literal != null) {
                return path.startsWith(literal) && (path.length() == literal.length()
                        || path.charAt(literal.length()) == '/');
            }
            return path.startsWith(prefix) && path.contains(suffix);
        }
    }

    /**
     * Whether some alternative matches the path or a folder above it, in one linear pass: testing every folder
     * prefix separately costs the path's depth times its length, which a deep hostile path makes quadratic.
     */
    private final Pattern anyPrefix;

    private PathPattern(String text, List<Alternative> alternatives) {
        this.text = text;
        this.alternatives = alternatives;
        StringBuilder any = new StringBuilder("(?:");
        for (int i = 0; i < alternatives.size(); i++) {
            Alternative alternative = alternatives.get(i);
            any.append(i == 0 ? "" : "|").append(alternative.literal() != null
                    ? Pattern.quote(alternative.literal()) : alternative.regex().pattern());
        }
        this.anyPrefix = Pattern.compile(any.append(")(?:/.*)?").toString(), Pattern.DOTALL);
    }

    /**
     * Compiles {@code text}.
     *
     * @throws GlobSyntaxException when a set cannot be compiled ({@code [z-a]}); an unclosed {@code [} is a literal
     */
    public static PathPattern compile(String text) {
        List<Alternative> alternatives = new ArrayList<>();
        for (String part : text.split("\\|")) {
            String glob = part.trim();
            while (glob.startsWith("./")) {
                glob = glob.substring(2);
            }
            while (glob.startsWith("/")) {
                glob = glob.substring(1);
            }
            while (glob.endsWith("/") && glob.length() > 1) {
                glob = glob.substring(0, glob.length() - 1);
            }
            if (glob.isEmpty()) {
                continue;
            }
            boolean wild = glob.indexOf('*') >= 0 || glob.indexOf('?') >= 0 || glob.indexOf('[') >= 0;
            alternatives.add(wild ? wildcard(glob) : new Alternative(glob, null, null, null));
        }
        return new PathPattern(text, List.copyOf(alternatives));
    }

    private static Alternative wildcard(String glob) {
        int first = firstWildcard(glob);
        int last = Math.max(Math.max(glob.lastIndexOf('*'), glob.lastIndexOf('?')), glob.lastIndexOf(']'));
        String prefix = glob.substring(0, first);
        String suffix = glob.substring(last + 1);
        try {
            return new Alternative(null, Pattern.compile(toRegex(glob), Pattern.DOTALL), prefix, suffix);
        } catch (PatternSyntaxException e) {
            throw new GlobSyntaxException("a [...] set is malformed (" + e.getDescription() + ")", glob,
                    Math.max(0, glob.indexOf('[')));
        }
    }

    private static int firstWildcard(String glob) {
        int first = glob.length();
        for (char c : new char[] {'*', '?', '['}) {
            int at = glob.indexOf(c);
            if (at >= 0 && at < first) {
                first = at;
            }
        }
        return first;
    }

    /** The pattern as written. */
    public String text() {
        return text;
    }

    /** Whether {@code path} (relative to the application directory, a file or a folder) matches exactly. */
    public boolean matches(String path) {
        for (Alternative alternative : alternatives) {
            if (alternative.matches(path)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The shortest prefix of {@code path} (the path itself or a folder above it) that matches, or {@code null}:
     * a match on a folder covers every file below it.
     */
    public String matchingPrefix(String path) {
        boolean possible = false;
        for (Alternative alternative : alternatives) {
            possible |= alternative.mayMatchPrefixOf(path);
        }
        if (!possible || !anyPrefix.matches(path)) {
            return null; // the usual answer: found by comparing literals, or else in one pass
        }
        for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
            String folder = path.substring(0, slash);
            if (matches(folder)) {
                return folder;
            }
        }
        return matches(path) ? path : null;
    }

    /** The literal paths among the alternatives (no wildcard), which can be looked up instead of scanned. */
    public List<String> literals() {
        return alternatives.stream().map(Alternative::literal).filter(l -> l != null).toList();
    }

    /** Whether every alternative is a literal path. */
    public boolean isLiteral() {
        return alternatives.stream().allMatch(a -> a.literal() != null);
    }

    static String toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (c == '*') {
                boolean doubleStar = i + 1 < glob.length() && glob.charAt(i + 1) == '*';
                if (doubleStar) {
                    boolean atStart = i == 0 || glob.charAt(i - 1) == '/';
                    boolean slashAfter = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                    if (atStart && slashAfter) {
                        // "**/": zero or more folders. Not (?:[^/]*/)*, whose nested repetition backtracks on deep paths.
                        regex.append("(?:.*/)?");
                        i += 3;
                    } else {
                        regex.append(".*");
                        i += 2;
                    }
                } else {
                    regex.append("[^/]*");
                    i++;
                }
            } else if (c == '?') {
                regex.append("[^/]");
                i++;
            } else if (c == '[') {
                int end = glob.indexOf(']', i + 2);
                if (end < 0) {
                    regex.append("\\[");
                    i++;
                } else {
                    String set = glob.substring(i + 1, end);
                    if (set.startsWith("!")) {
                        set = "^" + set.substring(1);
                    }
                    regex.append('[').append(set.replace("\\", "\\\\").replace("[", "\\[")).append(']');
                    i = end + 1;
                }
            } else {
                regex.append(Character.isLetterOrDigit(c) ? String.valueOf(c) : Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return regex.toString();
    }

    @Override
    public String toString() {
        return text;
    }
}

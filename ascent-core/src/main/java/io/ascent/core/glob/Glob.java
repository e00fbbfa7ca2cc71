package io.ascent.core.glob;

import com.google.re2j.Pattern;

/**
 * A glob in the syntax of Java's {@code FileSystem.getPathMatcher("glob:...")}, matched against a path relative to
 * the application directory written with {@code /}: {@code *} and {@code ?} within one name, {@code **} across
 * folders, {@code [abc]}, {@code [a-z]} and {@code [!abc]} for one character, {@code {a,b}} for alternatives (not
 * nested), {@code \} to escape. Compiled to RE2/J, so matching is linear in the path's length.
 */
public final class Glob {
    private final String text;
    private final Pattern regex;

    private Glob(String text, Pattern regex) {
        this.text = text;
        this.regex = regex;
    }

    /**
     * Compiles {@code text}.
     *
     * @throws GlobSyntaxException when it is malformed: an unclosed {@code [} or {@code {}, a nested group, a
     *                             reversed range such as {@code [z-a]}, a {@code /} inside brackets, a trailing
     *                             {@code \}
     */
    public static Glob compile(String text) {
        StringBuilder re = new StringBuilder(text.length() * 2);
        boolean inGroup = false;
        int groupStart = -1;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> {
                    if (i + 1 >= text.length()) {
                        throw new GlobSyntaxException("nothing to escape after '\\'", text, i);
                    }
                    re.append(quote(text.charAt(i + 1)));
                    i += 2;
                    continue;
                }
                case '[' -> {
                    i = bracket(text, i, re);
                    continue;
                }
                case '{' -> {
                    if (inGroup) {
                        throw new GlobSyntaxException("groups cannot be nested", text, i);
                    }
                    inGroup = true;
                    groupStart = i;
                    re.append("(?:");
                }
                case '}' -> {
                    if (inGroup) {
                        re.append(')');
                        inGroup = false;
                    } else {
                        re.append(quote(c));
                    }
                }
                case ',' -> re.append(inGroup ? "|" : quote(c));
                case '*' -> {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '*') {
                        re.append(".*");
                        i += 2;
                        continue;
                    }
                    re.append("[^/]*");
                }
                case '?' -> re.append("[^/]");
                default -> re.append(quote(c));
            }
            i++;
        }
        if (inGroup) {
            throw new GlobSyntaxException("missing '}' for the '{'", text, groupStart);
        }
        return new Glob(text, Pattern.compile(re.toString(), Pattern.DOTALL));
    }

    /** Translates the bracket expression at {@code start}; returns the index after its {@code ]}. */
    private static int bracket(String text, int start, StringBuilder re) {
        int i = start + 1;
        re.append('[');
        if (i < text.length() && (text.charAt(i) == '!' || text.charAt(i) == '^')) {
            re.append("^/");
            i++;
        }
        boolean first = true;
        int previous = -1;
        while (i < text.length() && (text.charAt(i) != ']' || first)) {
            char c = text.charAt(i);
            first = false;
            if (c == '/') {
                throw new GlobSyntaxException("'/' cannot be inside brackets", text, i);
            }
            if (c == '-' && previous >= 0 && i + 1 < text.length() && text.charAt(i + 1) != ']') {
                char end = text.charAt(i + 1);
                if (end < previous) {
                    throw new GlobSyntaxException("the range " + (char) previous + "-" + end + " is reversed", text, i - 1);
                }
                if (end == '/') {
                    throw new GlobSyntaxException("'/' cannot be inside brackets", text, i + 1);
                }
                re.append('-').append(inClass(end));
                previous = -1;
                i += 2;
                continue;
            }
            re.append(inClass(c));
            previous = c;
            i++;
        }
        if (i >= text.length()) {
            throw new GlobSyntaxException("missing ']' for the '['", text, start);
        }
        re.append(']');
        return i + 1;
    }

    private static String inClass(char c) {
        return c == '\\' || c == '[' || c == ']' || c == '^' || c == '-' ? "\\" + c : String.valueOf(c);
    }

    private static String quote(char c) {
        return Character.isLetterOrDigit(c) ? String.valueOf(c) : Pattern.quote(String.valueOf(c));
    }

    /** Whether the whole of {@code path} (relative, with {@code /}) matches. */
    public boolean matches(String path) {
        return regex.matches(path);
    }

    /** The glob as written. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}

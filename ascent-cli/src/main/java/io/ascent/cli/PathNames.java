package io.ascent.cli;

import io.ascent.core.report.Report;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The paths a run of the resident engine resolved, named back as the user wrote them. A request's relative paths
 * ({@code DIR}, {@code --checklist}, {@code --kubeconfig}, {@code --kind}) are resolved against the client's directory
 * ({@link Invocation#path(Path)}), so what the engine says about them would name {@code /the/client/dir/app} where
 * the command line says {@code app}. Every text that names such a path, or one under it ({@code app/ascent.yaml}),
 * is given back the user's words: the command line's process resolves nothing, so what it prints of a path derived
 * from {@code app} starts with {@code app}, and the engine's starts with the resolved path exactly there.
 *
 * <p>A resolved path is replaced only as a whole path: not inside a longer name ({@code /dir/app2},
 * {@code /x/dir/app}). For the process's own run there is nothing to name back: texts are passed as they are.
 */
final class PathNames {

    /** No path resolved: the process's own run, or a request whose paths were all absolute. */
    static final PathNames NONE = new PathNames(Map.of());

    /** Resolved path as the run's texts show it, and the user's words for it; the longest first. */
    private final List<Map.Entry<String, String>> names;

    private PathNames(Map<String, String> names) {
        List<Map.Entry<String, String>> sorted = new ArrayList<>(names.entrySet());
        sorted.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
        this.names = List.copyOf(sorted);
    }

    /**
     * The names for the paths {@code given} (null entries skipped), as {@code invocation} resolves them: none for the
     * process's own run and for an absolute path, which are used as they were given.
     */
    static PathNames of(Invocation invocation, Object... given) {
        if (invocation.isProcess()) {
            return NONE;
        }
        Map<String, String> names = new java.util.HashMap<>();
        for (Object path : given) {
            if (path == null) {
                continue;
            }
            String words = path.toString();
            Path resolved = invocation.path(words);
            if (!Path.of(words).isAbsolute()) {
                names.put(resolved.toString(), words);
            }
        }
        return names.isEmpty() ? NONE : new PathNames(names);
    }

    /** {@code text} with each resolved path (and the start of each path under one) named as the user wrote it. */
    String name(String text) {
        if (text == null || names.isEmpty()) {
            return text;
        }
        String named = text;
        for (Map.Entry<String, String> name : names) {
            named = replace(named, name.getKey(), name.getValue());
        }
        return named;
    }

    /** The report with every path it names named as the user wrote it ({@link Report#withTextsNamed}). */
    Report name(Report report) {
        return names.isEmpty() ? report : report.withTextsNamed(this::name);
    }

    /** {@code writer} naming paths in what is printed to it: for the progress lines of a run, each printed whole. */
    PrintWriter name(PrintWriter writer) {
        if (names.isEmpty()) {
            return writer;
        }
        return new PrintWriter((Writer) writer, true) {
            @Override
            public void write(String s, int off, int len) {
                String named = name(s.substring(off, off + len));
                super.write(named, 0, named.length()); // PrintWriter's own: to the wrapped writer
            }
        };
    }

    private static String replace(String text, String resolved, String words) {
        StringBuilder named = null;
        int from = 0;
        for (int at = text.indexOf(resolved); at >= 0; at = text.indexOf(resolved, at + resolved.length())) {
            int end = at + resolved.length();
            if (at > 0 && isNameCharacter(text.charAt(at - 1)) || at > 0 && text.charAt(at - 1) == '/'
                    || end < text.length() && isNameCharacter(text.charAt(end))) {
                continue; // inside a longer path
            }
            if (named == null) {
                named = new StringBuilder(text.length());
            }
            named.append(text, from, at).append(words);
            from = end;
        }
        return named == null ? text : named.append(text, from, text.length()).toString();
    }

    /** A character a file name commonly holds next to a path's end: one that would make it another name. */
    private static boolean isNameCharacter(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || c == '~' || c == '+';
    }
}

package io.ascent.cli.daemon;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A request's environment as the run uses it. The variables that hold paths ({@link #PATHS}) may hold relative ones,
 * which the command line's process and the children it starts resolve against the client's directory; the resident
 * engine's JVM, and every child it starts, has a directory of its own. So their relative entries are made absolute
 * against the client's directory, which is what they meant there; an empty {@code PATH} entry is the current
 * directory (POSIX). Every other variable is passed as it came.
 */
final class RequestEnvironment {
    /** Variables whose value is a list of paths separated by {@code :}, or one path. */
    static final List<String> PATHS = List.of("PATH", "KUBECONFIG", "ASCENT_KIND", "XDG_CACHE_HOME");

    private RequestEnvironment() {
    }

    static Map<String, String> of(Map<String, String> env, Path cwd) {
        Map<String, String> absolute = new HashMap<>(env);
        for (String name : PATHS) {
            String value = env.get(name);
            if (value != null && !value.isEmpty()) {
                absolute.put(name, resolve(value, cwd, name.equals("PATH")));
            }
        }
        return absolute;
    }

    private static String resolve(String value, Path cwd, boolean emptyIsCurrent) {
        List<String> entries = new ArrayList<>();
        for (String entry : value.split(File.pathSeparator, -1)) {
            if (entry.isEmpty()) {
                entries.add(emptyIsCurrent ? cwd.toString() : entry);
                continue;
            }
            try {
                entries.add(cwd.resolve(entry).toString());
            } catch (InvalidPathException e) {
                entries.add(entry); // not a path here: the run says so as the command line would
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}

package io.ascent.cli.daemon;

import io.ascent.core.provision.command.ChildProcess;
import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A request's environment as the run uses it. The variables that hold paths ({@link #PATHS}) may hold relative ones,
 * which the command line's process resolves against the client's directory; the resident engine's JVM has a directory
 * of its own. So their relative entries are made absolute against the client's directory, which is what they meant
 * there. {@code PATH} is not one of them: a program found through a relative {@code PATH} entry is never run, by the
 * command line or by the engine (Go's rule, {@code CommandLookup}), and making the entry absolute here would run it.
 * Every other variable is passed as it came, and the client's directory is added as the one children start in
 * ({@link ChildProcess#WORKING_DIRECTORY}).
 */
final class RequestEnvironment {
    /** Variables whose value is a list of paths separated by {@code :}, or one path. */
    static final List<String> PATHS = List.of("KUBECONFIG", "ASCENT_KIND", "XDG_CACHE_HOME");

    private RequestEnvironment() {
    }

    static Map<String, String> of(Map<String, String> env, Path cwd) {
        Map<String, String> absolute = new HashMap<>(env);
        for (String name : PATHS) {
            String value = env.get(name);
            if (value != null && !value.isEmpty()) {
                absolute.put(name, resolve(value, cwd));
            }
        }
        // kind, kubectl, helm, docker and exec plugins start where the command line would start them: in the
        // client's directory, not the engine JVM's (whatever a client sent under this name)
        absolute.put(ChildProcess.WORKING_DIRECTORY, cwd.toString());
        return absolute;
    }

    private static String resolve(String value, Path cwd) {
        List<String> entries = new ArrayList<>();
        for (String entry : value.split(File.pathSeparator, -1)) {
            if (entry.isEmpty()) {
                entries.add(entry);
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

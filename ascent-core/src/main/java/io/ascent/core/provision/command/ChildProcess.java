package io.ascent.core.provision.command;

import java.io.File;
import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How Ascent starts a child process: with exactly the run's environment (and what Ascent adds for the child), the
 * command looked up on the run's {@code PATH}. A Jenkins agent's JVM serves many builds, each with its own
 * environment ({@code withEnv}, {@code withKubeConfig}, {@code tool}); neither the JVM's variables nor its
 * {@code PATH} may leak into a build's kind, docker or exec plugin. {@link ProcessBuilder} alone would do both: its
 * environment starts as the JVM's, and on Unix it finds a bare command name on the JVM's {@code PATH}, whatever the
 * child's environment says.
 */
public final class ChildProcess {

    private ChildProcess() {
    }

    /**
     * A builder for {@code argv} whose environment is {@code environment} and nothing else, its command resolved
     * with {@link #find}.
     *
     * @throws FileNotFoundException when the command has no folder and is not on the environment's {@code PATH}
     *                               (the message names the command only)
     */
    public static ProcessBuilder builder(List<String> argv, Map<String, String> environment)
            throws FileNotFoundException {
        List<String> resolved = new ArrayList<>(argv);
        String command = argv.get(0);
        if (!hasFolder(command)) {
            resolved.set(0, find(command, environment.get("PATH")).orElseThrow(() ->
                    new FileNotFoundException(command + " is not on PATH")).toString());
        }
        ProcessBuilder builder = new ProcessBuilder(resolved);
        builder.environment().clear();
        builder.environment().putAll(environment);
        return builder;
    }

    /**
     * The file a shell runs for {@code command} given {@code path}: the first regular, executable file of that name
     * in its folders, an empty folder being the current one (POSIX). Empty when there is none or {@code path} is
     * unset.
     */
    public static Optional<Path> find(String command, String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String folder : path.split(File.pathSeparator, -1)) {
            Path file = Path.of(folder.isEmpty() ? "." : folder).resolve(command);
            if (Files.isRegularFile(file) && Files.isExecutable(file)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code command} names a file by its folder (then {@code PATH} is not searched). */
    public static boolean hasFolder(String command) {
        return command.contains("/") || command.contains(File.separator);
    }
}

package io.ascent.core.provision.command;

import java.io.FileNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How Ascent starts a child process: with exactly the run's environment (and what Ascent adds for the child), the
 * command looked up on the run's {@code PATH}. A Jenkins agent's JVM serves many builds, each with its own
 * environment ({@code withEnv}, {@code withKubeConfig}, {@code tool}); neither the JVM's variables nor its
 * {@code PATH} may leak into a build's kind, docker or exec plugin. {@link ProcessBuilder} alone would do both: its
 * environment starts as the JVM's, and on Unix it finds a bare command name on the JVM's {@code PATH}, whatever the
 * child's environment says. The lookup follows Go's rules ({@link CommandLookup}: {@code PATHEXT} and names without
 * case on Windows, a program found through a relative entry refused), and on Windows the environment is passed
 * without two spellings of one name ({@link ChildEnvironment}).
 */
public final class ChildProcess {

    /**
     * Not a variable: the entry of a run's environment that names the directory its children start in, for a run
     * whose directory is not the JVM's (a request of the resident engine: the client's directory, where the command
     * line would start them). No environment can hold it (a name never contains {@code =}), and no child is given
     * it. Without it children start in the JVM's working directory, as the command line's and a Jenkins agent's do.
     * It travels in the environment because the environment is what every caller already hands from the run to the
     * children (the drivers, preflight, the render tools, the kubeconfig's exec plugins).
     */
    public static final String WORKING_DIRECTORY = "=ascent.working-directory";

    private ChildProcess() {
    }

    /** {@link #builder(List, Map, OperatingSystem)} on the system this JVM runs on, the run's. */
    public static ProcessBuilder builder(List<String> argv, Map<String, String> environment)
            throws FileNotFoundException, RefusedCommandException {
        return builder(argv, environment, OperatingSystem.current());
    }

    /**
     * A builder for {@code argv} whose environment is {@code environment} and nothing else (on Windows, one value per
     * name whatever its case), its command resolved with {@link CommandLookup}, started in the directory
     * {@code environment}'s {@link #WORKING_DIRECTORY} names, else in the JVM's.
     *
     * @throws FileNotFoundException   when the command has no folder and is not on the environment's {@code PATH}
     *                                 (the message names the command only)
     * @throws RefusedCommandException when it is found only through a relative {@code PATH} entry
     */
    public static ProcessBuilder builder(List<String> argv, Map<String, String> environment, OperatingSystem system)
            throws FileNotFoundException, RefusedCommandException {
        Map<String, String> child = ChildEnvironment.of(environment, Map.of(), system);
        String directory = child.remove(WORKING_DIRECTORY);
        List<String> resolved = new ArrayList<>(argv);
        String command = argv.get(0);
        CommandLookup lookup = new CommandLookup(system);
        if (!lookup.hasFolder(command)) {
            CommandLookup.Resolution found = lookup.find(command, child);
            if (found instanceof CommandLookup.Relative relative) {
                throw new RefusedCommandException(relative);
            }
            resolved.set(0, found.program().orElseThrow(() ->
                    new FileNotFoundException(command + " is not on PATH")).toString());
        }
        ProcessBuilder builder = new ProcessBuilder(resolved);
        builder.environment().clear();
        builder.environment().putAll(child);
        if (directory != null) {
            builder.directory(new java.io.File(directory));
        }
        return builder;
    }
}

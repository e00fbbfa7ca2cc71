package io.ascent.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * One run of {@code ascent}: where it was started, with which environment, where its output goes and what stops it.
 * {@link Main} builds it from the process for the plain command line; the resident engine
 * ({@code io.ascent.cli.daemon}) builds one per request from what the client sent, so that several runs in one JVM
 * never read each other's directory, environment or streams. Every command reads these instead of the JVM's
 * ({@code System.getenv()}, relative paths, {@code System.out}).
 *
 * @param directory   what relative paths on the command line are relative to: the empty path for the process
 *                    itself (paths stay exactly as given, resolved by the JVM against its own working directory),
 *                    an absolute directory for a request of the resident engine
 * @param environment the run's environment variables
 * @param out         standard output
 * @param err         standard error
 * @param console     whether the run has a console as Java means one (standard input and output both terminals), as
 *                    the resident engine's client saw its own (false, unknown, for the process's own run, where
 *                    picocli asks the JVM itself); colours usage help ({@link HelpColors}). Nothing else depends on a
 *                    terminal: what the command line prints on standard error does not.
 * @param stop        what stops the run: the JVM's shutdown on a signal, or the client's stop request
 */
public record Invocation(Path directory, Map<String, String> environment, PrintWriter out, PrintWriter err,
        boolean console, StopSource stop) {

    private static final Path AS_GIVEN = Path.of("");

    public Invocation {
        Objects.requireNonNull(directory, "directory");
        if (!directory.equals(AS_GIVEN) && !directory.isAbsolute()) {
            throw new IllegalArgumentException("the working directory must be absolute, not " + directory);
        }
        environment = Map.copyOf(environment);
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(stop, "stop");
    }

    /**
     * This process's run: its environment, its stop signals, paths as given. Deliberately the JVM's environment and
     * working directory: for the plain command line the process is the run.
     */
    public static Invocation ofProcess(PrintWriter out, PrintWriter err) {
        // Terminal or not is left unknown (false): picocli asks the JVM itself for usage help's colours (standard
        // input and output both terminals), and asking here (System.console()) would cost every start.
        return new Invocation(AS_GIVEN, System.getenv(), out, err, false, ProcessStop.INSTANCE);
    }

    /** Whether this is the process's own run, whose relative paths the JVM resolves itself. */
    public boolean isProcess() {
        return directory.equals(AS_GIVEN);
    }

    /**
     * {@code path} as the run means it: unchanged for the process's own run (so its reports name it exactly as the
     * user wrote it), resolved against the request's directory for a request of the resident engine.
     */
    public Path path(Path path) {
        return path == null ? null : directory.resolve(path);
    }

    /** As {@link #path(Path)} for a path given as text. */
    public Path path(String path) {
        return directory.resolve(path);
    }

    /** The value of an environment variable of the run, or {@code null}. */
    public String variable(String name) {
        return environment.get(name);
    }
}

package io.ascent.core.provision.command;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * What one external command did.
 *
 * @param argv     the command line as run
 * @param exitCode its exit status; -1 when it could not start or was killed
 * @param stdout   what it printed on standard output (bounded; see {@link ProcessCommandRunner})
 * @param stderr   what it printed on standard error (bounded)
 * @param notFound whether the program is not installed (not on {@code PATH})
 * @param timedOut whether it was killed for outliving its timeout
 */
public record CommandResult(List<String> argv, int exitCode, String stdout, String stderr, boolean notFound,
        boolean timedOut) implements Serializable {

    public CommandResult {
        argv = List.copyOf(argv);
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
    }

    /** A command that ran and exited with {@code exitCode}. */
    public static CommandResult exited(List<String> argv, int exitCode, String stdout, String stderr) {
        return new CommandResult(argv, exitCode, stdout, stderr, false, false);
    }

    /** A program that is not installed. */
    public static CommandResult notInstalled(List<String> argv) {
        return new CommandResult(argv, -1, "", "", true, false);
    }

    public boolean succeeded() {
        return exitCode == 0 && !notFound && !timedOut;
    }

    /** The command line as a person would type it (arguments with spaces quoted). */
    public String commandLine() {
        return CommandFailedException.quote(argv);
    }

    /** Throws {@link CommandFailedException} unless the command succeeded; returns this otherwise. */
    public CommandResult orThrow() throws CommandFailedException {
        if (!succeeded()) {
            throw new CommandFailedException(this);
        }
        return this;
    }
}

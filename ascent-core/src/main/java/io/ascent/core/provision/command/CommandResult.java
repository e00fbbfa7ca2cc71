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
 * @param notFound whether the program is not installed (not on {@code PATH}) or refused
 * @param timedOut whether it was killed for outliving its timeout
 * @param refusal  empty, or why the program was not started though it was found, and the fix (a program found only
 *                 through a relative {@code PATH} entry: {@link CommandLookup}); {@code notFound} is then true
 */
public record CommandResult(List<String> argv, int exitCode, String stdout, String stderr, boolean notFound,
        boolean timedOut, String refusal) implements Serializable {

    public CommandResult {
        argv = List.copyOf(argv);
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        Objects.requireNonNull(refusal, "refusal");
    }

    /** A result without a refusal. */
    public CommandResult(List<String> argv, int exitCode, String stdout, String stderr, boolean notFound,
            boolean timedOut) {
        this(argv, exitCode, stdout, stderr, notFound, timedOut, "");
    }

    /** A command that ran and exited with {@code exitCode}. */
    public static CommandResult exited(List<String> argv, int exitCode, String stdout, String stderr) {
        return new CommandResult(argv, exitCode, stdout, stderr, false, false);
    }

    /** A program that is not installed. */
    public static CommandResult notInstalled(List<String> argv) {
        return new CommandResult(argv, -1, "", "", true, false);
    }

    /** A program found only through a relative {@code PATH} entry, so not started. */
    public static CommandResult refused(List<String> argv, RefusedCommandException refusal) {
        return new CommandResult(argv, -1, "", "", true, false, refusal.getMessage() + "; " + refusal.fix());
    }

    /**
     * Why the program did not start, for a message after its name: "is not installed (not found on PATH)", or the
     * refusal (which names the program itself).
     */
    public String whyNotStarted() {
        return refusal.isEmpty() ? "is not installed (not found on PATH)" : "was not run: " + refusal;
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

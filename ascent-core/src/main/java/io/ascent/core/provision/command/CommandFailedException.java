package io.ascent.core.provision.command;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An external command failed. Like kind's {@code RunError} it keeps the command line and everything the command
 * printed, so the top level can show them once; the message holds the command line, how it ended and the last
 * lines of its output.
 */
public final class CommandFailedException extends Exception {

    private static final long serialVersionUID = 1L;
    /** How many trailing output lines the message quotes; the full output stays in {@link #result()}. */
    private static final int QUOTED_LINES = 20;

    private final CommandResult result;

    public CommandFailedException(CommandResult result) {
        super(describe(result));
        this.result = result;
    }

    public CommandResult result() {
        return result;
    }

    /** The last lines the command printed, standard error first, for an item's message. */
    public String outputTail() {
        return tail(result.stderr().isBlank() ? result.stdout() : result.stderr());
    }

    private static String describe(CommandResult result) {
        String how = result.notFound() ? result.whyNotStarted()
                : result.timedOut() ? "did not finish in time and was stopped"
                : "exited with status " + result.exitCode();
        String output = tail(result.stderr().isBlank() ? result.stdout() : result.stderr());
        return "command failed: " + quote(result.argv()) + " " + how + (output.isBlank() ? "" : ":\n" + output);
    }

    static String tail(String output) {
        List<String> lines = output.strip().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - QUOTED_LINES), lines.size()));
    }

    static String quote(List<String> argv) {
        return argv.stream()
                .map(arg -> arg.isEmpty() || arg.chars().anyMatch(c -> " \t'\"$\\{}".indexOf(c) >= 0)
                        ? "'" + arg.replace("'", "'\\''") + "'" : arg)
                .collect(Collectors.joining(" "));
    }
}

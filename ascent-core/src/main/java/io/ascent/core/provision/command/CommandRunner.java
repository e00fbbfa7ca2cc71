package io.ascent.core.provision.command;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Runs an external command to completion. Tests substitute recorded results; production uses {@link ProcessCommandRunner}. */
public interface CommandRunner {

    /**
     * Runs {@code argv} (the first element is looked up on the run's {@code PATH}) and waits at most {@code timeout}.
     * A command that cannot be started (not installed) is a result with {@link CommandResult#notFound()}, not an
     * exception; a command that outlives the timeout is killed and returned with {@link CommandResult#timedOut()}.
     *
     * @param environment extra environment variables for the child, on top of the run's (never the JVM's, unless
     *                    that is the run's)
     * @throws InterruptedException when the calling thread is interrupted; the child is killed first
     */
    CommandResult run(List<String> argv, Map<String, String> environment, Duration timeout)
            throws InterruptedException;

    /**
     * Runs {@code argv} with its standard output written to {@code output}: at most {@code maxBytes} and one more
     * (which tells that it printed too much). The result's {@code stdout} is empty. This default keeps the output
     * with {@link #run} first; {@link ProcessCommandRunner} streams it to the file and stops the child once it
     * printed too much.
     *
     * @throws java.io.UncheckedIOException when the file cannot be written
     */
    default CommandResult runTo(List<String> argv, Map<String, String> environment, Duration timeout,
            java.nio.file.Path output, long maxBytes) throws InterruptedException {
        CommandResult result = run(argv, environment, timeout);
        byte[] bytes = result.stdout().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try {
            java.nio.file.Files.write(output, bytes.length > maxBytes
                    ? java.util.Arrays.copyOf(bytes, (int) maxBytes + 1) : bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new CommandResult(argv, result.exitCode(), "", result.stderr(), result.notFound(),
                result.timedOut(), result.refusal());
    }

    /** {@link #run(List, Map, Duration)} with no extra environment. */
    default CommandResult run(List<String> argv, Duration timeout) throws InterruptedException {
        return run(argv, Map.of(), timeout);
    }
}

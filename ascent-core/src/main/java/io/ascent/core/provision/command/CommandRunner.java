package io.ascent.core.provision.command;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Runs an external command to completion. Tests substitute recorded results; production uses {@link ProcessCommandRunner}. */
public interface CommandRunner {

    /**
     * Runs {@code argv} (the first element is looked up on {@code PATH}) and waits at most {@code timeout}.
     * A command that cannot be started (not installed) is a result with {@link CommandResult#notFound()}, not an
     * exception; a command that outlives the timeout is killed and returned with {@link CommandResult#timedOut()}.
     *
     * @param environment extra environment variables for the child, on top of this process's
     * @throws InterruptedException when the calling thread is interrupted; the child is killed first
     */
    CommandResult run(List<String> argv, Map<String, String> environment, Duration timeout)
            throws InterruptedException;

    /** {@link #run(List, Map, Duration)} with no extra environment. */
    default CommandResult run(List<String> argv, Duration timeout) throws InterruptedException {
        return run(argv, Map.of(), timeout);
    }
}

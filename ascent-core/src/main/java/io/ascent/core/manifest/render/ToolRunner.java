package io.ascent.core.manifest.render;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runs a rendering tool to completion. The engine's composition root gives one that starts processes
 * ({@code io.ascent.core.provision.command.RenderToolRunner}); tests give scripted ones. Kept here, not borrowed from
 * the provisioner, so that checking manifests does not depend on provisioning.
 */
@FunctionalInterface
public interface ToolRunner {

    /**
     * Runs {@code argv} (the first element looked up on {@code PATH}) with {@code environment} added to this
     * process's, for at most {@code timeout}; a program that is not installed is a result, not an exception.
     *
     * @throws InterruptedException when the caller is interrupted; the tool is killed first
     */
    ToolRun run(List<String> argv, Map<String, String> environment, Duration timeout) throws InterruptedException;

    /**
     * What a tool did.
     *
     * @param exitCode  its exit status, -1 when it could not start or was killed
     * @param stdout    what it printed (bounded by the runner)
     * @param stderr    what it printed on standard error (bounded)
     * @param notFound  whether the program is not installed
     * @param timedOut  whether it was killed for outliving the timeout
     */
    record ToolRun(int exitCode, String stdout, String stderr, boolean notFound, boolean timedOut) {

        /** A program that ran and exited with {@code exitCode}. */
        public static ToolRun exited(int exitCode, String stdout, String stderr) {
            return new ToolRun(exitCode, stdout, stderr, false, false);
        }

        /** A program that is not installed. */
        public static ToolRun notInstalled() {
            return new ToolRun(-1, "", "", true, false);
        }
    }
}

package io.ascent.core.manifest.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
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
     * Runs {@code argv} (the first element looked up on the run's {@code PATH}) with {@code environment} added to
     * the run's, for at most {@code timeout}; a program that is not installed (or is refused: found only through a
     * relative {@code PATH} entry) is a result, not an exception.
     *
     * @throws InterruptedException when the caller is interrupted; the tool is killed first
     */
    ToolRun run(List<String> argv, Map<String, String> environment, Duration timeout) throws InterruptedException;

    /**
     * Runs {@code argv} as {@link #run} does, its standard output written to {@code output} instead of kept: at most
     * {@code maxBytes} and one more (which tells that it printed too much), after which the tool may be stopped. The
     * result's {@code stdout} is empty. This default runs {@link #run} and writes what it kept (scripted tools); the
     * engine's runner streams the output to the file as it comes, so a render never sits in memory whole.
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    default ToolRun runTo(List<String> argv, Map<String, String> environment, Duration timeout, Path output,
            long maxBytes) throws InterruptedException {
        ToolRun run = run(argv, environment, timeout);
        byte[] bytes = run.stdout().getBytes(StandardCharsets.UTF_8);
        try {
            Files.write(output, bytes.length > maxBytes ? Arrays.copyOf(bytes, (int) maxBytes + 1) : bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ToolRun(run.exitCode(), "", run.stderr(), run.notFound(), run.timedOut());
    }

    /**
     * What a tool did.
     *
     * @param exitCode  its exit status, -1 when it could not start or was killed
     * @param stdout    what it printed (bounded by the runner)
     * @param stderr    what it printed on standard error (bounded); with {@code notFound}, why a program that was
     *                  found was not run (found only through a relative {@code PATH} entry), or empty
     * @param notFound  whether the program is not installed or was refused
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

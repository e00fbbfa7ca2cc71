package io.ascent.core.provision.command;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands as child processes. Output is captured up to {@link #MAX_CAPTURE} bytes per stream (the rest is
 * read and dropped, so a chatty child never blocks on a full pipe nor fills memory), standard input is closed, and a
 * child that outlives its timeout or whose caller is interrupted is killed with its descendants.
 */
public final class ProcessCommandRunner implements CommandRunner {

    /** Bytes kept per stream. {@code docker info} prints a few KiB, {@code kind create cluster} a few hundred lines. */
    static final int MAX_CAPTURE = 1 << 20;

    private final int maxCapture;
    private final Map<String, String> environment;
    private final OperatingSystem system;

    /**
     * Keeps {@link #MAX_CAPTURE} bytes per stream.
     *
     * @param environment the run's environment: every child gets exactly it (and the extra variables of a call), and
     *                    commands are looked up on its {@code PATH} ({@link ChildProcess})
     */
    public ProcessCommandRunner(Map<String, String> environment) {
        this(environment, MAX_CAPTURE);
    }

    /** Keeps {@code maxCapture} bytes per stream: more than that is read and dropped. */
    public ProcessCommandRunner(Map<String, String> environment, int maxCapture) {
        this(environment, maxCapture, OperatingSystem.current());
    }

    /**
     * Starts children by {@code system}'s rules ({@link ChildProcess}): the JVM's own in production, where the
     * children start; tests pass the other.
     */
    public ProcessCommandRunner(Map<String, String> environment, int maxCapture, OperatingSystem system) {
        this.environment = ChildEnvironment.of(environment, Map.of(), system);
        this.maxCapture = maxCapture;
        this.system = system;
    }

    @Override
    public CommandResult run(List<String> argv, Map<String, String> environment, Duration timeout)
            throws InterruptedException {
        return run(argv, environment, timeout, in -> drain(in));
    }

    /**
     * Streams standard output into {@code output} as the child prints it, {@code maxBytes} and one more at most: a
     * child that prints more is stopped then (its output is refused anyway), so neither memory nor the disk holds
     * more than the bound.
     */
    @Override
    public CommandResult runTo(List<String> argv, Map<String, String> environment, Duration timeout,
            java.nio.file.Path output, long maxBytes) throws InterruptedException {
        Process[] started = new Process[1];
        CommandResult result = run(argv, environment, timeout, in -> {
            try (in; OutputStream out = java.nio.file.Files.newOutputStream(output)) {
                byte[] buffer = new byte[65536];
                long written = 0;
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    int keep = (int) Math.min(n, maxBytes + 1 - written);
                    out.write(buffer, 0, keep);
                    written += keep;
                    if (written > maxBytes) {
                        started[0].descendants().forEach(ProcessHandle::destroyForcibly);
                        started[0].destroyForcibly();
                        break;
                    }
                }
                return "";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, started);
        return result;
    }

    private CommandResult run(List<String> argv, Map<String, String> environment, Duration timeout,
            java.util.function.Function<InputStream, String> stdoutReader) throws InterruptedException {
        return run(argv, environment, timeout, stdoutReader, new Process[1]);
    }

    private CommandResult run(List<String> argv, Map<String, String> environment, Duration timeout,
            java.util.function.Function<InputStream, String> stdoutReader, Process[] started)
            throws InterruptedException {
        // the call's variables replace the run's of the same name (on Windows whatever their case)
        Map<String, String> child = ChildEnvironment.of(this.environment, environment, system);
        Process process;
        try {
            process = ChildProcess.builder(argv, child, system)
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice())).start();
        } catch (RefusedCommandException e) {
            return CommandResult.refused(argv, e);
        } catch (IOException e) {
            return CommandResult.notInstalled(argv);
        }
        started[0] = process;
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> stdoutReader.apply(
                process.getInputStream()));
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            kill(process);
            throw e;
        }
        if (!finished) {
            kill(process);
        }
        try {
            String out = stdout.get(5, TimeUnit.SECONDS);
            String err = stderr.get(5, TimeUnit.SECONDS);
            return new CommandResult(argv, finished ? process.exitValue() : -1, out, err, false, !finished);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            // a grandchild kept the pipes open after the child ended; report what the child did without its output
            return new CommandResult(argv, finished ? process.exitValue() : -1, "", "", false, !finished);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static void kill(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
    }

    private String drain(InputStream in) {
        try (in) {
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                int room = maxCapture - kept.size();
                if (room > 0) {
                    kept.write(buffer, 0, Math.min(room, n));
                }
            }
            return kept.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

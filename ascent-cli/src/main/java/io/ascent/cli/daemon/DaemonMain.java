package io.ascent.cli.daemon;

import io.ascent.cli.ReportsOnShutdown;
import io.ascent.core.Ascent;
import io.ascent.core.validation.RunBudget;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Duration;
import java.util.Optional;

/**
 * Entry of the resident engine: {@code java -cp ascent.jar io.ascent.cli.daemon.DaemonMain --socket PATH
 * [--idle DURATION]}. Started by the {@code ascent} client (docs/daemon.md); its standard output and error are the
 * daemon's log, which holds start and stop lines and internal errors only, never a request's words or environment.
 *
 * <p>Exit status: 0 when done (idle, stopped, socket gone) or when a live server already answers on the socket; 2 for
 * a usage error; 3 when the socket's folder is not the user's alone or the socket cannot be bound.
 */
public final class DaemonMain {
    /** The idle timeout when none is given. */
    static final Duration DEFAULT_IDLE = Duration.ofMinutes(30);
    /** sun_path holds 108 bytes with its terminating NUL. */
    private static final int MAX_SOCKET_PATH = 107;

    private DaemonMain() {
    }

    public static void main(String[] args) {
        // JVM-wide on purpose, as Main.main does for the plain command line: the same for every run (verdicts from
        // the commit and checklist, never the host's git configuration), and the engine's classes loaded on a
        // second core before the first request.
        Ascent.ignoreHostGitConfiguration();
        Ascent.warmUp(true);
        int status = run(System.out, args);
        System.out.flush();
        System.exit(status);
    }

    /** Runs the server until it is done; the exit status. Never calls System.exit. */
    static int run(PrintStream log, String... args) {
        return run(log, OwnJar.ofThisEngine(), args);
    }

    /** As {@link #run(PrintStream, String...)}, ending once idle when {@code jar} changes (tests name a file). */
    static int run(PrintStream log, Optional<OwnJar> jar, String... args) {
        Path socket = null;
        Duration idle = DEFAULT_IDLE;
        for (int i = 0; i < args.length; i++) {
            String word = args[i];
            if (i + 1 >= args.length || !(word.equals("--socket") || word.equals("--idle"))) {
                log.println("ascent daemon: usage: DaemonMain --socket PATH [--idle DURATION]; '" + word
                        + "' is not understood");
                return 2;
            }
            String value = args[++i];
            if (word.equals("--socket")) {
                try {
                    socket = Path.of(value).toAbsolutePath();
                } catch (InvalidPathException e) {
                    log.println("ascent daemon: --socket: not a path");
                    return 2;
                }
            } else {
                try {
                    idle = RunBudget.parse(value);
                    if (idle.isNegative() || idle.isZero()) {
                        throw new IllegalArgumentException("must be longer than 0s, not " + value);
                    }
                } catch (IllegalArgumentException e) {
                    log.println("ascent daemon: --idle: " + e.getMessage());
                    return 2;
                }
            }
        }
        if (socket == null) {
            log.println("ascent daemon: usage: DaemonMain --socket PATH [--idle DURATION]; --socket is missing");
            return 2;
        }
        if (socket.toString().getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH) {
            log.println("ascent daemon: the socket path " + socket + " is longer than a Unix socket's "
                    + MAX_SOCKET_PATH + " bytes; use a shorter XDG_RUNTIME_DIR");
            return 3;
        }
        try {
            SocketFolder.ensureTrusted(socket.getParent(), SocketFolder.currentUid());
        } catch (SocketFolder.UntrustedException e) {
            log.println("ascent daemon: " + e.getMessage());
            return 3;
        } catch (IOException e) {
            log.println("ascent daemon: cannot prepare the socket folder " + socket.getParent() + ": " + e);
            return 3;
        }
        DaemonServer server;
        try {
            if (answers(socket)) {
                log.println("ascent daemon: a resident engine already answers on " + socket + "; leaving it be");
                return 0;
            }
            server = DaemonServer.bind(socket, idle, log, jar);
        } catch (IOException e) {
            if (answersQuietly(socket)) {
                return 0; // another one bound it first
            }
            log.println("ascent daemon: cannot listen on " + socket + ": " + e.getMessage());
            return 3;
        }
        Thread hook = new Thread(() -> {
            if (server.stopAllForShutdown()) {
                server.awaitRunning(Duration.ofMinutes(4).toNanos());
            }
        }, "ascent-daemon-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        ReportsOnShutdown.expect(server::stopAllForShutdown);
        log.println("ascent daemon: pid " + ProcessHandle.current().pid() + " listening on " + socket
                + ", idle timeout " + format(idle));
        server.serve();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is doing its work
        }
        return 0;
    }

    /**
     * Whether a server answers on {@code socket}. A socket file nobody listens on is stale (a daemon that was
     * killed) and is removed, so that binding can succeed.
     *
     * @throws IOException when something other than a socket is in the way
     */
    private static boolean answers(Path socket) throws IOException {
        if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        PosixFileAttributes attributes = Files.readAttributes(socket, PosixFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isOther()) {
            throw new IOException(socket + " exists and is not a socket; remove it");
        }
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(socket));
            return true;
        } catch (IOException e) {
            Files.deleteIfExists(socket); // connection refused: stale
            return false;
        }
    }

    private static boolean answersQuietly(Path socket) {
        try {
            return answers(socket);
        } catch (IOException e) {
            return false;
        }
    }

    /** A duration as the options spell it: {@code 30m}, {@code 1h30m}, {@code 90s} reads {@code 1m30s}. */
    static String format(Duration duration) {
        long seconds = duration.toSeconds();
        StringBuilder text = new StringBuilder();
        if (seconds >= 3600) {
            text.append(seconds / 3600).append('h');
        }
        if (seconds % 3600 >= 60) {
            text.append(seconds % 3600 / 60).append('m');
        }
        if (seconds % 60 != 0 || text.length() == 0) {
            text.append(seconds % 60).append('s');
        }
        return text.toString();
    }
}

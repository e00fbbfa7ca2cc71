package io.ascent.cli.daemon;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** {@link DaemonMain#run} on a thread of the test's JVM, its log kept; stopped with {@code daemon stop}. */
final class InProcessDaemon implements AutoCloseable {
    final Path socket;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final CompletableFuture<Integer> status = new CompletableFuture<>();

    private InProcessDaemon(Path socket) {
        this.socket = socket;
    }

    /** Starts it and waits until it accepts, or until it has ended (a refusal). */
    static InProcessDaemon start(Path socket, String idle) throws Exception {
        return start(socket, idle, java.util.Optional.empty());
    }

    /** As {@link #start(Path, String)}, ending once idle when {@code jar}, its stand-in for its jar, changes. */
    static InProcessDaemon start(Path socket, String idle, java.util.Optional<OwnJar> jar) throws Exception {
        InProcessDaemon daemon = new InProcessDaemon(socket);
        PrintStream printer = new PrintStream(daemon.log, true, StandardCharsets.UTF_8);
        Thread thread = new Thread(() -> daemon.status.complete(DaemonMain.run(printer, jar, "--socket",
                socket.toString(), "--idle", idle)), "test-daemon");
        thread.setDaemon(true);
        thread.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!daemon.status.isDone() && !accepts(socket)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the daemon did not start: " + daemon.log());
            }
            Thread.sleep(10);
        }
        return daemon;
    }

    static boolean accepts(Path socket) {
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(socket));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    String log() {
        return log.toString(StandardCharsets.UTF_8);
    }

    /** Its exit status, waiting at most {@code seconds}; null when still running. */
    Integer awaitExit(int seconds) throws Exception {
        try {
            return status.get(seconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return null;
        }
    }

    @Override
    public void close() throws Exception {
        if (!status.isDone() && accepts(socket)) {
            DaemonClient.run(socket, Path.of("/"), java.util.Map.of(), "daemon", "stop");
        }
        awaitExit(30);
    }
}

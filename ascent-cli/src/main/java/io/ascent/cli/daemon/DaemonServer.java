package io.ascent.cli.daemon;

import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The resident engine's server: accepts connections on its socket and runs each on a thread of its own
 * ({@link Connection}). {@link #serve()} returns when the server is done: idle for its timeout with nothing running,
 * its socket file removed or replaced by another server's, or told to stop ({@code ascent daemon stop}).
 */
final class DaemonServer implements AutoCloseable {
    /** How often the idle time and the socket file are looked at. */
    private static final Duration WATCH = Duration.ofMillis(500);
    /** SIGTERM: what the daemon's own shutdown stops its requests with. */
    private static final int SIGTERM = 15;

    private final Path socket;
    private final Duration idle;
    private final PrintStream log;
    private final ServerSocketChannel server;
    private final Object fileKey;
    /** The jar this engine runs from, when it runs from one: a rebuild ends the engine once nothing runs. */
    private final Optional<OwnJar> jar;
    private final ScheduledExecutorService scheduler;
    private final Set<Connection.Running> running = ConcurrentHashMap.newKeySet();
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private int open; // guarded by running: connections not yet answered
    private final long startedAt = System.nanoTime();
    private volatile long lastActivity = System.nanoTime();
    private volatile boolean stopping;
    private volatile String reason = "stopped";

    private DaemonServer(Path socket, Duration idle, PrintStream log, ServerSocketChannel server, Object fileKey,
            Optional<OwnJar> jar) {
        this.socket = socket;
        this.jar = jar;
        this.idle = idle;
        this.log = log;
        this.server = server;
        this.fileKey = fileKey;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ascent-daemon-watch");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Binds {@code socket}; its folder must have been checked ({@link SocketFolder}) and no live server be on it.
     *
     * @throws IOException when the socket cannot be bound (another server bound it first, among others)
     */
    static DaemonServer bind(Path socket, Duration idle, PrintStream log, Optional<OwnJar> jar)
            throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(socket));
            Object key = Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
            return new DaemonServer(socket, idle, log, server, key, jar);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** Serves until done; then closes the socket and removes its file when it is still this server's. */
    void serve() {
        long period = WATCH.toMillis();
        scheduler.scheduleWithFixedDelay(this::watch, period, period, TimeUnit.MILLISECONDS);
        try {
            while (!stopping) {
                SocketChannel client = server.accept();
                long number = connections.incrementAndGet();
                lastActivity = System.nanoTime();
                synchronized (running) {
                    open++;
                }
                Thread thread = new Thread(new Connection(new FrameChannel(client), this, number),
                        "ascent-daemon-request-" + number);
                thread.start();
            }
        } catch (ClosedChannelException e) {
            // closed by watch() or stop: done
        } catch (IOException e) {
            log.println("ascent daemon: internal error: accepting failed: " + e.getMessage());
        } finally {
            close();
        }
        // Every connection accepted gets its answer before the JVM exits: the one that asked to stop, and the
        // requests still running when the socket file went away.
        synchronized (running) {
            while (open > 0) {
                try {
                    running.wait(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        log.println("ascent daemon: exiting (" + reason + ")");
    }

    /** The idle timeout, the socket file still being this server's, and its jar not rebuilt. */
    private void watch() {
        if (!ownsSocketFile()) {
            end("the socket file was removed or replaced");
        } else if (running.isEmpty() && jar.isPresent() && jar.get().changed()) {
            end("its jar " + jar.get().file() + " was rebuilt or removed; the next command starts a new engine");
        } else if (running.isEmpty() && System.nanoTime() - lastActivity >= idle.toNanos()) {
            end("idle for " + DaemonMain.format(idle));
        }
    }

    private boolean ownsSocketFile() {
        try {
            return Objects.equals(fileKey,
                    Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey());
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops accepting: {@link #serve()} returns. Requests running go on until they end. */
    private void end(String why) {
        if (stopping) {
            return;
        }
        reason = why;
        stopping = true;
        try {
            server.close();
        } catch (IOException e) {
            // accept() is released either way
        }
    }

    /** A connection has been answered (or dropped) and closed. */
    void closed() {
        synchronized (running) {
            open--;
            running.notifyAll();
        }
        lastActivity = System.nanoTime();
    }

    /** Registers a request about to run; false when the server is stopping and runs nothing new. */
    boolean started(Connection.Running run) {
        synchronized (running) {
            if (stopping) {
                return false;
            }
            running.add(run);
        }
        lastActivity = System.nanoTime();
        return true;
    }

    /** A request has answered. */
    void finished(Connection.Running run) {
        synchronized (running) {
            running.remove(run);
            running.notifyAll();
        }
        served.incrementAndGet();
        lastActivity = System.nanoTime();
    }

    /** {@code ascent daemon stop}: accepts nothing more, waits for the requests running, then {@link #serve()} ends. */
    void stopAndWait() {
        end("asked to stop");
        awaitRunning(Long.MAX_VALUE);
    }

    /**
     * The daemon's JVM is shutting down (SIGTERM): every request running is stopped as SIGTERM stops the plain
     * command line, and waited for (each within its report's grace).
     *
     * @return whether any request was running, whose interrupted report is still to be written
     */
    boolean stopAllForShutdown() {
        end("its JVM is shutting down");
        Set<Connection.Running> now = Set.copyOf(running);
        now.forEach(run -> run.stop().stop(SIGTERM));
        return !now.isEmpty();
    }

    /** Waits until no request runs, for at most {@code nanos}. */
    void awaitRunning(long nanos) {
        long deadline = System.nanoTime() + Math.min(nanos, Long.MAX_VALUE / 4);
        synchronized (running) {
            while (!running.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    running.wait(Math.max(1, Math.min(left / 1_000_000, 1000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** The line {@code ascent daemon status} prints. */
    String describe() {
        long up = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startedAt);
        return "ascent daemon: pid " + ProcessHandle.current().pid() + ", up " + up + "s, " + served.get()
                + " requests served, " + running.size() + " running, idle timeout " + DaemonMain.format(idle);
    }

    /** One line in the daemon's log: start, stop and internal errors, never a request's words or environment. */
    void log(String line) {
        log.println("ascent daemon: " + line);
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** Closes the socket and removes its file when it is still this server's. */
    @Override
    public void close() {
        stopping = true;
        try {
            server.close();
        } catch (IOException e) {
            // the file is removed below either way
        }
        if (ownsSocketFile()) {
            try {
                Files.deleteIfExists(socket);
            } catch (IOException e) {
                log.println("ascent daemon: cannot remove " + socket + ": " + e.getMessage());
            }
        }
    }
}

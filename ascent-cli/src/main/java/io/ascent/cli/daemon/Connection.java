package io.ascent.cli.daemon;

import io.ascent.cli.Invocation;
import io.ascent.cli.Main;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One client's connection: reads its request, runs the command on a thread of its own with the request's directory,
 * environment and streams, relays stops, and answers with the exit status. A protocol error gets one line on
 * standard error and status 4; a frame over the bound closes the connection. Never holds a thread beyond the run
 * and its grace: a client that connects and sends nothing is dropped after {@link #REQUEST_WAIT_SECONDS}.
 */
final class Connection implements Runnable {
    /** How long a client may take to send its request after connecting. */
    static final int REQUEST_WAIT_SECONDS = 10;
    /** The status of a protocol error, as of an internal one. */
    static final int PROTOCOL_ERROR = 4;
    /** SIGHUP: what a client's hang-up counts as. */
    static final int SIGHUP = 1;

    private final FrameChannel channel;
    private final DaemonServer server;
    private final long number;

    Connection(FrameChannel channel, DaemonServer server, long number) {
        this.channel = channel;
        this.server = server;
        this.number = number;
    }

    @Override
    public void run() {
        try (channel) {
            Optional<Request> request = readRequest();
            if (request.isPresent()) {
                answer(request.get());
            }
        } catch (IOException e) {
            // the client went away before its answer; nothing is running for it any more
        } finally {
            server.closed();
        }
    }

    /** The request, or empty when the client was answered (a protocol error) or dropped. */
    private Optional<Request> readRequest() throws IOException {
        var timeout = server.scheduler().schedule(channel::close, REQUEST_WAIT_SECONDS, TimeUnit.SECONDS);
        try {
            Optional<Frame> first = channel.read();
            timeout.cancel(false);
            if (first.isEmpty()) {
                return Optional.empty();
            }
            if (first.get().type() != Frame.REQUEST) {
                refuse("the first frame must be the request ('Q'), not " + describe(first.get().type()));
                return Optional.empty();
            }
            return Optional.of(Request.parse(first.get().payload()));
        } catch (ProtocolException e) {
            timeout.cancel(false);
            refuse(e.getMessage());
            return Optional.empty();
        } catch (IOException e) {
            if (timeout.isDone()) {
                return Optional.empty(); // the client sent nothing in time: dropped
            }
            throw e;
        }
    }

    private void refuse(String problem) {
        try {
            channel.write(Frame.ofText(Frame.STDERR, "ascent: the resident engine refused the request: " + problem
                    + "\n"));
            channel.write(Frame.ofNumber(Frame.EXIT, PROTOCOL_ERROR));
        } catch (IOException e) {
            // the client is gone or still sending what was refused; closing is all that is left
        }
    }

    private static String describe(byte type) {
        return type >= 0x21 && type <= 0x7e ? "'" + (char) type + "'" : String.format("0x%02x", type & 0xff);
    }

    private void answer(Request request) throws IOException {
        if (request.args().equals(List.of("daemon", "status"))) {
            channel.write(Frame.ofText(Frame.STDOUT, server.describe() + "\n"));
            channel.write(Frame.ofNumber(Frame.EXIT, 0));
            return;
        }
        if (request.args().equals(List.of("daemon", "stop"))) {
            server.stopAndWait();
            channel.write(Frame.ofText(Frame.STDOUT, "ascent daemon: stopping\n"));
            channel.write(Frame.ofNumber(Frame.EXIT, 0));
            return;
        }
        if (!Files.isDirectory(request.cwd())) {
            refuse("its working directory is not a directory");
            return;
        }
        execute(request);
    }

    private void execute(Request request) throws IOException {
        OutputRelay relay = new OutputRelay(channel);
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FrameOutputStream(relay, Frame.STDOUT),
                StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FrameOutputStream(relay, Frame.STDERR),
                StandardCharsets.UTF_8), true);
        int[] status = {PROTOCOL_ERROR};
        RequestStop[] stop = new RequestStop[1];
        Thread run = new Thread(() -> {
            Invocation invocation = new Invocation(request.cwd(), RequestEnvironment.of(request.env(), request.cwd()),
                    out, err, request.console(), stop[0]);
            try {
                status[0] = Main.run(invocation, request.args().toArray(String[]::new));
            } catch (RuntimeException | Error e) {
                // Main.run answers every failure of a command itself; this is a bug of the server's (logged by
                // its class only: a message may hold the request's data).
                err.println("ascent: internal error in the resident engine; please report it");
                server.log("internal error running a request: " + e.getClass().getName());
                status[0] = PROTOCOL_ERROR;
            }
        }, "ascent-daemon-run-" + number);
        stop[0] = new RequestStop(run);
        Running running = new Running(stop[0], run);
        if (!server.started(running)) {
            refuse("the resident engine is stopping; run the command again");
            return;
        }
        try {
            run.start();
            watchForStops(stop[0], run);
            // This thread relays the output; another waits for the run (for its grace once stopped) and ends it.
            Thread waiter = new Thread(() -> {
                awaitRun(stop[0], run, err);
                out.flush();
                err.flush();
                relay.finish();
            }, "ascent-daemon-wait-" + number);
            waiter.setDaemon(true);
            waiter.start();
            relay.relay();
            int exit;
            synchronized (stop[0]) {
                exit = stop[0].status().orElse(status[0]);
            }
            channel.write(Frame.ofNumber(Frame.EXIT, exit));
        } finally {
            server.finished(running);
        }
    }

    /**
     * Reads what the client sends during the run on a thread of its own: each {@code S} frame stops the run with its
     * signal; the connection ending, or anything else, stops it as a hang-up would.
     */
    private void watchForStops(RequestStop stop, Thread run) {
        Thread watcher = new Thread(() -> {
            try {
                while (run.isAlive()) {
                    Optional<Frame> frame = channel.read();
                    if (frame.isEmpty() || frame.get().type() != Frame.SIGNAL) {
                        stop.stop(SIGHUP);
                        return;
                    }
                    int signal = frame.get().number();
                    stop.stop(signal > 0 && signal < 64 ? signal : SIGHUP);
                }
            } catch (IOException | ProtocolException e) {
                if (run.isAlive()) {
                    stop.stop(SIGHUP);
                }
            }
        }, "ascent-daemon-stops-" + number);
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Waits for the run; once stopped, for at most its grace, as the JVM's shutdown waits for the plain CLI's. */
    static void awaitRun(RequestStop stop, Thread run, PrintWriter err) {
        boolean interrupted = false;
        try {
            while (run.isAlive()) {
                if (!stop.stopped()) {
                    try {
                        run.join(200);
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                    continue;
                }
                long deadline = System.nanoTime() + stop.grace().toNanos();
                while (run.isAlive() && System.nanoTime() < deadline) {
                    try {
                        run.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                if (run.isAlive()) {
                    // A read the interrupt cannot reach (a clone from a server that never answers) holds the run up.
                    stop.abandon();
                    err.println("ascent: the run did not stop within " + stop.grace().toSeconds() + " s of the stop "
                            + "signal; no report is written");
                }
                return;
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A request being run, for the server's count and its shutdown. */
    record Running(RequestStop stop, Thread thread) {
    }
}

package io.ascent.core.repo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.transport.URIish;

/**
 * A relay on 127.0.0.1 between JGit and a {@code git://} remote, so that a clone of such a remote is bounded. JGit's
 * own timeout on {@code git://} interrupts the thread reading the socket, and sockets ignore interrupts since JDK 13:
 * a remote that accepts and then says nothing held the clone forever. Here the remote's socket has a read timeout
 * and can be closed from outside ({@link #close()}), which ends JGit's read at once.
 *
 * <p>The git protocol's first request names the host it was sent to ({@code host=example.org}); the relay writes
 * the remote's name back into it, so a daemon that serves several hosts answers as it would without the relay.
 */
final class GitProtocolRelay implements AutoCloseable {

    private static final int DEFAULT_PORT = 9418;
    /** The first pkt-line is a command, a path and a host: a few hundred bytes. */
    private static final int MAX_FIRST_LINE = 65_520;

    private final String host;
    private final int port;
    private final Duration timeout;
    private final ServerSocket listener;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean timedOut;
    private volatile boolean closed;

    private GitProtocolRelay(String host, int port, Duration timeout) throws IOException {
        this.host = host;
        this.port = port;
        this.timeout = timeout;
        this.listener = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "ascent-git-relay");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A relay to the remote of {@code remote} (a {@code git://} URL), every read from it bounded by {@code timeout}. */
    static GitProtocolRelay open(URIish remote, Duration timeout) throws IOException {
        return new GitProtocolRelay(remote.getHost(), remote.getPort() > 0 ? remote.getPort() : DEFAULT_PORT, timeout);
    }

    /** {@code remote} pointed at the relay. */
    URIish local(URIish remote) {
        return remote.setHost(InetAddress.getLoopbackAddress().getHostAddress()).setPort(listener.getLocalPort());
    }

    /** Whether the remote stopped answering for longer than the timeout (the relay then closed the connection). */
    boolean timedOut() {
        return timedOut;
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                sockets.add(client);
                Thread connection = new Thread(() -> relay(client), "ascent-git-relay-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void relay(Socket client) {
        try (Socket remote = new Socket()) {
            sockets.add(remote);
            remote.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            // Only the remote's reads are bounded: JGit itself is silent while the pack streams in.
            remote.setSoTimeout((int) timeout.toMillis());
            copyFirstRequest(client.getInputStream(), remote.getOutputStream());
            Thread back = new Thread(() -> pump(remote, client), "ascent-git-relay-back");
            back.setDaemon(true);
            back.start();
            pump(client, remote);
            back.join();
        } catch (IOException e) {
            if (e instanceof SocketTimeoutException) {
                timedOut = true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close();
        }
    }

    /** Copies the first pkt-line with the remote's name in its {@code host=} field. */
    private void copyFirstRequest(InputStream in, OutputStream out) throws IOException {
        byte[] size = in.readNBytes(4);
        int length = size.length == 4 ? Integer.parseInt(new String(size, StandardCharsets.US_ASCII), 16) : -1;
        if (length < 4 || length > MAX_FIRST_LINE) {
            throw new IOException("not a git protocol request");
        }
        String line = new String(in.readNBytes(length - 4), StandardCharsets.ISO_8859_1);
        String rewritten = line.replaceFirst("\0host=[^\0]*\0", "\0host=" + host
                + (port == DEFAULT_PORT ? "" : ":" + port) + "\0");
        byte[] payload = rewritten.getBytes(StandardCharsets.ISO_8859_1);
        out.write(String.format("%04x", payload.length + 4).getBytes(StandardCharsets.US_ASCII));
        out.write(payload);
        out.flush();
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
        } catch (SocketTimeoutException e) {
            timedOut = true;
            close();
        } catch (IOException e) {
            close();
        }
    }

    /** Closes every socket: a clone reading through the relay fails at once. */
    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing
        }
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }
}

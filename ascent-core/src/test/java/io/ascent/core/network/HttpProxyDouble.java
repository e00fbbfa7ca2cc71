package io.ascent.core.network;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An HTTP proxy on 127.0.0.1 for tests: {@code CONNECT host:port} tunnels and absolute-form requests
 * ({@code GET http://host:port/path}), every target host sent to 127.0.0.1 at the port asked for, so that a test
 * can name its server by a host name that resolves nowhere (a name the client must not look up itself). Records each
 * request line and its {@code Proxy-Authorization}; when {@code credentials} are required, answers 407 without them.
 */
public final class HttpProxyDouble implements AutoCloseable {

    public final List<String> requestLines = Collections.synchronizedList(new ArrayList<>());
    public final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    private final ServerSocket server;
    private final Optional<String> required;
    private final boolean http10Refusal;

    public HttpProxyDouble(Optional<String> requiredAuthorization) throws IOException {
        this(requiredAuthorization, false);
    }

    /**
     * @param http10Refusal answer 407 as an HTTP/1.0 proxy does (Python's {@code http.server}, old appliances): no
     *                      {@code Connection: close}, the connection closed all the same, so a client that reuses it
     *                      for the answer with credentials finds it dead
     */
    public HttpProxyDouble(Optional<String> requiredAuthorization, boolean http10Refusal) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.required = requiredAuthorization;
        this.http10Refusal = http10Refusal;
        Thread acceptor = new Thread(this::accept, "proxy-double");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread worker = new Thread(() -> serve(client), "proxy-double-connection");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            List<String> head = head(in);
            if (head.isEmpty()) {
                return;
            }
            String line = head.get(0);
            String authorization = head.stream().filter(h -> h.toLowerCase(Locale.ROOT)
                    .startsWith("proxy-authorization:")).map(h -> h.substring(h.indexOf(':') + 1).strip())
                    .findFirst().orElse("none");
            requestLines.add(line);
            authorizations.add(authorization);
            OutputStream out = client.getOutputStream();
            if (required.isPresent() && !required.get().equals(authorization)) {
                out.write((http10Refusal
                        ? "HTTP/1.0 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"t\"\r\n"
                                + "Content-Length: 0\r\n\r\n"
                        : "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"t\"\r\n"
                                + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                return;
            }
            String[] parts = line.split(" ");
            if (parts[0].equals("CONNECT")) {
                try (Socket target = new Socket(InetAddress.getLoopbackAddress(), port(parts[1]))) {
                    out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    pipe(in, out, target);
                }
                return;
            }
            java.net.URI uri = java.net.URI.create(parts[1]);
            try (Socket target = new Socket(InetAddress.getLoopbackAddress(), uri.getPort())) {
                StringBuilder request = new StringBuilder(parts[0] + " " + uri.getRawPath()
                        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()) + " " + parts[2] + "\r\n");
                for (String header : head.subList(1, head.size())) {
                    if (!header.toLowerCase(Locale.ROOT).startsWith("proxy-")) {
                        request.append(header).append("\r\n");
                    }
                }
                request.append("\r\n");
                target.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
                pipe(in, out, target);
            }
        } catch (IOException e) {
            // the client or the target went away: the test's assertions say what mattered
        }
    }

    private static int port(String authority) {
        return Integer.parseInt(authority.substring(authority.lastIndexOf(':') + 1));
    }

    /** Copies both ways until either side closes. */
    private static void pipe(InputStream fromClient, OutputStream toClient, Socket target) throws IOException {
        Thread upstream = new Thread(() -> {
            try {
                fromClient.transferTo(target.getOutputStream());
                target.shutdownOutput();
            } catch (IOException e) {
                // closed
            }
        }, "proxy-double-upstream");
        upstream.setDaemon(true);
        upstream.start();
        target.getInputStream().transferTo(toClient);
    }

    /** The request line and headers, up to the empty line. */
    private static List<String> head(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
                if (text.isEmpty()) {
                    return lines;
                }
                lines.add(text);
                line.reset();
            } else {
                line.write(b);
            }
        }
        return lines;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}

package io.ascent.cli.daemon;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.json.JSONObject;

/**
 * A client of the resident engine for the tests, written from the protocol alone (docs/daemon.md): it sends raw
 * frames and reads the answer, so it does not share the server's codec and its mistakes.
 */
final class DaemonClient implements AutoCloseable {
    private final SocketChannel channel;

    private DaemonClient(SocketChannel channel) {
        this.channel = channel;
    }

    static DaemonClient connect(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
        return new DaemonClient(channel);
    }

    /** Runs one request and reads its whole answer. */
    static Answer run(Path socket, Path cwd, Map<String, String> env, String... args) throws IOException {
        try (DaemonClient client = connect(socket)) {
            client.send(cwd, env, args);
            return client.answer();
        }
    }

    /** The request frame's JSON, as the protocol's version 1 spells it. */
    static String request(Path cwd, Map<String, String> env, String... args) {
        return new JSONObject().put("version", 1).put("cwd", cwd.toString()).put("args", List.of(args))
                .put("env", env).put("stdoutTty", false).put("stderrTty", false).toString();
    }

    void send(Path cwd, Map<String, String> env, String... args) throws IOException {
        sendFrame('Q', request(cwd, env, args).getBytes(StandardCharsets.UTF_8));
    }

    void signal(int number) throws IOException {
        sendFrame('S', ByteBuffer.allocate(4).putInt(number).array());
    }

    void sendFrame(char type, byte[] payload) throws IOException {
        ByteBuffer frame = ByteBuffer.allocate(5 + payload.length).put((byte) type).putInt(payload.length)
                .put(payload).flip();
        sendRaw(frame);
    }

    void sendRaw(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    /** Standard output as far as it has come, read frame by frame until {@code text} is in it. */
    String readOutputUntil(String text, StringBuilder out) throws IOException {
        while (!out.toString().contains(text)) {
            Frame frame = readFrame();
            if (frame == null) {
                throw new IOException("the connection ended before '" + text + "' came; got: " + out);
            }
            if (frame.type == 'O' || frame.type == 'E') {
                out.append(new String(frame.payload, StandardCharsets.UTF_8));
            }
        }
        return out.toString();
    }

    /** Reads frames until the connection ends. */
    Answer answer() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Integer status = null;
        boolean afterExit = false;
        for (Frame frame = readFrame(); frame != null; frame = readFrame()) {
            if (status != null) {
                afterExit = true;
            }
            switch (frame.type) {
                case 'O' -> out.writeBytes(frame.payload);
                case 'E' -> err.writeBytes(frame.payload);
                case 'X' -> status = ByteBuffer.wrap(frame.payload).getInt();
                default -> throw new IOException("unexpected frame type " + frame.type);
            }
        }
        return new Answer(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), status,
                afterExit);
    }

    private Frame readFrame() throws IOException {
        ByteBuffer header = ByteBuffer.allocate(5);
        if (!fill(header)) {
            return null;
        }
        header.flip();
        char type = (char) header.get();
        ByteBuffer payload = ByteBuffer.allocate(header.getInt());
        if (!fill(payload) && payload.capacity() > 0) {
            throw new IOException("the connection ended inside a frame");
        }
        return new Frame(type, payload.array());
    }

    private boolean fill(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            int read;
            try {
                read = channel.read(buffer);
            } catch (IOException e) {
                if (buffer.position() == 0) {
                    return false; // reset by the server: as good as closed here
                }
                throw e;
            }
            if (read < 0) {
                if (buffer.position() == 0) {
                    return false;
                }
                throw new IOException("the connection ended inside a frame");
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private record Frame(char type, byte[] payload) {
    }

    /**
     * What the server answered.
     *
     * @param status    the {@code X} frame's status, or null when the connection ended without one
     * @param afterExit whether any frame came after {@code X}
     */
    record Answer(String out, String err, Integer status, boolean afterExit) {
    }
}

package io.ascent.cli.daemon;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Optional;

/**
 * Frames over one connection. Reading and writing may happen on two threads at once (the run writes output while
 * the connection's thread waits for a stop); writes are serialised so that frames never interleave. The channel
 * is used directly rather than through {@code Channels.newInputStream}, whose blocking read holds the lock its
 * output stream's write needs.
 */
final class FrameChannel implements AutoCloseable {
    private final SocketChannel channel;
    private final Object writing = new Object();

    FrameChannel(SocketChannel channel) {
        this.channel = channel;
    }

    /**
     * The next frame, or empty when the peer closed the connection between frames.
     *
     * @throws ProtocolException when the length is over {@link Frame#MAX_PAYLOAD} (nothing more is read: the caller
     *                           closes the connection) or the connection ends inside a frame
     */
    Optional<Frame> read() throws IOException, ProtocolException {
        ByteBuffer header = ByteBuffer.allocate(Frame.HEADER);
        if (!fill(header, true)) {
            return Optional.empty();
        }
        header.flip();
        byte type = header.get();
        long length = Integer.toUnsignedLong(header.getInt());
        if (length > Frame.MAX_PAYLOAD) {
            throw new ProtocolException("a frame of " + length + " bytes is over the limit of " + Frame.MAX_PAYLOAD
                    + " bytes (16 MiB)");
        }
        // Allocated only once the length is known to be within the bound: a hostile length costs nothing.
        ByteBuffer payload = ByteBuffer.allocate((int) length);
        if (!fill(payload, false)) {
            throw new ProtocolException("the connection ended inside a frame");
        }
        return Optional.of(new Frame(type, payload.array()));
    }

    /** Reads until {@code buffer} is full; false when the connection ended before its first byte and may. */
    private boolean fill(ByteBuffer buffer, boolean mayEnd) throws IOException, ProtocolException {
        boolean first = true;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer);
            if (read < 0) {
                if (first && mayEnd) {
                    return false;
                }
                throw new ProtocolException("the connection ended inside a frame");
            }
            first = false;
        }
        return true;
    }

    /** Writes one frame whole. */
    void write(Frame frame) throws IOException {
        ByteBuffer bytes = frame.encode();
        synchronized (writing) {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }
    }

    /** Writes {@code length} bytes of {@code data} as frames of {@code type}, each within the bound. */
    void write(byte type, byte[] data, int offset, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int size = Math.min(Frame.MAX_PAYLOAD, length - done);
            byte[] chunk = new byte[size];
            System.arraycopy(data, offset + done, chunk, 0, size);
            write(new Frame(type, chunk));
            done += size;
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to tell the peer
        }
    }
}

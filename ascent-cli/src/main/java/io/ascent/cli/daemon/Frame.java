package io.ascent.cli.daemon;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One frame of the resident engine's protocol (version 1): a type byte, a 4-byte big-endian payload length, the
 * payload. The client sends one {@link #REQUEST} first and then any number of {@link #SIGNAL}s; the server answers
 * with {@link #STDOUT} and {@link #STDERR} frames and ends with one {@link #EXIT}.
 *
 * @param type    the type byte
 * @param payload the payload, at most {@link #MAX_PAYLOAD} bytes
 */
record Frame(byte type, byte[] payload) {
    /** {@code Q}: the request, a UTF-8 JSON object ({@link Request}). */
    static final byte REQUEST = 'Q';
    /** {@code S}: a signal the client received, a 4-byte big-endian number. */
    static final byte SIGNAL = 'S';
    /** {@code O}: bytes for standard output. */
    static final byte STDOUT = 'O';
    /** {@code E}: bytes for standard error. */
    static final byte STDERR = 'E';
    /** {@code X}: the exit status, a 4-byte big-endian number; the last frame. */
    static final byte EXIT = 'X';
    /** The largest payload either side accepts: 16 MiB. A bigger length is a protocol error. */
    static final int MAX_PAYLOAD = 16 * 1024 * 1024;
    /** Type and length. */
    static final int HEADER = 5;

    Frame {
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("a frame's payload is at most " + MAX_PAYLOAD + " bytes, not "
                    + payload.length);
        }
    }

    /** A frame whose payload is one 4-byte big-endian number ({@link #SIGNAL}, {@link #EXIT}). */
    static Frame ofNumber(byte type, int number) {
        return new Frame(type, ByteBuffer.allocate(4).putInt(number).array());
    }

    /** A frame whose payload is {@code text} in UTF-8. */
    static Frame ofText(byte type, String text) {
        return new Frame(type, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The payload as one 4-byte big-endian number. */
    int number() throws ProtocolException {
        if (payload.length != 4) {
            throw new ProtocolException("a '" + (char) type + "' frame holds 4 bytes, not " + payload.length);
        }
        return ByteBuffer.wrap(payload).getInt();
    }

    /** The frame's bytes on the wire. */
    ByteBuffer encode() {
        ByteBuffer buffer = ByteBuffer.allocate(HEADER + payload.length);
        buffer.put(type).putInt(payload.length).put(payload);
        return buffer.flip();
    }
}

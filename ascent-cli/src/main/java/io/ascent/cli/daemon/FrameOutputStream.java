package io.ascent.cli.daemon;

import java.io.OutputStream;

/** A run's standard output or error: its bytes go to the client as {@code O} or {@code E} frames. */
final class FrameOutputStream extends OutputStream {
    private final OutputRelay relay;
    private final byte type;

    FrameOutputStream(OutputRelay relay, byte type) {
        this.relay = relay;
        this.type = type;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] data, int offset, int length) {
        relay.send(type, data, offset, length);
    }
}

package io.ascent.core.manifest.schema;

import java.io.IOException;
import java.io.InputStream;

/**
 * A response body read into memory up to a size limit: a longer one (announced or sent) fails at the limit, so a
 * server cannot make Ascent hold more than it. The caller's deadline cuts a server that trickles bytes.
 */
final class LimitedBody {
    /** The body was longer than the limit. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long limit) {
            super("the body is larger than " + limit + " bytes");
        }
    }

    private LimitedBody() {
    }

    /**
     * @param announced the body's {@code Content-Length}, or -1 when not announced
     * @throws TooLarge when the body is announced or turns out to be longer than {@code limit}
     */
    static byte[] read(InputStream body, long announced, int limit) throws IOException {
        if (announced > limit) {
            throw new TooLarge(limit);
        }
        byte[] bytes = body.readNBytes(limit + 1);
        if (bytes.length > limit) {
            throw new TooLarge(limit);
        }
        return bytes;
    }
}

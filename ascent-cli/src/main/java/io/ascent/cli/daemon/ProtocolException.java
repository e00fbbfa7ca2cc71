package io.ascent.cli.daemon;

/** What a peer sent is not protocol version 1: the message says what, in words for the user. */
final class ProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    ProtocolException(String message) {
        super(message);
    }

    ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}

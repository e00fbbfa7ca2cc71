package io.ascent.core.workspace;

import java.io.IOException;

/**
 * {@link ConfinedFiles} would not read a file. The message completes a sentence that starts with the file's
 * name ("ascent.yaml is a symbolic link that leads out of …") and never names where a link leads.
 */
public final class RefusedFileException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Why a file was refused. */
    public enum Reason {
        /** Outside the root, as written or once links are followed. */
        OUTSIDE,
        /** A folder, named pipe, device or socket. */
        NOT_REGULAR,
        /** Over the size limit. */
        TOO_LARGE
    }

    private final Reason reason;

    public RefusedFileException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

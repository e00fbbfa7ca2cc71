package io.ascent.core.provision.command;

import java.io.IOException;

/**
 * A program Ascent will not start: {@link CommandLookup} found it only through a relative {@code PATH} entry. The
 * message names the command, the entry and the fix, never the environment's values.
 */
public final class RefusedCommandException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String fix;

    public RefusedCommandException(CommandLookup.Relative found) {
        super(found.message());
        this.fix = found.fix();
    }

    /** What to do so the program is found. */
    public String fix() {
        return fix;
    }
}

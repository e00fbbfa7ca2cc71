package io.ascent.cli;

import java.util.List;
import java.util.OptionalInt;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Which stop signal reached the process, so that the report of the run it interrupted names the status the process
 * ends with: 130 for SIGINT (Ctrl-C), 143 for SIGTERM (a Jenkins abort, a CI timeout, {@code kill}). The JVM gives
 * no other way to learn which signal began its shutdown.
 *
 * <p>Each handler notes its signal, puts the JVM's own handler back and raises the signal again, so the JVM shuts
 * down exactly as it would have (shutdown hooks, then exit 128 + the signal's number). A signal the process was
 * started ignoring stays ignored: the JVM installs no handler for it, and neither does this class.
 */
final class StopSignals {
    private static volatile int status;

    private StopSignals() {
    }

    /** Watches SIGINT and SIGTERM; only {@link Main#main} calls it, never a test's JVM. */
    static void install() {
        for (String name : List.of("INT", "TERM")) {
            try {
                Signal signal = new Signal(name);
                SignalHandler[] jvms = new SignalHandler[1];
                jvms[0] = Signal.handle(signal, received -> {
                    status = 128 + received.getNumber();
                    Signal.handle(received, jvms[0]);
                    Signal.raise(received);
                });
            } catch (IllegalArgumentException e) {
                // no such signal here, or the JVM keeps it (-Xrs): its shutdown then names no signal
            }
        }
    }

    /** 128 plus the number of the stop signal received, or empty when none was. */
    static OptionalInt status() {
        int received = status;
        return received == 0 ? OptionalInt.empty() : OptionalInt.of(received);
    }
}

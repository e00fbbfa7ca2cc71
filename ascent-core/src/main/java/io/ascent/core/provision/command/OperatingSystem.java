package io.ascent.core.provision.command;

import java.util.Locale;

/**
 * The rules of the operating system a child process is started on: how its environment names compare, how
 * {@code PATH} is split and which file names count as programs. Ascent starts children from the JVM that runs the
 * engine (on a Jenkins agent: the agent's JVM, where the callable runs), so {@link #current()} is the run's system;
 * tests pass the other one to check its rules on any machine.
 */
public enum OperatingSystem {
    /** Linux, macOS and the other Unixes: names compare exactly, {@code PATH} is split at {@code :}. */
    UNIX,
    /**
     * Windows: names compare ignoring case ({@code Path} is {@code PATH}), {@code PATH} is split at {@code ;}, and a
     * program is found by trying each {@code PATHEXT} extension.
     */
    WINDOWS;

    /** The system this JVM runs on. */
    public static OperatingSystem current() {
        return of(System.getProperty("os.name", ""));
    }

    /** The system an {@code os.name} value names. */
    public static OperatingSystem of(String osName) {
        return osName.toLowerCase(Locale.ROOT).startsWith("windows") ? WINDOWS : UNIX;
    }
}

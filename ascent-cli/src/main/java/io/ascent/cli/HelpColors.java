package io.ascent.cli;

import picocli.CommandLine.Help.Ansi;

/**
 * Whether usage help is printed with colours, decided for a request of the resident engine as picocli decides it for
 * the command line. picocli's own decision ({@link Ansi#AUTO}) asks the JVM: its console (the command line's
 * standard input and output both terminals) and its environment ({@code NO_COLOR}, {@code CLICOLOR_FORCE},
 * {@code CLICOLOR}). In the engine that would be the engine's, the same for every request and never a terminal; so
 * the request's terminal flag and environment stand in for them, by picocli's rules (4.7, on a system other than
 * Windows: no {@code picocli.ansi} property, no Jansi). The console is the client's: its standard input and output
 * both terminals, so help whose input is redirected ({@code ascent --help < /dev/null}) is plain from both.
 */
final class HelpColors {

    private HelpColors() {
    }

    /** Colours for {@code invocation}'s usage help: ON or OFF as its terminal and environment say. */
    static Ansi of(Invocation invocation) {
        if (invocation.variable("NO_COLOR") != null) {
            return Ansi.OFF; // https://no-color.org/
        }
        String force = invocation.variable("CLICOLOR_FORCE");
        if (force != null && !"0".equals(force)) {
            return Ansi.ON;
        }
        if ("0".equals(invocation.variable("CLICOLOR")) || "OFF".equals(invocation.variable("ConEmuANSI"))) {
            return Ansi.OFF;
        }
        return invocation.console() ? Ansi.ON : Ansi.OFF;
    }
}

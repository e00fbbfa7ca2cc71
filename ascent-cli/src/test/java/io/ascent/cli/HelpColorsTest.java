package io.ascent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Usage help from the resident engine is in colour exactly when the command line's would be: on the client's
 * terminal, unless its environment says otherwise; never by the engine JVM's own console or environment.
 */
class HelpColorsTest {
    private static final String BOLD = "\u001b[1m";

    @Test
    void shouldColourHelpOnTheClientsTerminalOnly() {
        assertThat(help(true, Map.of())).contains(BOLD + "ascent validate");
        assertThat(help(false, Map.of())).doesNotContain("\u001b[").startsWith("Usage: ascent validate");
    }

    @Test
    void shouldFollowTheClientsColourVariablesAsPicocliDoes() {
        assertThat(help(true, Map.of("NO_COLOR", ""))).doesNotContain("\u001b[");
        assertThat(help(true, Map.of("CLICOLOR", "0"))).doesNotContain("\u001b[");
        assertThat(help(false, Map.of("CLICOLOR_FORCE", "1"))).contains(BOLD);
        assertThat(help(false, Map.of("CLICOLOR_FORCE", "0"))).doesNotContain("\u001b[");
        assertThat(help(true, Map.of("CLICOLOR_FORCE", "1", "NO_COLOR", "1"))).doesNotContain("\u001b[");
    }

    /** {@code ascent validate --help} as a request from a client with a console (standard input and output terminals) or not. */
    private static String help(boolean console, Map<String, String> environment) {
        StringWriter out = new StringWriter();
        PrintWriter writer = new PrintWriter(out);
        Invocation request = new Invocation(Path.of("/"), environment, writer, writer, console,
                Invocation.ofProcess(writer, writer).stop());
        assertThat(Main.run(request, "validate", "--help")).isZero();
        return out.toString();
    }
}

package io.ascent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line registers only the subcommand a run names, and every one when it names none. */
class AscentCommandTest {

    private static final List<String> ALL = List.of("validate", "provision", "doctor", "gc", "init", "checks",
            "baseline", "schema", "help");

    @Test
    void shouldRegisterEverySubcommandInHelpOrderWhenNoneIsNamed() {
        assertThat(AscentCommand.commandLine().getSubcommands().keySet()).containsExactlyElementsOf(ALL);
        assertThat(AscentCommand.commandLine("--help").getSubcommands().keySet()).containsExactlyElementsOf(ALL);
        assertThat(AscentCommand.commandLine("valdate").getSubcommands().keySet()).containsExactlyElementsOf(ALL);
        assertThat(AscentCommand.commandLine("help", "validate").getSubcommands().keySet())
                .containsExactlyElementsOf(ALL);
    }

    @Test
    void shouldRegisterOnlyTheSubcommandARunNames() {
        for (String name : ALL.subList(0, ALL.size() - 1)) {
            assertThat(AscentCommand.commandLine(name, "--bogus").getSubcommands().keySet()).as(name)
                    .containsExactly(name);
        }
    }

    @Test
    void shouldRegisterNoSubcommandForTheVersionAloneButEveryOneBesideIt() {
        assertThat(AscentCommand.commandLine("--version").getSubcommands()).isEmpty();
        assertThat(AscentCommand.commandLine("-V").getSubcommands()).isEmpty();
        assertThat(AscentCommand.commandLine("--version", "valdate").getSubcommands().keySet())
                .containsExactlyElementsOf(ALL);
    }

    @Test
    void shouldRegisterEachSubcommandUnderTheNameItsAnnotationOrSpecGives() {
        AscentCommand.commandLine().getSubcommands().forEach((name, command) -> {
            Object userObject = command.getCommandSpec().userObject();
            CommandLine.Command annotation = userObject.getClass().getAnnotation(CommandLine.Command.class);
            // the commands built in code name themselves in their own spec, a fresh one of which says the same
            String own = annotation != null ? annotation.name()
                    : userObject instanceof ValidateCommand ? ValidateCommand.commandSpec().name()
                    : userObject instanceof ProvisionCommand ? ProvisionCommand.commandSpec().name()
                    : "(a command built in code this test does not know)";
            assertThat(own).as(name).isEqualTo(name);
        });
    }
}

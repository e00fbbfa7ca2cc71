package io.ascent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * DIR, {@code --checklist}, {@code --kubernetes-version} and {@code --no-git} are mixins: the commands that judge an
 * application declare them once, alike.
 */
class ApplicationOptionsTest {

    private static final List<String> JUDGING = List.of("validate", "baseline", "provision", "doctor");

    @Test
    void shouldDeclareDirChecklistAndVersionOnceForEveryCommandThatJudgesAnApplication() {
        CommandLine ascent = AscentCommand.commandLine();
        for (String command : JUDGING) {
            CommandSpec spec = ascent.getSubcommands().get(command).getCommandSpec();
            assertThat(spec.positionalParameters()).as(command + " DIR").singleElement()
                    .satisfies(dir -> assertFromMixin(spec, dir, "application"));
            for (String option : List.of("--checklist", "-c", "--kubernetes-version")) {
                assertThat(spec.findOption(option)).as(command + " " + option).isNotNull()
                        .satisfies(found -> assertFromMixin(spec, found, "application"));
            }
        }
    }

    @Test
    void shouldDeclareNoGitOnceForTheCommandsThatReadTheCommit() {
        CommandLine ascent = AscentCommand.commandLine();
        for (String command : List.of("validate", "baseline", "provision")) {
            CommandSpec spec = ascent.getSubcommands().get(command).getCommandSpec();
            assertThat(spec.findOption("--no-git")).as(command).isNotNull()
                    .satisfies(found -> assertFromMixin(spec, found, "source"));
        }
        assertThat(ascent.getSubcommands().get("doctor").getCommandSpec().findOption("--no-git")).isNull();
    }

    /** The option is the one the shared mixin built (ApplicationOptions.mixin(), GitSourceOption.mixin()). */
    private static void assertFromMixin(CommandSpec command, ArgSpec arg, String mixin) {
        assertThat(command.mixins()).containsKey(mixin);
        assertThat(command.mixins().get(mixin).args()).contains(arg);
    }
}

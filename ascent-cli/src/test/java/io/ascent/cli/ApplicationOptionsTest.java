package io.ascent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
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
                    .satisfies(dir -> assertDeclaredBy(dir, ApplicationOptions.class));
            for (String option : List.of("--checklist", "-c", "--kubernetes-version")) {
                assertThat(spec.findOption(option)).as(command + " " + option).isNotNull()
                        .satisfies(found -> assertDeclaredBy(found, ApplicationOptions.class));
            }
        }
    }

    @Test
    void shouldDeclareNoGitOnceForTheCommandsThatReadTheCommit() {
        CommandLine ascent = AscentCommand.commandLine();
        for (String command : List.of("validate", "baseline", "provision")) {
            assertThat(ascent.getSubcommands().get(command).getCommandSpec().findOption("--no-git"))
                    .as(command).isNotNull().satisfies(found -> assertDeclaredBy(found, GitSourceOption.class));
        }
        assertThat(ascent.getSubcommands().get("doctor").getCommandSpec().findOption("--no-git")).isNull();
    }

    private static void assertDeclaredBy(ArgSpec arg, Class<?> mixin) {
        assertThat(arg.userObject()).isInstanceOf(Field.class);
        assertThat(((Field) arg.userObject()).getDeclaringClass()).isEqualTo(mixin);
    }
}

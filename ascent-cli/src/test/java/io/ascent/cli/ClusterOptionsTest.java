package io.ascent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** {@code --kubeconfig} and {@code --context} are one mixin: the commands that reach a cluster declare them alike. */
class ClusterOptionsTest {

    @Test
    void shouldDeclareKubeconfigAndContextOnceForProvisionDoctorAndGc() {
        CommandLine ascent = AscentCommand.commandLine();
        for (String option : List.of("--kubeconfig", "--context")) {
            List<OptionSpec> specs = List.of("provision", "doctor", "gc").stream()
                    .map(name -> ascent.getSubcommands().get(name).getCommandSpec().findOption(option)).toList();
            assertThat(specs).as(option).doesNotContainNull();
            assertThat(specs).as(option + " comes from the mixin in every command")
                    .allSatisfy(spec -> assertThat(spec.userObject()).isInstanceOf(java.lang.reflect.Field.class)
                            .satisfies(field -> assertThat(((java.lang.reflect.Field) field).getDeclaringClass())
                                    .isEqualTo(ClusterOptions.class)));
        }
    }
}

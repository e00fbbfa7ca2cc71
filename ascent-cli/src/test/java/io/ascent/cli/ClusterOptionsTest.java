package io.ascent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code --kubeconfig} and {@code --context} are one mixin: the commands that reach a cluster declare them alike. */
class ClusterOptionsTest {

    @Test
    void shouldDeclareKubeconfigAndContextOnceForProvisionDoctorAndGc() {
        CommandLine ascent = AscentCommand.commandLine();
        CommandSpec declared = new ClusterOptions().mixin();
        for (String option : List.of("--kubeconfig", "--context")) {
            for (String command : List.of("provision", "doctor", "gc")) {
                CommandSpec spec = ascent.getSubcommands().get(command).getCommandSpec();
                OptionSpec found = spec.findOption(option);
                assertThat(found).as(command + " " + option).isNotNull();
                assertThat(spec.mixins().get("cluster").findOption(option))
                        .as(command + " " + option + " comes from the cluster mixin").isSameAs(found);
                assertThat(found.description()).as(command + " " + option + " is explained as ClusterOptions does")
                        .containsExactly(declared.findOption(option).description());
                assertThat(found.paramLabel()).isEqualTo(declared.findOption(option).paramLabel());
            }
        }
    }

    @Test
    void shouldPassTheParsedClusterToEachCommand() {
        ClusterOptions options = new ClusterOptions();
        CommandSpec spec = CommandSpec.create().addMixin("cluster", options.mixin());
        new CommandLine(spec).parseArgs("--kubeconfig", "/tmp/kc", "--context", "kind-a");
        assertThat(options.kubeconfig()).contains(java.nio.file.Path.of("/tmp/kc"));
        assertThat(options.context()).contains("kind-a");
        ClusterOptions unset = new ClusterOptions();
        new CommandLine(CommandSpec.create().addMixin("cluster", unset.mixin())).parseArgs();
        assertThat(unset.kubeconfig()).isEmpty();
        assertThat(unset.context()).isEmpty();
    }
}

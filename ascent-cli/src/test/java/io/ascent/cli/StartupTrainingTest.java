package io.ascent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupTrainingTest {

    private static final Path HELLO_WEB = Path.of("..", "examples", "hello-web").toAbsolutePath().normalize();

    @Test
    void shouldProvisionAgainstTheTrainingClusterWhenItStarted(@TempDir Path scratch) throws Exception {
        Path cluster = StartupTraining.clusterKubeconfig(scratch);

        List<List<String>> commands = StartupTraining.commands(HELLO_WEB, scratch, Optional.of(cluster));

        assertThat(commands).filteredOn(command -> command.get(0).equals("provision")
                && command.contains(cluster.toString())).hasSize(2);
        assertThat(commands).filteredOn(command -> command.get(0).equals("doctor")
                && command.contains(cluster.toString())).hasSize(1);
    }

    @Test
    void shouldStillTrainTheOtherCommandsWithoutTheTrainingCluster(@TempDir Path scratch) throws Exception {
        List<List<String>> commands = StartupTraining.commands(HELLO_WEB, scratch, Optional.empty());

        assertThat(commands).extracting(command -> command.get(0)).contains("validate", "provision", "doctor");
        assertThat(commands).noneMatch(command -> command.contains(
                StartupTraining.clusterKubeconfig(scratch).toString()));
    }

    @Test
    void shouldStartTheTrainingClusterAndFallBackWhenItCannot(@TempDir Path scratch) throws Exception {
        assertThat(StartupTraining.startCluster(HELLO_WEB, scratch)).hasValueSatisfying(server -> server.close());
        assertThat(StartupTraining.clusterKubeconfig(scratch)).content().contains("certificate-authority-data");

        Path notAFolder = Files.writeString(scratch.resolve("file"), "x");
        assertThat(StartupTraining.startCluster(HELLO_WEB, notAFolder)).isEmpty();
    }

    @Test
    void shouldLoadTheHttpClientsHttp2ClassesWhichTheTrainingClusterCannotExercise() {
        assertThat(StartupTraining.loadHttp2()).isGreaterThan(20);
    }
}

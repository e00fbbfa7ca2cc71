package io.ascent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ascent doctor} and {@code ascent gc} on the command line: usage, bad input, help. */
class DoctorAndGcCommandTest {

    @TempDir
    Path dir;

    @Test
    void shouldListDoctorAndGcInHelp() {
        assertThat(CliRun.of("--help").out()).contains("doctor", "gc");
        assertThat(CliRun.of("help", "doctor").out()).contains("--kubernetes-version", "Changes nothing",
                "3 no engine daemon or no kind", "--kubeconfig", "--context", "existing: the kubeconfig resolves");
        assertThat(CliRun.of("help", "gc").out()).contains("--older-than", "--dry-run", "ascent.dev/run");
    }

    @Test
    void shouldExitTwoForADoctorDirectoryThatDoesNotExist() {
        CliRun run = CliRun.of("doctor", dir.resolve("missing").toString());

        assertThat(run.status()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).contains("is not a directory");
    }

    @Test
    void shouldExitTwoForAnUnknownDriver() {
        CliRun run = CliRun.of("doctor", dir.toString(), "--driver", "minikube");

        assertThat(run.status()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).contains("--driver minikube: expected kind or existing");
    }

    @Test
    void shouldExitTwoForADurationGcCannotRead() {
        CliRun run = CliRun.of("gc", "--older-than", "two hours");

        assertThat(run.status()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("'two hours' is not a duration; write it like 90s, 5m, 2h or 1h30m");
    }

    @Test
    void shouldExitThreeWhenGcCannotUseTheKubeconfig() {
        CliRun run = CliRun.of("gc", "--dry-run", "--kubeconfig", dir.resolve("nowhere").toString());

        assertThat(run.status()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(run.out()).contains("cannot use", "the kubeconfig " + dir.resolve("nowhere") + " does not exist");
    }
}

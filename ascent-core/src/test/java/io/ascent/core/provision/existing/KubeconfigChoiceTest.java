package io.ascent.core.provision.existing;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.provision.kube.KubeconfigFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kubeconfig files the existing driver uses, found as kubectl finds them (and as the warm-up opens them early). */
class KubeconfigChoiceTest {

    @TempDir
    Path home;

    @Test
    void shouldUseTheGivenFileWhateverElseExists() throws Exception {
        Path given = Files.writeString(home.resolve("given"), "");
        Path other = Files.writeString(home.resolve("other"), "");
        Files.createDirectories(home.resolve(".kube"));
        Files.writeString(home.resolve(".kube/config"), "");

        assertThat(ExistingClusterDriver.kubeconfigFiles(Optional.of(given),
                Map.of("HOME", home.toString(), "KUBECONFIG", other.toString())))
                .map(KubeconfigFiles::files).contains(List.of(given));
    }

    @Test
    void shouldReportAGivenFileThatDoesNotExistRatherThanFallBack() {
        Path missing = home.resolve("missing");

        assertThat(ExistingClusterDriver.kubeconfigFiles(Optional.of(missing), Map.of("HOME", home.toString())))
                .map(KubeconfigFiles::explicit).contains(true);
    }

    @Test
    void shouldTakeEveryFileOfKubeconfigBeforeTheHomeOne() throws Exception {
        Path first = Files.writeString(home.resolve("first"), "");
        Path second = Files.writeString(home.resolve("second"), "");
        Files.createDirectories(home.resolve(".kube"));
        Files.writeString(home.resolve(".kube/config"), "");

        assertThat(ExistingClusterDriver.kubeconfigFiles(Optional.empty(),
                Map.of("HOME", home.toString(), "KUBECONFIG", first + ":" + second)))
                .map(KubeconfigFiles::existing).contains(List.of(first, second));
    }

    @Test
    void shouldFallBackToTheHomeKubeconfigAndToNothing() throws Exception {
        Map<String, String> environment = Map.of("HOME", home.toString());
        assertThat(ExistingClusterDriver.kubeconfigFiles(Optional.empty(), environment)).isEmpty();

        Files.createDirectories(home.resolve(".kube"));
        Path config = Files.writeString(home.resolve(".kube/config"), "");

        assertThat(ExistingClusterDriver.kubeconfigFiles(Optional.empty(), environment))
                .map(KubeconfigFiles::existing).contains(List.of(config));
    }

    @Test
    void shouldNameTheFilesOfKubeconfigWhenNoneExists() {
        Map<String, String> environment = Map.of("HOME", home.toString(), "KUBECONFIG", home.resolve("a") + ":"
                + home.resolve("b"));

        assertThat(ExistingClusterDriver.kubeconfigFiles(Optional.empty(), environment)).isEmpty();
    }
}

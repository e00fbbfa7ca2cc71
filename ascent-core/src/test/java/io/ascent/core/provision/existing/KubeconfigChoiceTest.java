package io.ascent.core.provision.existing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kubeconfig file the existing driver uses, found as kubectl finds it (and as the warm-up opens it early). */
class KubeconfigChoiceTest {

    @TempDir
    Path home;
    private final String realHome = System.getProperty("user.home");

    @AfterEach
    void restoreHome() {
        System.setProperty("user.home", realHome);
    }

    @Test
    void shouldUseTheGivenFileWhateverElseExists() throws Exception {
        Path given = Files.writeString(home.resolve("given"), "");
        Files.createDirectories(home.resolve(".kube"));
        Files.writeString(home.resolve(".kube/config"), "");
        System.setProperty("user.home", home.toString());

        assertThat(ExistingClusterDriver.kubeconfigFile(Optional.of(given))).contains(given);
    }

    @Test
    void shouldFallBackToTheHomeKubeconfigAndToNothing() throws Exception {
        assumeTrue(System.getenv("KUBECONFIG") == null, "KUBECONFIG is set in this environment and comes first");
        System.setProperty("user.home", home.toString());
        assertThat(ExistingClusterDriver.kubeconfigFile(Optional.empty())).isEmpty();

        Files.createDirectories(home.resolve(".kube"));
        Path config = Files.writeString(home.resolve(".kube/config"), "");

        assertThat(ExistingClusterDriver.kubeconfigFile(Optional.empty())).contains(config);
    }
}

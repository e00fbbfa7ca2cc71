package io.ascent.core.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProvisionOptionsTest {

    @Test
    void shouldTravelFromControllerToAgentIntact() throws Exception {
        ProvisionOptions options = ProvisionOptions.builder(Path.of("apps/web")).checklist(Path.of("ci/ascent.yaml"))
                .driver("existing").kubeconfig(Path.of("/home/ci/.kube/config")).context("staging")
                .kubernetesVersion("1.34").keep(Keep.ON_FAILURE).timeout(Duration.ofSeconds(90)).dryRun(true)
                .noGit(true).workDirectory(Path.of("/tmp/run")).kind("/opt/kind/bin/kind").build();

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(options);
        }
        ProvisionOptions copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (ProvisionOptions) in.readObject();
        }

        assertThat(copy.directory()).isEqualTo(Path.of("apps/web"));
        assertThat(copy.checklist()).contains(Path.of("ci/ascent.yaml"));
        assertThat(copy.driver()).contains("existing");
        assertThat(copy.kubeconfig()).contains(Path.of("/home/ci/.kube/config"));
        assertThat(copy.context()).contains("staging");
        assertThat(copy.kubernetesVersion()).contains("1.34");
        assertThat(copy.keep()).contains(Keep.ON_FAILURE);
        assertThat(copy.timeout()).contains(Duration.ofSeconds(90));
        assertThat(copy.dryRun()).isTrue();
        assertThat(copy.noGit()).isTrue();
        assertThat(copy.workDirectory()).contains(Path.of("/tmp/run"));
        assertThat(copy.kind()).isEqualTo("/opt/kind/bin/kind");
    }

    @Test
    void shouldLeaveEverythingButTheDirectoryToTheChecklist() {
        ProvisionOptions options = ProvisionOptions.builder(Path.of(".")).build();

        assertThat(options.driver()).isEmpty();
        assertThat(options.kind()).isEqualTo("kind");
        assertThat(options.keep()).isEmpty();
        assertThat(options.timeout()).isEmpty();
        assertThat(options.dryRun()).isFalse();
    }
}

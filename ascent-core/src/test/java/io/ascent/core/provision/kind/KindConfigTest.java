package io.ascent.core.provision.kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ascent.core.provision.KindConfigFile;
import io.ascent.core.provision.ProvisionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KindConfigTest {

    private static final String IMAGE =
            "kindest/node:v1.31.14@sha256:6f86cf509dbb42767b6e79debc3f2c32e4ee01386f0489b3b2be24b0a55aac2b";

    @TempDir
    Path dir;

    /** The configuration as the provisioner passes it: the temporary folder stands for the repository. */
    private Optional<KindConfigFile> file(Path config, String displayPath) {
        return Optional.of(new KindConfigFile(config, displayPath, dir, dir));
    }

    @Test
    void shouldPinEveryNodeOfTheChecklistsConfigAndKeepTheRest() throws Exception {
        Path config = Files.writeString(dir.resolve("kind.yaml"), """
                apiVersion: kind.x-k8s.io/v1alpha4
                kind: Cluster
                name: chosen-by-the-repository
                networking:
                  ipFamily: ipv4
                nodes:
                  - role: control-plane
                    image: kindest/node:v1.22.0
                    kubeadmConfigPatches:
                      - |
                        kind: ClusterConfiguration
                  - role: worker
                """);

        String rendered = KindConfig.render(file(config, "deploy/kind.yaml"), IMAGE).yaml();

        assertThat(rendered).contains("from deploy/kind.yaml", "ipFamily: ipv4", "kind: ClusterConfiguration",
                "role: worker").doesNotContain("chosen-by-the-repository", "v1.22.0");
        assertThat(rendered.split("image: " + java.util.regex.Pattern.quote(IMAGE), -1)).hasSize(3);
    }

    @Test
    void shouldWriteOneControlPlaneWithoutAChecklistConfig() throws Exception {
        assertThat(KindConfig.render(Optional.empty(), IMAGE).yaml()).contains("kind: Cluster",
                "apiVersion: kind.x-k8s.io/v1alpha4", "role: control-plane", "image: " + IMAGE);
    }

    @Test
    void shouldRefuseALinkThatLeadsOutOfTheConfigsFolder(@TempDir Path outside) throws Exception {
        Path secret = Files.writeString(outside.resolve("config"), "apiVersion: v1\nkind: Config\n");
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Path link = Files.createSymbolicLink(repo.resolve("kind.yaml"), secret);

        assertThatThrownBy(() -> KindConfig.render(file(link, "deploy/kind.yaml"), IMAGE).yaml())
                .isInstanceOfSatisfying(ProvisionException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProvisionException.Kind.INPUT);
                    assertThat(e.getMessage()).startsWith("deploy/kind.yaml").doesNotContain("kind: Config");
                });
    }

    @Test
    void shouldRefuseAFileThatIsNotAKindClusterAtItsLocation() throws Exception {
        Path config = Files.writeString(dir.resolve("kind.yaml"), "apiVersion: v1\nkind: ConfigMap\n");
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "kind: Cluster\n  bad: [\n");

        assertThatThrownBy(() -> KindConfig.render(file(config, "deploy/kind.yaml"), IMAGE).yaml())
                .isInstanceOfSatisfying(ProvisionException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProvisionException.Kind.INPUT);
                    assertThat(e.getMessage()).startsWith("deploy/kind.yaml:1:1").contains("not a kind configuration");
                });
        assertThatThrownBy(() -> KindConfig.render(file(broken, "deploy/broken.yaml"), IMAGE).yaml())
                .isInstanceOfSatisfying(ProvisionException.class, e -> assertThat(e.getMessage())
                        .startsWith("deploy/broken.yaml:"));
    }

    @Test
    void shouldRefuseNodesWithoutAControlPlaneAtTheNodesLine() throws Exception {
        Path workers = Files.writeString(dir.resolve("workers.yaml"), """
                apiVersion: kind.x-k8s.io/v1alpha4
                kind: Cluster
                nodes:
                  - role: worker
                  - role: worker
                """);

        assertThatThrownBy(() -> KindConfig.render(file(workers, "deploy/kind.yaml"), IMAGE).yaml())
                .isInstanceOfSatisfying(ProvisionException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProvisionException.Kind.INPUT);
                    assertThat(e.getMessage()).startsWith("deploy/kind.yaml:4:3").contains("no control-plane node");
                    assertThat(e.remediation()).hasValueSatisfying(fix -> assertThat(fix).contains("role: control-plane"));
                });
    }

    @Test
    void shouldTakeANodeWithoutARoleAsTheControlPlane() throws Exception {
        Path roleless = Files.writeString(dir.resolve("roleless.yaml"), """
                apiVersion: kind.x-k8s.io/v1alpha4
                kind: Cluster
                nodes:
                  - labels: {tier: all}
                  - role: worker
                """);

        assertThat(KindConfig.render(file(roleless, "deploy/kind.yaml"), IMAGE).yaml()).contains("tier: all");
    }
}

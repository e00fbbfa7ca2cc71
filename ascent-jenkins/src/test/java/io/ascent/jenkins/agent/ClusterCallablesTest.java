package io.ascent.jenkins.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.provision.ProvisionedCluster;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClusterCallablesTest {

    /** This JVM's environment as a build's (what the callables ran in before builds had their own). */
    static final BuildEnvironment THIS_JVM = BuildEnvironment.of(System.getenv());

    private static final ProvisionedCluster CLUSTER = new ProvisionedCluster("kind", "ascent-app-7",
            Path.of("/ws@tmp/ascent-app-7/kubeconfig"), Optional.of("kind-ascent-app-7"), "default", true);

    @Test
    void shouldCarryTheRequestAndCredentialToTheAgent() throws Exception {
        ProvisionRequest request = new ProvisionRequest("ascent-app-7", "1.30", "", Duration.ofMinutes(10), "app",
                "", new KindOperatorSettings(List.of("/var/cache/ci"), List.of("mirror.corp/kindest/node")));
        CreateClusterCallable create = new CreateClusterCallable(request, ProvisionCall.unbound(),
                new ValidateCallableTest.BufferListener(),
                ClusterCredential.kubeconfig("prod", "token: abc".getBytes(StandardCharsets.UTF_8)), THIS_JVM);
        CreateClusterCallable copy = Serialization.roundTrip(create);
        assertThat(copy).usingRecursiveComparison().ignoringFields("listener").isEqualTo(create);
        assertThat(copy.toString()).doesNotContain("token");
    }

    @Test
    void shouldKeepWhereTheClusterIsAcrossARestartButNotWhatTheKubeconfigSays() throws Exception {
        ClusterHandle handle = new ClusterHandle(CLUSTER, Path.of("/ws@tmp/ascent-app-7"));
        ClusterHandle copy = Serialization.roundTrip(handle);
        assertThat(copy.cluster()).isEqualTo(CLUSTER);
        assertThat(copy.workDirectory()).isEqualTo(Path.of("/ws@tmp/ascent-app-7"));
        assertThat(copy.kubeconfig()).isEqualTo("/ws@tmp/ascent-app-7/kubeconfig");

        DeleteClusterCallable delete = new DeleteClusterCallable(handle, ProvisionCall.unbound(),
                new ValidateCallableTest.BufferListener(), THIS_JVM);
        assertThat(Serialization.roundTrip(delete)).usingRecursiveComparison().ignoringFields("listener")
                .isEqualTo(delete);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(handle);
        }
        assertThat(bytes.size()).isLessThan(1024);
    }
}

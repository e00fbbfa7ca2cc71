package io.ascent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hello-web with a kind configuration written to take over the build agent: the docker socket mounted into a node
 * and a port published on every interface. {@code ascent provision --dry-run} and {@code ascent doctor} refuse it
 * before any cluster exists, with exit 2 at the configuration's lines; an operator's {@code --kind-mount} opens a
 * folder outside the repository, which the repository alone cannot.
 */
class HostileKindConfigTest {

    private static final Path HELLO_WEB = Path.of("..", "examples", "hello-web").toAbsolutePath().normalize();

    @TempDir
    Path temp;
    private Path app;
    private Path cache;

    @BeforeEach
    void copyHelloWeb() throws Exception {
        app = temp.resolve("hello-web");
        ExamplesTest.copyTree(HELLO_WEB, app);
        cache = Files.createDirectories(temp.resolve("agent-cache"));
    }

    private void kindConfig(String nodes) throws Exception {
        Files.writeString(app.resolve("deploy/kind-config.yaml"), "apiVersion: kind.x-k8s.io/v1alpha4\n"
                + "kind: Cluster\nnodes:\n  - role: control-plane\n" + nodes);
    }

    @Test
    void shouldRefuseTheDockerSocketAndAPortOnEveryInterfaceOnADryRunAndInDoctor() throws Exception {
        kindConfig("""
                    extraMounts:
                      - containerPath: /var/run/docker.sock
                        hostPath: /var/run/docker.sock
                    extraPortMappings:
                      - containerPort: 80
                        listenAddress: 0.0.0.0
                """);

        CliRun dryRun = CliRun.of("provision", app.toString(), "--no-git", "--dry-run");
        CliRun doctor = CliRun.of("doctor", app.toString());

        for (CliRun run : new CliRun[] {dryRun, doctor}) {
            assertThat(run.status()).as(run.out() + run.err()).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(run.out()).contains(
                    "ERROR  deploy/kind-config.yaml:7:19: nodes[0].extraMounts[0].hostPath '/var/run/docker.sock' "
                            + "is the container engine's socket",
                    "ERROR  deploy/kind-config.yaml:10:24: nodes[0].extraPortMappings[0].listenAddress '0.0.0.0' "
                            + "publishes the node's port beyond the build agent",
                    "fix: remove listenAddress (Ascent then writes 127.0.0.1)");
        }
        assertThat(dryRun.out()).doesNotContain("dry run: nothing is created");
        assertThat(doctor.out()).contains("preflight not run");
    }

    @Test
    void shouldMountAFolderOutsideTheRepositoryOnlyWhenTheOperatorAllowsIt() throws Exception {
        kindConfig("    extraMounts:\n      - containerPath: /cache\n        hostPath: " + cache + "\n"
                + "    extraPortMappings:\n      - containerPort: 80\n        hostPort: 8080\n");

        CliRun refused = CliRun.of("provision", app.toString(), "--no-git", "--dry-run");
        CliRun allowed = CliRun.of("provision", app.toString(), "--no-git", "--dry-run", "--kind-mount",
                cache.toString());

        assertThat(refused.status()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(refused.out()).contains("deploy/kind-config.yaml:7:19: nodes[0].extraMounts[0].hostPath '" + cache
                + "' is outside the repository");
        assertThat(allowed.status()).as(allowed.out()).isEqualTo(ExitCodes.OK);
        assertThat(allowed.out()).contains("dry run: nothing is created", "hostPath: " + cache.toRealPath(),
                "listenAddress: 127.0.0.1", "changed by Ascent's host policy: deploy/kind-config.yaml:9:9: "
                        + "nodes[0].extraPortMappings[0]: listenAddress 127.0.0.1 written by Ascent",
                "WARN   deploy/kind-config.yaml:10:19: nodes[0].extraPortMappings[0].hostPort 8080 is a fixed port");
    }

    @Test
    void shouldTakeTheOperatorsFoldersFromTheEnvironmentToo() {
        KindMountOption option = new KindMountOption();
        new picocli.CommandLine(picocli.CommandLine.Model.CommandSpec.create().addMixin("m", option.mixin()))
                .parseArgs("--kind-mount", "/srv/cache");

        assertThat(option.folders(Map.of(KindMountOption.ENVIRONMENT_VARIABLE, "/opt/a:/opt/b/../c: ")))
                .containsExactly(Path.of("/srv/cache"), Path.of("/opt/a"), Path.of("/opt/c"));
        assertThat(new KindMountOption().folders(Map.of())).isEmpty();
    }
}

package io.ascent.core.provision.kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ascent.core.provision.KindConfigFile;
import io.ascent.core.provision.ProvisionException;
import io.ascent.core.report.ErrorKind;
import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import io.ascent.core.report.Status;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host policy of the kind configuration (docs/security.md, "The kind configuration"): what a repository's kind
 * file may reach on the build agent. Each fixture is written at test time into a repository folder; a second folder
 * beside it stands for the rest of the agent.
 */
class KindConfigHostPolicyTest {

    private static final String IMAGE =
            "kindest/node:v1.31.14@sha256:6f86cf509dbb42767b6e79debc3f2c32e4ee01386f0489b3b2be24b0a55aac2b";
    private static final String HEAD = "apiVersion: kind.x-k8s.io/v1alpha4\nkind: Cluster\n";

    @TempDir
    Path temp;
    private Path repo;
    private Path app;
    private Path agent;

    @BeforeEach
    void layOut() throws IOException {
        repo = Files.createDirectories(temp.resolve("repo"));
        app = Files.createDirectories(repo.resolve("app"));
        Files.createDirectories(app.resolve("deploy"));
        agent = Files.createDirectories(temp.resolve("agent"));
        Files.writeString(agent.resolve("id_ed25519"), "-----BEGIN OPENSSH PRIVATE KEY-----\n");
    }

    private Optional<KindConfigFile> config(String body, List<Path> operatorMounts) throws IOException {
        Path file = Files.writeString(app.resolve("deploy/kind.yaml"), HEAD + body);
        return Optional.of(new KindConfigFile(file.toRealPath(), "app/deploy/kind.yaml", repo, app, operatorMounts));
    }

    private Optional<KindConfigFile> config(String body) throws IOException {
        return config(body, List.of());
    }

    private static String mount(String hostPath) {
        return "nodes:\n  - role: control-plane\n    extraMounts:\n      - containerPath: /data\n        hostPath: "
                + hostPath + "\n";
    }

    /** The one refusal of a configuration, which render refuses too, with the same words. */
    private static Item refusal(Optional<KindConfigFile> config) throws ProvisionException {
        List<Item> items = KindConfig.check(config);
        assertThat(items).as("one refusal").singleElement().satisfies(item -> {
            assertThat(item.id()).isEqualTo("provision.kind-host");
            assertThat(item.status()).isEqualTo(Status.ERROR);
            assertThat(item.isError(ErrorKind.INPUT)).isTrue();
            assertThat(item.optionalRemediation()).isPresent();
        });
        assertThatThrownBy(() -> KindConfig.render(config, IMAGE)).isInstanceOfSatisfying(ProvisionException.class,
                e -> {
                    assertThat(e.kind()).isEqualTo(ProvisionException.Kind.INPUT);
                    assertThat(e.getMessage()).startsWith(items.get(0).location() + ": ");
                });
        return items.get(0);
    }

    @Test
    void shouldRefuseAnAbsoluteHostPathOutsideTheRepositoryAtItsLine() throws Exception {
        Item item = refusal(config(mount(agent.toString())));

        assertThat(item.location()).isEqualTo(new Location("app/deploy/kind.yaml", 7, 19));
        assertThat(item.message()).startsWith("nodes[0].extraMounts[0].hostPath '" + agent + "' is outside the "
                + "repository");
        assertThat(item.remediation()).contains("--kind-mount");
    }

    @Test
    void shouldRefuseADotDotEscapeEvenThroughAFolderThatExists() throws Exception {
        assertThat(refusal(config(mount("deploy/../../../agent"))).message()).contains("is outside the repository");
        assertThat(refusal(config(mount("../.."))).message()).contains("is outside the repository");
    }

    @Test
    void shouldRefuseALinkInsideTheRepositoryThatLeadsOutWithoutSayingWhere() throws Exception {
        Files.createSymbolicLink(app.resolve("cache"), agent);

        Item direct = refusal(config(mount("./cache")));
        Item below = refusal(config(mount("cache/not-yet-there")));

        assertThat(direct.message()).contains("leads out of the repository through a symbolic link")
                .doesNotContain(agent.toString(), "agent");
        assertThat(below.message()).contains("leads out of the repository");
    }

    @Test
    void shouldRefuseALinkThatLeadsNowhereSinceTheEngineWouldCreateItsTarget() throws Exception {
        Files.createSymbolicLink(app.resolve("dangling"), agent.resolve("created-by-docker"));

        assertThat(refusal(config(mount("dangling"))).message()).contains("leads nowhere");
    }

    @Test
    void shouldRefuseTheContainerEnginesSocketAndAnySocketInsideTheRepository() throws Exception {
        assertThat(refusal(config(mount("/var/run/docker.sock"))).message())
                .contains("is the container engine's socket", "root on the build agent");
        assertThat(refusal(config(mount("/run/podman/podman.sock"))).message())
                .contains("is the container engine's socket");
        Path socket = app.resolve("engine.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            assertThat(refusal(config(mount("engine.sock"))).message()).contains("is a socket, pipe or device");
        }
    }

    @Test
    void shouldAcceptARelativePathInsideAndWriteItAbsoluteAsResolvedAgainstTheApplicationDirectory()
            throws Exception {
        Files.createDirectories(app.resolve("testdata"));
        Optional<KindConfigFile> config = config(mount("./testdata") + "      - containerPath: /fresh\n"
                + "        hostPath: out/../generated\n        readOnly: true\n        propagation: HostToContainer\n");

        assertThat(KindConfig.check(config)).isEmpty();
        KindConfig.Rendered rendered = KindConfig.render(config, IMAGE);

        Path real = app.toRealPath();
        assertThat(rendered.yaml()).contains("hostPath: " + real.resolve("testdata"),
                "hostPath: " + real.resolve("generated"), "propagation: HostToContainer");
        assertThat(rendered.rewrites()).containsExactly(
                "app/deploy/kind.yaml:7:19: nodes[0].extraMounts[0].hostPath: './testdata' written as "
                        + real.resolve("testdata") + " (resolved against the application directory, links followed)",
                "app/deploy/kind.yaml:9:19: nodes[0].extraMounts[1].hostPath: 'out/../generated' written as "
                        + real.resolve("generated") + " (resolved against the application directory, links followed)");
    }

    @Test
    void shouldReadATildeAsKindDoesAsAFolderNamedTildeNotTheAgentsHome() throws Exception {
        Optional<KindConfigFile> config = config(mount("~/.ssh"));

        assertThat(KindConfig.check(config)).isEmpty();
        assertThat(KindConfig.render(config, IMAGE).yaml()).contains("hostPath: " + app.toRealPath().resolve("~/.ssh"));
    }

    @Test
    void shouldAcceptALinkThatStaysInsideTheRepository() throws Exception {
        Files.createDirectories(repo.resolve("shared/data"));
        Files.createSymbolicLink(app.resolve("data"), repo.resolve("shared/data"));
        Optional<KindConfigFile> config = config(mount("data"));

        assertThat(KindConfig.check(config)).isEmpty();
        assertThat(KindConfig.render(config, IMAGE).yaml()).contains("hostPath: " + repo.toRealPath()
                .resolve("shared/data"));
    }

    @Test
    void shouldAcceptAFolderOutsideOnlyWhenTheOperatorAllowedIt() throws Exception {
        Files.createDirectories(agent.resolve("cache"));

        assertThat(KindConfig.check(config(mount(agent.resolve("cache").toString()), List.of(agent)))).isEmpty();
        assertThat(refusal(config(mount(agent.resolve("cache").toString()), List.of(repo.resolve("other"))))
                .message()).contains("is outside the repository");
    }

    @Test
    void shouldNameTheOperatorsFolderThatDoesNotExistRatherThanBlameALink() throws Exception {
        Path missing = agent.resolve("no-such-cache");

        Item refused = refusal(config(mount(missing.resolve("maven").toString()), List.of(missing)));

        assertThat(refused.message()).contains(missing + ", a folder the operator allowed")
                .contains("does not exist on this machine").doesNotContain("symbolic link");
        assertThat(refused.remediation()).startsWith("create " + missing);
    }

    @Test
    void shouldRefuseAColonThatWouldSplitTheEnginesVolumeArgumentAndBidirectionalPropagation() throws Exception {
        assertThat(refusal(config(mount("data:/host"))).message()).contains("holds ':'");
        assertThat(refusal(config("nodes:\n  - extraMounts:\n      - containerPath: /data:rshared\n"
                + "        hostPath: data\n")).location()).isEqualTo(new Location("app/deploy/kind.yaml", 5, 24));
        Item bidirectional = refusal(config(mount("data") + "        propagation: Bidirectional\n"));
        assertThat(bidirectional.message()).startsWith("nodes[0].extraMounts[0].propagation Bidirectional");
        assertThat(bidirectional.location().line()).isEqualTo(8);
    }

    @Test
    void shouldKeepLoopbackAddressesAsWritten() throws Exception {
        Optional<KindConfigFile> config = config("""
                networking:
                  apiServerAddress: 127.0.0.1
                nodes:
                  - extraPortMappings:
                      - containerPort: 30080
                        listenAddress: 127.0.0.1
                      - containerPort: 30443
                        listenAddress: "::1"
                      - containerPort: 30444
                        listenAddress: 127.0.0.2
                """);

        assertThat(KindConfig.check(config)).isEmpty();
        KindConfig.Rendered rendered = KindConfig.render(config, IMAGE);
        assertThat(rendered.rewrites()).isEmpty();
        assertThat(rendered.yaml()).contains("listenAddress: 127.0.0.1", "listenAddress: ::1",
                "listenAddress: 127.0.0.2");
    }

    @Test
    void shouldRefuseAPortPublishedOnEveryInterfaceAtItsListenAddress() throws Exception {
        Item item = refusal(config("""
                nodes:
                  - role: control-plane
                    extraPortMappings:
                      - containerPort: 80
                        listenAddress: 0.0.0.0
                """));

        assertThat(item.location()).isEqualTo(new Location("app/deploy/kind.yaml", 7, 24));
        assertThat(item.message()).isEqualTo("nodes[0].extraPortMappings[0].listenAddress '0.0.0.0' publishes the "
                + "node's port beyond the build agent, on every interface, to the whole network");
        assertThat(item.remediation()).contains("remove listenAddress (Ascent then writes 127.0.0.1)");
    }

    @Test
    void shouldRefuseAnAddressThatIsNotALoopbackLiteral() throws Exception {
        // Quoted where YAML would read a number: kind reads every address as a string, and so must the test.
        for (String address : List.of("\"::\"", "192.168.1.20", "localhost", "\"127.1\"", "\"127.000.0.1\"",
                "\"::1%lo\"", "\"[::1]\"")) {
            assertThat(refusal(config("nodes:\n  - extraPortMappings:\n      - containerPort: 80\n"
                    + "        listenAddress: " + address + "\n")).message()).as(address)
                    .contains("publishes the node's port beyond the build agent");
        }
        Item api = refusal(config("networking:\n  apiServerAddress: 0.0.0.0\n"));
        assertThat(api.location()).isEqualTo(new Location("app/deploy/kind.yaml", 4, 21));
        assertThat(api.message()).startsWith("networking.apiServerAddress '0.0.0.0' publishes the cluster's API "
                + "server beyond the build agent");
    }

    @Test
    void shouldWriteLoopbackWhereTheRepositoryLeftTheAddressOutAndSaySo() throws Exception {
        Optional<KindConfigFile> ingress = config("""
                nodes:
                  - role: control-plane
                    extraPortMappings:
                      - containerPort: 80
                        hostPort: 80
                        protocol: TCP
                """);

        KindConfig.Rendered rendered = KindConfig.render(ingress, IMAGE);

        assertThat(rendered.yaml()).contains("listenAddress: 127.0.0.1");
        assertThat(rendered.rewrites()).containsExactly("app/deploy/kind.yaml:6:9: nodes[0].extraPortMappings[0]: "
                + "listenAddress 127.0.0.1 written by Ascent (kind would publish the port on every interface of the "
                + "build agent)");
        KindConfig.Rendered ipv6 = KindConfig.render(config("networking:\n  ipFamily: ipv6\nnodes:\n"
                + "  - extraPortMappings:\n      - containerPort: 80\n"), IMAGE);
        assertThat(ipv6.yaml()).contains("listenAddress: ::1");
    }

    @Test
    void shouldWarnThatAFixedHostPortCollidesBetweenBuildsOnOneAgent() throws Exception {
        List<Item> items = KindConfig.check(config("""
                networking:
                  apiServerPort: 6443
                nodes:
                  - extraPortMappings:
                      - containerPort: 80
                        hostPort: 8080
                      - containerPort: 81
                        hostPort: -1
                      - containerPort: 82
                """));

        assertThat(items).extracting(Item::status).containsExactly(Status.WARN, Status.WARN);
        assertThat(items).extracting(Item::location).containsExactly(new Location("app/deploy/kind.yaml", 4, 18),
                new Location("app/deploy/kind.yaml", 8, 19));
        assertThat(items.get(1).message()).isEqualTo("nodes[0].extraPortMappings[0].hostPort 8080 is a fixed port "
                + "on the build agent: two builds on one agent collide on it (the second cluster fails to start)");
        assertThat(items.get(0).remediation()).contains("remove networking.apiServerPort");
    }
}

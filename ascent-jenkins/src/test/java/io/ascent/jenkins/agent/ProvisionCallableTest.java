package io.ascent.jenkins.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ascent.core.network.UrlAllowList;
import io.ascent.core.provision.ProvisionRule;
import io.ascent.core.report.Item;
import io.ascent.core.report.PhaseRecord;
import io.ascent.core.report.Status;
import io.ascent.core.report.render.Format;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvisionCallableTest {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    /** A kubeconfig for a cluster nobody runs (port 1 on loopback refuses), with a token that must stay secret. */
    static final String KUBECONFIG = """
            apiVersion: v1
            kind: Config
            clusters: [{name: c, cluster: {server: "https://127.0.0.1:1"}}]
            users: [{name: u, user: {token: SECRET-TOKEN-xyz}}]
            contexts: [{name: ctx, context: {cluster: c, user: u}}]
            current-context: ctx
            """;

    @TempDir
    Path parent;
    private Path workspace;

    @BeforeEach
    void copyTheExampleIntoAWorkspace() throws IOException {
        workspace = Files.createDirectories(parent.resolve("ws"));
        Path example = REPOSITORY.resolve("examples/hello-web");
        try (Stream<Path> paths = Files.walk(example)) {
            for (Path source : paths.toList()) {
                Path target = workspace.resolve("app").resolve(example.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        // A Jenkins workspace is a checkout; the engine validates its HEAD tree.
        git("init", "-q");
        git("add", "-A");
        git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "app");
    }

    private void git(String... args) throws IOException {
        List<String> argv = new java.util.ArrayList<>(List.of("git", "-C", workspace.toString()));
        argv.addAll(List.of(args));
        try {
            Process git = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (git.waitFor() != 0) {
                throw new IOException(argv + ": " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static ValidateRequest request(String dir, String reports) {
        return new ValidateRequest(dir, "", "", reports, List.of(Format.JSON, Format.JUNIT),
                UrlAllowList.none());
    }

    private static byte[] credential() {
        return KUBECONFIG.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldCrossTheChannelWithoutShowingTheCredential() throws Exception {
        ProvisionCallable callable = new ProvisionCallable(request("app", "out/"), "kind", "/opt/kind",
                new ValidateCallableTest.BufferListener(), credential());
        ProvisionCallable copy = Serialization.roundTrip(callable);
        assertThat(copy).usingRecursiveComparison().ignoringFields("listener").isEqualTo(callable);
        assertThat(copy.driverName()).isEqualTo("kind");
        assertThat(copy.toString()).doesNotContain("SECRET");
    }

    @Test
    void shouldChooseExistingForACredentialElseLeaveItToTheChecklist() {
        ValidateCallableTest.BufferListener log = new ValidateCallableTest.BufferListener();
        assertThat(new ProvisionCallable(request("app", "out/"), "", "/opt/kind", log, credential()).driverName())
                .isEqualTo("existing");
        assertThat(new ProvisionCallable(request("app", "out/"), "", "/opt/kind", log, null).driverName()).isNull();
        assertThat(new ProvisionCallable(request("app", "out/"), "kind", "/opt/kind", log, credential())
                .driverName()).isEqualTo("kind");
    }

    @Test
    void shouldRunTheEngineWithTheCredentialsKubeconfigAndStopAtPreflightWhenTheClusterIsUnreachable()
            throws Exception {
        ValidateCallableTest.BufferListener log = new ValidateCallableTest.BufferListener();
        AgentReport answer = new ProvisionCallable(request("app", "target/ascent/"), "", "/opt/kind", log,
                credential()).invoke(workspace.toFile(), null);

        assertThat(answer.report().subject()).isEqualTo("app");
        assertThat(answer.report().phases()).extracting(PhaseRecord::name).contains("validate", "preflight")
                .doesNotContain("cluster", "deploy");
        assertThat(answer.report().gatingItems()).isNotEmpty();
        assertThat(answer.files()).containsOnlyKeys("json", "junit")
                .containsEntry("json", "target/ascent/ascent-report.json");
        assertThat(workspace.resolve("target/ascent/ascent-report.json")).isNotEmptyFile()
                .content().doesNotContain("SECRET-TOKEN");
        // The credential's copy lived under <workspace>@tmp only for the run.
        try (Stream<Path> left = Files.list(parent.resolve("ws@tmp"))) {
            assertThat(left).isEmpty();
        }
        assertThat(log.text()).contains("[ascent] validate ...").contains("[ascent] preflight ...")
                .doesNotContain("SECRET-TOKEN");
    }

    @Test
    void shouldRunKindsPreflightOnTheAgentAndCreateNothingWithAKindThatDoesNotExist() throws Exception {
        AgentReport answer = new ProvisionCallable(request("app", "target/ascent/"), "kind", "/opt/no/kind",
                new ValidateCallableTest.BufferListener(), null).invoke(workspace.toFile(), null);
        assertThat(answer.report().phases()).extracting(PhaseRecord::name).contains("validate", "preflight");
        assertThat(answer.report().items()).extracting(Item::id).contains("preflight.container-engine");
        assertThat(answer.report().gatingItems()).isNotEmpty();
        assertThat(answer.report().items()).noneMatch(item -> item.id().equals(ProvisionRule.CLUSTER.id())
                && item.status() == Status.PASS);
    }

    @Test
    void shouldWriteTheInterruptedReportAndEndWithTheInterruption() {
        ProvisionCallable callable = new ProvisionCallable(request("app", "target/ascent/"), "existing", "/opt/kind",
                new ValidateCallableTest.BufferListener(), credential());
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> callable.invoke(workspace.toFile(), null))
                    .isInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
        }
        assertThat(workspace.resolve("target/ascent/ascent-report.json")).content().contains("\"interrupted\"");
    }

    @Test
    void shouldRefuseADirectoryOutsideTheWorkspaceWithoutRunningTheEngine() throws Exception {
        AgentReport answer = new ProvisionCallable(request("../elsewhere", "out/"), "", "/opt/kind",
                new ValidateCallableTest.BufferListener(), credential()).invoke(workspace.toFile(), null);
        Item item = answer.report().items().get(0);
        assertThat(item.status()).isEqualTo(Status.ERROR);
        assertThat(item.message()).isEqualTo("dir '../elsewhere' leaves the workspace");
        assertThat(parent.resolve("ws@tmp")).doesNotExist();
        assertThat(workspace.resolve("out")).doesNotExist();
    }
}

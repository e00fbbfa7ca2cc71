package io.ascent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ascent.cli.training.TrainingApiServer;
import io.ascent.core.provision.ProvisionException;
import io.ascent.core.provision.kube.KubeConnections;
import io.ascent.core.provision.kube.KubeconfigFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The connection warm-up {@code Main} starts from the words of a provision command line before picocli parses them:
 * which words warm what, that the run takes the warm connection over, and that it changes nothing a user sees.
 */
class ClusterWarmUpTest {

    private static final Path HELLO_WEB = Path.of("..", "examples", "hello-web").toAbsolutePath().normalize();

    @Test
    void shouldReadTheClusterOfAProvisionWithTheExistingDriverInEitherSpelling() {
        assertThat(ClusterWarmUp.target(List.of("provision", "app", "--driver", "existing", "--kubeconfig", "k")))
                .hasValue(new ClusterWarmUp.Target(Optional.of(Path.of("k")), Optional.empty()));
        assertThat(ClusterWarmUp.target(List.of("provision", "--kubeconfig=k", "--context=c", "--no-git",
                "--driver=existing", "-f", "json", "app")))
                .hasValue(new ClusterWarmUp.Target(Optional.of(Path.of("k")), Optional.of("c")));
        assertThat(ClusterWarmUp.target(List.of("provision", "--driver", "existing", "--", "--dry-run")))
                .as("after -- every word is the application's directory")
                .hasValue(new ClusterWarmUp.Target(Optional.empty(), Optional.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "validate app --driver existing --kubeconfig k",
        "provision app --kubeconfig k",
        "provision app --driver kind --kubeconfig k",
        "provision app --driver Existing --kubeconfig k",
        "provision app --driver existing --kubeconfig k --dry-run",
        "provision app --driver existing --kubeconfig k --dry-run=true",
        "provision app --driver existing --kubeconfig k --help",
        "provision app --driver existing --kubeconfig k -h",
        "provision app --driver existing --kubeconfig k -V",
        "provision app --driver existing --kubeconfig k @more-options",
        "provision app --driver existing --kubeconfig k --kubeconfig other",
        "provision app --driver existing --driver existing",
        "provision app --driver existing --kubeconfig",
        "provision app --driver existing --kubeconfig= ",
        "provision app --driver existing --kubeconfig --dry-run",
        "provision app --driver existing --context --kubeconfig k",
        "provision app -- --driver existing",
        "provision",
    })
    void shouldWarmNothingWhereTheWordsLeaveAnyDoubt(String words) {
        assertThat(ClusterWarmUp.target(List.of(words.split(" ")))).isEmpty();
        assertThat(ClusterWarmUp.target(List.of())).isEmpty();
    }

    @Test
    void shouldProvisionOverTheConnectionWarmedBeforeTheWordsWereParsed(@TempDir Path scratch) throws Exception {
        Path kubeconfig = scratch.resolve("kubeconfig");
        try (TrainingApiServer cluster = TrainingApiServer.start(scratch, kubeconfig, "Hello from Ascent")) {
            String[] args = {"provision", HELLO_WEB.toString(), "--no-git", "--driver", "existing", "--kubeconfig",
                kubeconfig.toString(), "--timeout", "60s", "-f", "json", "-o", scratch.resolve("r.json").toString()};
            Optional<KubeConnections> warm = ClusterWarmUp.start(args);
            assertThat(warm).isPresent();
            warm.get().connect(Optional.of(kubeconfig), Optional.empty()); // waits until the warm-up has built it
            // Gone: a run that opened a connection of its own now could not read its kubeconfig (exit 3).
            Files.move(kubeconfig, scratch.resolve("moved-away"));

            CliRun run = run(warm, args);

            assertThat(run.status()).as(run.err()).isEqualTo(ExitCodes.OK);
            assertThat(cluster.authenticatedRequests()).isGreaterThan(5);
            assertThatThrownBy(() -> warm.get().connect(Optional.of(kubeconfig), Optional.empty()))
                    .as("the run closed them at its end").isInstanceOf(ProvisionException.class)
                    .hasMessageContaining("closed");
        }
    }

    @Test
    void shouldWarmARequestsRelativeKubeconfigInItsDirectoryAndProvisionOverIt(@TempDir Path scratch)
            throws Exception {
        Path client = Files.createDirectories(scratch.resolve("client"));
        Path kubeconfig = client.resolve("kube.yaml");
        try (TrainingApiServer cluster = TrainingApiServer.start(scratch, kubeconfig, "Hello from Ascent")) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            // a request of the resident engine from client/: its --kubeconfig is the client's, not the JVM's
            Invocation request = new Invocation(client, Map.of("HOME", scratch.toString(), "PATH",
                    System.getenv().getOrDefault("PATH", "/usr/bin:/bin")), new PrintWriter(out), new PrintWriter(err),
                    false, Invocation.ofProcess(new PrintWriter(out), new PrintWriter(err)).stop());
            String[] args = {"provision", HELLO_WEB.toString(), "--no-git", "--driver", "existing", "--kubeconfig",
                "kube.yaml", "--timeout", "60s", "-f", "json", "-o", "r.json"};

            Optional<KubeConnections> warm = ClusterWarmUp.start(request, args);
            assertThat(warm).isPresent();
            // Not connect(kubeconfig): that would open the connection itself. The warm-up has read the file once it
            // has asked the cluster.
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            while (cluster.authenticatedRequests() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(cluster.authenticatedRequests()).as("the warm-up asked the cluster").isPositive();
            Files.move(kubeconfig, scratch.resolve("moved-away")); // a run's own connection would now fail (exit 3)
            int status = Main.run(request, warm, args);

            assertThat(status).as(out + "\n" + err).isEqualTo(ExitCodes.OK);
            assertThat(client.resolve("r.json")).content().contains("\"verdict\" : \"PASSED\"");
        }
    }

    @Test
    void shouldWarmTheMergedKubeconfigListTheRunWillUse(@TempDir Path scratch) throws Exception {
        Path second = scratch.resolve("second");
        try (TrainingApiServer cluster = TrainingApiServer.start(scratch, second, "Hello from Ascent")) {
            Path first = Files.writeString(scratch.resolve("first"), "current-context: training\n");
            Map<String, String> environment = Map.of("KUBECONFIG", first + ":" + second,
                    "HOME", scratch.toString());
            String[] args = {"provision", HELLO_WEB.toString(), "--driver", "existing"};

            Optional<KubeConnections> warm = ClusterWarmUp.start(environment, args);

            assertThat(warm).isPresent();
            KubeconfigFiles files = KubeconfigFiles.locate(Optional.empty(), environment);
            warm.get().connect(files, Optional.empty()); // waits until the warm-up has built it
            Files.move(second, scratch.resolve("moved-away"));
            // built by the warm-up over both files: a connection built now could not read the second
            assertThat(warm.get().connect(files, Optional.empty()).get("/version").has("gitVersion")).isTrue();
            warm.get().close();
        }
    }

    @Test
    void shouldCloseWarmConnectionsThatNoRunTookOver(@TempDir Path scratch) throws Exception {
        Path kubeconfig = scratch.resolve("kubeconfig");
        Files.writeString(kubeconfig, "apiVersion: v1\nkind: Config\nclusters: []\n");
        String[] args = {"provision", HELLO_WEB.toString(), "--driver", "existing", "--kubeconfig",
            kubeconfig.toString(), "--keep", "sometimes"};
        Optional<KubeConnections> warm = ClusterWarmUp.start(args);
        assertThat(warm).isPresent();

        CliRun run = run(warm, args);

        assertThat(run.status()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThatThrownBy(() -> warm.get().connect(Optional.of(kubeconfig), Optional.empty()))
                .isInstanceOf(ProvisionException.class).hasMessageContaining("closed");
    }

    @Test
    void shouldReportABadKubeconfigExactlyAsWithoutTheWarmUp(@TempDir Path scratch) throws Exception {
        Path unreadable = Files.writeString(scratch.resolve("broken"), "users:\n- name: a\n  user: {token: sekrit}\n"
                + "  : [unclosed\n");
        Path noContext = Files.writeString(scratch.resolve("empty"), "apiVersion: v1\nkind: Config\n");
        for (List<String> cluster : List.of(List.of("--kubeconfig", scratch.resolve("missing").toString()),
                List.of("--kubeconfig", unreadable.toString()), List.of("--kubeconfig", noContext.toString()),
                List.of("--kubeconfig", noContext.toString(), "--context", "nowhere"))) {
            List<String> words = new ArrayList<>(List.of("provision", HELLO_WEB.toString(), "--no-git", "--driver",
                    "existing"));
            words.addAll(cluster);
            String[] args = words.toArray(String[]::new);

            CliRun warm = run(ClusterWarmUp.start(args), args);
            CliRun cold = run(Optional.empty(), args);

            assertThat(warm.status()).as(warm.out()).isEqualTo(ExitCodes.ENVIRONMENT).isEqualTo(cold.status());
            assertThat(withoutTimes(warm.out())).isEqualTo(withoutTimes(cold.out())).doesNotContain("sekrit");
            assertThat(withoutTimes(warm.err())).isEqualTo(withoutTimes(cold.err()));
        }
    }

    /** The words as Main.main runs them, over {@code warm}. */
    private static CliRun run(Optional<KubeConnections> warm, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(new PrintWriter(out), new PrintWriter(err), warm, args);
        return new CliRun(status, out.toString(), err.toString());
    }

    /** The text without its durations and elapsed times, which differ from run to run. */
    private static String withoutTimes(String text) {
        return text.replaceAll("[0-9]+(\\.[0-9]+)? ?(ms|s)\\b", "T").replaceAll("\\[ *T\\]", "[T]");
    }
}

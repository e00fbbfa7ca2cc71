package io.ascent.controlplane.provision;

import static io.ascent.controlplane.provision.ProvisionFixtures.namespaceExists;
import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.controlplane.ClusterAccess;
import io.ascent.controlplane.ControlPlaneExtension;
import io.ascent.controlplane.ControlPlaneBinaries;
import io.ascent.controlplane.FakeKind;
import io.ascent.controlplane.KwokStageLabels;
import io.ascent.core.provision.preflight.Probes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to {@code ascent provision} mid-rollout or mid-teardown, on either driver: the namespace or cluster is
 * deleted and the report written, saying interrupted, with the signal's exit status.
 */
@ExtendWith(ControlPlaneExtension.class)
class ProvisionSigtermTest {

    private static final Pattern NAMESPACE = Pattern.compile("created namespace (\\S+)");

    @TempDir
    Path temp;

    @Test
    void shouldDeleteTheNamespaceAndWriteAnInterruptedReportOnSigterm(ClusterAccess cluster) throws Exception {
        Path app = ProvisionFixtures.application(temp.resolve("stuck"), "stuck",
                ", " + KwokStageLabels.SIMULATE + ": never-ready", "5m");
        Path stderr = temp.resolve("stderr.txt");
        Path report = temp.resolve("report.json");
        Path text = temp.resolve("report.txt");
        int exit = provisionUntilSigterm(existing(cluster, app), Map.of(), "deploy: applied Deployment/stuck", stderr,
                null, "--format", "json", "--output", report.toString(), "--format", "text", "--output",
                text.toString());

        String log = Files.readString(stderr);
        assertThat(exit).as(log).isEqualTo(143);
        Matcher namespace = NAMESPACE.matcher(log);
        assertThat(namespace.find()).as(log).isTrue();
        assertThat(namespaceExists(cluster, namespace.group(1))).as("namespace deleted; " + log).isFalse();
        assertThat(log).contains("teardown: namespace " + namespace.group(1) + " deleted");
        JSONObject json = new JSONObject(Files.readString(report));
        assertThat(json.toString()).contains("interrupted during deploy");
        assertThat(json.getBoolean("interrupted")).isTrue();
        // what the report says the run ended with is what it ended with
        assertThat(json.getInt("exitStatus")).isEqualTo(143);
        assertThat(Files.readString(text)).contains("result: INTERRUPTED (exit 143)");
    }

    @Test
    void shouldFinishDeletingTheNamespaceAndReportInterruptedOnSigtermDuringTeardown(ClusterAccess cluster)
            throws Exception {
        Path app = ProvisionFixtures.application(temp.resolve("quick"), "quick", "", "5m");
        Path stderr = temp.resolve("stderr.txt");
        Path report = temp.resolve("report.json");
        // the namespace's pods take kwok seconds to delete: the signal lands while teardown waits for them
        int exit = provisionUntilSigterm(existing(cluster, app), Map.of(), "teardown ...", stderr, null, "--format",
                "json", "--output", report.toString());

        String log = Files.readString(stderr);
        assertThat(exit).as(log).isEqualTo(143);
        Matcher namespace = NAMESPACE.matcher(log);
        assertThat(namespace.find()).as(log).isTrue();
        assertThat(log).as("the teardown saw its deletion through").contains("teardown: namespace "
                + namespace.group(1) + " deleted");
        assertThat(namespaceExists(cluster, namespace.group(1))).as("namespace deleted; " + log).isFalse();
        JSONObject json = new JSONObject(Files.readString(report));
        assertThat(json.getBoolean("interrupted")).as(json.toString()).isTrue();
        assertThat(json.getInt("exitStatus")).isEqualTo(143);
        assertThat(json.toString()).contains("interrupted during teardown").doesNotContain("was interrupted");
    }

    /**
     * SIGTERM while {@code kind delete cluster} runs, to the CLI alone (a {@code kill}) or to kind too (Ctrl-C reaches
     * the terminal's whole process group, a Jenkins abort the whole process tree): the cluster is deleted all the
     * same, a killed delete run once more, and the report says interrupted with exit 143.
     */
    @ParameterizedTest(name = "kind signalled too: {0}")
    @ValueSource(booleans = {false, true})
    void shouldFinishDeletingTheKindClusterAndReportInterruptedOnSigtermDuringItsDeletion(boolean kindToo,
            ControlPlaneBinaries binaries) throws Exception {
        FakeKind kind = new FakeKind(binaries, "sigterm-" + kindToo + "-" + System.nanoTime());
        try {
            kind.env.put("FAKE_KIND_SLOW_DELETE", "3");
            Path bin = Files.createDirectories(temp.resolve("bin"));
            Path docker = bin.resolve("docker"); // the agent's container engine, healthy: this machine has none
            Files.writeString(docker, "#!/bin/sh\n[ \"$1\" = info ] && { cat <<'EOF'\n" + KindProvisionTest.HEALTHY_DOCKER
                    + "\nEOF\nexit 0; }\necho 'Docker version 27.3.1, build ce12230'\n");
            Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwxr-xr-x"));
            Map<String, String> env = new HashMap<>(kind.env);
            env.put("PATH", bin + java.io.File.pathSeparator + System.getenv("PATH"));
            env.put(Probes.KIND_EXECUTABLE, kind.executable.toString());
            Path app = ProvisionFixtures.helloWebWithoutHttpTests(temp.resolve("hello-web"));
            Path stderr = temp.resolve("stderr.txt");
            Path report = temp.resolve("report.json");

            int exit = provisionUntilSigterm(List.of(app.toString(), "--no-git", "--driver", "kind"), env,
                    "kind: deleting cluster", stderr, kindToo ? "delete cluster" : null, "--format", "json",
                    "--output", report.toString());

            String log = Files.readString(stderr);
            assertThat(exit).as(log).isEqualTo(143);
            assertThat(kind.clusters()).as("the cluster is gone; " + log).isEmpty();
            long deletes = Files.readString(kind.log).lines().filter(line -> line.contains("delete cluster")).count();
            assertThat(deletes).as("a killed delete is run again; " + log).isEqualTo(kindToo ? 2 : 1);
            JSONObject json = new JSONObject(Files.readString(report));
            assertThat(json.getBoolean("interrupted")).as(json.toString()).isTrue();
            assertThat(json.getInt("exitStatus")).isEqualTo(143);
            assertThat(json.toString()).contains("interrupted during teardown", "deleted")
                    .doesNotContain("may still exist");
        } finally {
            kind.stopAll();
        }
    }

    private static List<String> existing(ClusterAccess cluster, Path app) {
        return List.of(app.toString(), "--no-git", "--kubeconfig", cluster.kubeconfig().toString());
    }

    /**
     * Runs {@code ascent provision ARGS} in a JVM of its own (the test JVM's class path holds the CLI) with
     * {@code env} added to its environment, sends it SIGTERM once its progress on {@code stderr} shows
     * {@code marker} (and to its descendant whose command line holds {@code alsoSignal}, when given), and returns
     * its exit status.
     */
    private int provisionUntilSigterm(List<String> args, Map<String, String> env, String marker, Path stderr,
            String alsoSignal, String... output) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), "io.ascent.cli.Main", "provision"));
        command.addAll(args);
        command.addAll(List.of(output));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile())
                .redirectOutput(temp.resolve("stdout.txt").toFile());
        builder.environment().remove("DOCKER_HOST");
        builder.environment().putAll(env);
        Process cli = builder.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
            while (!Files.readString(stderr).contains(marker)) {
                assertThat(cli.isAlive()).as(Files.readString(stderr)).isTrue();
                assertThat(System.nanoTime()).as(marker + " not seen: " + Files.readString(stderr))
                        .isLessThan(deadline);
                TimeUnit.MILLISECONDS.sleep(20);
            }
            Optional<ProcessHandle> child = Optional.empty();
            while (alsoSignal != null && child.isEmpty()) {
                child = cli.descendants().filter(p -> p.info().commandLine().orElse("").contains(alsoSignal))
                        .findFirst();
                assertThat(System.nanoTime()).as(alsoSignal + " never ran: " + Files.readString(stderr))
                        .isLessThan(deadline);
                TimeUnit.MILLISECONDS.sleep(20);
            }
            cli.destroy(); // SIGTERM
            child.ifPresent(ProcessHandle::destroy);
            assertThat(cli.waitFor(150, TimeUnit.SECONDS)).as("the CLI exits after SIGTERM").isTrue();
            return cli.exitValue();
        } finally {
            cli.destroyForcibly();
        }
    }
}

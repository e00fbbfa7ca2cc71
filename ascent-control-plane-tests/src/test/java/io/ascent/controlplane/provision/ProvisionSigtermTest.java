package io.ascent.controlplane.provision;

import static io.ascent.controlplane.provision.ProvisionFixtures.namespaceExists;
import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.controlplane.ClusterAccess;
import io.ascent.controlplane.ControlPlaneExtension;
import io.ascent.controlplane.KwokStageLabels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C or SIGTERM to {@code ascent provision} mid-rollout: the namespace is deleted and the report written. */
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
        int exit = provisionUntilSigterm(cluster, app, "deploy: applied Deployment/stuck", stderr, "--format", "json",
                "--output", report.toString(), "--format", "text", "--output", text.toString());

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
        int exit = provisionUntilSigterm(cluster, app, "teardown ...", stderr, "--format", "json", "--output",
                report.toString());

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
     * Runs {@code ascent provision APP} in a JVM of its own (the test JVM's class path holds the CLI), sends it
     * SIGTERM once its progress on {@code stderr} shows {@code marker}, and returns its exit status.
     */
    private int provisionUntilSigterm(ClusterAccess cluster, Path app, String marker, Path stderr, String... output)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), "io.ascent.cli.Main", "provision", app.toString(),
                "--no-git", "--kubeconfig", cluster.kubeconfig().toString()));
        command.addAll(List.of(output));
        Process cli = new ProcessBuilder(command).redirectError(stderr.toFile())
                .redirectOutput(temp.resolve("stdout.txt").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!Files.readString(stderr).contains(marker)) {
                assertThat(cli.isAlive()).as(Files.readString(stderr)).isTrue();
                assertThat(System.nanoTime()).as(marker + " not seen: " + Files.readString(stderr))
                        .isLessThan(deadline);
                TimeUnit.MILLISECONDS.sleep(20);
            }
            cli.destroy(); // SIGTERM
            assertThat(cli.waitFor(90, TimeUnit.SECONDS)).as("the CLI exits after SIGTERM").isTrue();
            return cli.exitValue();
        } finally {
            cli.destroyForcibly();
        }
    }
}

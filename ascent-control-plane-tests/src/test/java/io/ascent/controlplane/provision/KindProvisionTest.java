package io.ascent.controlplane.provision;

import static io.ascent.controlplane.provision.ProvisionFixtures.describe;
import static io.ascent.controlplane.provision.ProvisionFixtures.items;
import static io.ascent.controlplane.provision.ProvisionFixtures.phase;
import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.controlplane.ControlPlaneBinaries;
import io.ascent.controlplane.ControlPlaneExtension;
import io.ascent.controlplane.FakeKind;
import io.ascent.core.Ascent;
import io.ascent.core.provision.ProvisionOptions;
import io.ascent.core.provision.Provisioner;
import io.ascent.core.provision.RunName;
import io.ascent.core.provision.command.CommandResult;
import io.ascent.core.provision.command.CommandRunner;
import io.ascent.core.provision.preflight.LocalHostFiles;
import io.ascent.core.provision.preflight.Probes;
import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import io.ascent.core.report.Status;
import io.ascent.core.report.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ascent provision --driver kind} end to end: the provisioner's preflight, the kind driver against the fake
 * {@code kind} (whose clusters are real control planes), deploy, tests and teardown. The agent's container engine
 * is the one thing recorded: this machine has no Docker daemon.
 */
@ExtendWith(ControlPlaneExtension.class)
class KindProvisionTest {

    /** What {@code docker info} says on a healthy cgroup v2 agent. */
    static final String HEALTHY_DOCKER = "{\"ID\":\"7c1f\",\"ServerVersion\":\"27.3.1\","
            + "\"OperatingSystem\":\"Ubuntu 24.04.1 LTS\",\"OSType\":\"linux\",\"KernelVersion\":\"6.8.0-48-generic\","
            + "\"CgroupDriver\":\"systemd\",\"CgroupVersion\":\"2\",\"DockerRootDir\":\"/tmp\","
            + "\"SecurityOptions\":[\"name=seccomp,profile=builtin\",\"name=cgroupns\"],\"Name\":\"agent\","
            + "\"ClientInfo\":{\"Version\":\"27.3.1\"}}";

    @TempDir
    Path temp;

    private FakeKind kind;

    @AfterEach
    void stopWhateverIsLeft() throws InterruptedException {
        if (kind != null) {
            kind.stopAll();
        }
    }

    @Test
    void shouldDeployHelloWebThroughTheKindDriverAndDeleteTheCluster(ControlPlaneBinaries binaries) throws Exception {
        kind = new FakeKind(binaries, "provision-" + System.nanoTime());
        Path app = ProvisionFixtures.helloWebWithoutHttpTests(temp.resolve("hello-web"));
        ProvisionFixtures.RecordingProgress progress = new ProvisionFixtures.RecordingProgress();

        Report report = provision(app, progress);

        assertThat(report.verdict()).as(describe(report) + progress.lines).isEqualTo(Verdict.PASSED);
        for (String name : new String[] {"validate", "preflight", "cluster", "deploy", "tests", "teardown"}) {
            assertThat(phase(report, name).status()).as(name).isEqualTo(Status.PASS);
        }
        assertThat(items(report, "preflight.container-engine").get(0).status()).isEqualTo(Status.PASS);
        assertThat(items(report, "preflight.node-image").get(0).status()).isEqualTo(Status.PASS);
        String cluster = items(report, "provision.cluster").get(0).message().replaceAll(".*cluster (\\S+).*", "$1");
        assertThat(RunName.parse(cluster)).as("gc recognises " + cluster).isPresent();
        assertThat(Files.readString(kind.log)).contains("create cluster --name " + cluster + " --config ");
        assertThat(items(report, "provision.test").get(0).status()).isEqualTo(Status.PASS);
        assertThat(items(report, "provision.teardown").get(0).message()).isEqualTo("cluster " + cluster + " deleted");
        assertThat(kind.clusters()).isEmpty();
    }

    /** The kind driver labels the cluster's default namespace, where the run deploys, once the cluster is ready. */
    @Test
    void shouldMakeTheDefaultNamespaceEnforceTheChecklistsPodSecurityLevel(ControlPlaneBinaries binaries)
            throws Exception {
        kind = new FakeKind(binaries, "provision-psa-" + System.nanoTime());
        Path app = ProvisionFixtures.applicationBreakingRestricted(temp.resolve("restricted"), "restricted");
        ProvisionFixtures.RecordingProgress progress = new ProvisionFixtures.RecordingProgress();

        Report report = provision(app, progress);

        assertThat(report.verdict()).as(describe(report) + progress.lines).isEqualTo(Verdict.FAILED);
        assertThat(progress.lines).contains("cluster: namespace default enforces PodSecurity restricted (v1.35)");
        Item rollout = items(report, "provision.rollout").get(0);
        assertThat(rollout.status()).isEqualTo(Status.FAIL);
        assertThat(rollout.message()).contains("violates PodSecurity \"restricted:v1.35\"");
        assertThat(kind.clusters()).isEmpty();
    }

    @Test
    void shouldTearDownACreateThatFailedHalfWayAndSayWhyWithKindsLogs(ControlPlaneBinaries binaries)
            throws Exception {
        kind = new FakeKind(binaries, "provision-fail-" + System.nanoTime());
        kind.env.put("FAKE_KIND_FAIL", "create");
        Path app = ProvisionFixtures.helloWebWithoutHttpTests(temp.resolve("hello-web"));

        Report report = provision(app, new ProvisionFixtures.RecordingProgress());

        assertThat(report.verdict()).as(describe(report)).isEqualTo(Verdict.ENVIRONMENT_ERROR);
        Item cluster = items(report, "provision.cluster").get(0);
        assertThat(cluster.status()).isEqualTo(Status.ERROR);
        assertThat(cluster.message()).contains("kind could not create cluster ascent-", "exited with status 1",
                "kind's exported logs: ");
        Path logs = Path.of(cluster.message().replaceAll("(?s).*kind's exported logs: (\\S+).*", "$1"));
        try {
            assertThat(logs).isDirectory();
            assertThat(cluster.remediation()).as("points at where the logs are now").contains(logs.toString());
            try (Stream<Path> files = Files.walk(logs)) {
                assertThat(files).anyMatch(path -> path.getFileName().toString().equals("kube-apiserver.log"));
            }
            assertThat(Files.readString(kind.log)).contains("delete cluster --name ");
            assertThat(kind.clusters()).as("the half-made cluster is gone").isEmpty();
            assertThat(items(report, "provision.phase")).anyMatch(item -> "cluster".equals(item.key())
                    && item.status() == Status.FAIL);
        } finally {
            try (Stream<Path> files = Files.walk(logs)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void shouldFinishDeletingTheClusterAndReportInterruptedWhenInterruptedDuringItsDeletion(
            ControlPlaneBinaries binaries) throws Exception {
        kind = new FakeKind(binaries, "provision-abort-" + System.nanoTime());
        kind.env.put("FAKE_KIND_SLOW_DELETE", "3");
        Path app = ProvisionFixtures.helloWebWithoutHttpTests(temp.resolve("hello-web"));
        ProvisionFixtures.RecordingProgress progress = new ProvisionFixtures.RecordingProgress();

        ProvisionInterruptionTest.Interrupted run = ProvisionInterruptionTest.interruptWhenProgressShows(
                "kind: deleting cluster", progress, () -> provision(app, progress));

        Report report = run.report();
        String cluster = items(report, "provision.cluster").get(0).message().replaceAll(".*cluster (\\S+).*", "$1");
        ProvisionInterruptionTest.assertTearDownFinishedAndInterrupted(report, run, "cluster " + cluster + " deleted");
        assertThat(kind.clusters()).as("the cluster is gone").isEmpty();
        assertThat(run.stopping()).as("the run waited for kind's slow delete").isGreaterThan(Duration.ofSeconds(2));
    }

    private Report provision(Path app, ProvisionFixtures.RecordingProgress progress) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(kind.env);
        env.put(Probes.KIND_EXECUTABLE, kind.executable.toString());
        env.remove("DOCKER_HOST");
        CommandRunner fake = kind.runner();
        CommandRunner agent = (argv, extra, timeout) -> argv.get(0).equals("docker")
                ? CommandResult.exited(argv, 0, HEALTHY_DOCKER, "")
                : fake.run(argv, extra, timeout);
        Ascent ascent = new Ascent();
        return new Provisioner(Clock.systemUTC(), ascent::validate, new Probes(agent, new LocalHostFiles(), env))
                .run(ProvisionOptions.builder(app).driver("kind").noGit(true).build(), progress);
    }
}

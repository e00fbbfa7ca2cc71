package io.ascent.core.provision.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.progress.ProgressListener;
import io.ascent.core.provision.ClusterRequest;
import io.ascent.core.report.Item;
import io.ascent.core.report.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PreflightTest {

    private static final String V1_31_14 =
            "kindest/node:v1.31.14@sha256:6f86cf509dbb42767b6e79debc3f2c32e4ee01386f0489b3b2be24b0a55aac2b";

    static ClusterRequest request(String version, String image) {
        return new ClusterRequest("ascent-20261130-010203-abcdef", Optional.ofNullable(version),
                Optional.ofNullable(image), Optional.empty(), Optional.empty(), Optional.empty(),
                Path.of("/tmp/ascent-work"), Duration.ofMinutes(5), Map.of());
    }

    static PreflightResult run(FakeHost host, String version, String image) throws InterruptedException {
        return PreflightChecks.forDriver("kind").run(request(version, image), host.probes(), ProgressListener.SILENT);
    }

    static Item item(PreflightResult result, PreflightRule rule) {
        return result.items().stream().filter(i -> i.id().equals(rule.id())).findFirst().orElseThrow();
    }

    @Test
    void shouldPassEverythingOnAHealthyCgroupV2SystemdAgent() throws InterruptedException {
        FakeHost host = FakeHost.systemdCgroupV2().docker(FakeHost.HEALTHY_DOCKER).kind("v0.31.0").kubectl("v1.31.2");

        PreflightResult result = run(host, "1.31", null);

        assertThat(result.items()).extracting(Item::status).containsOnly(Status.PASS);
        assertThat(result.passed()).isTrue();
        assertThat(item(result, PreflightRule.CONTAINER_ENGINE).message())
                .contains("docker 27.3.1 on Ubuntu 24.04.1 LTS", "cgroup v2", "systemd driver");
        assertThat(result.nodeImage().orElseThrow().reference()).contains(V1_31_14);
        assertThat(item(result, PreflightRule.CGROUPS).message()).contains("PID 1: systemd");
        assertThat(result.items()).allSatisfy(i -> assertThat(i.duration()).isNotNull());
    }

    @Test
    void shouldFailAnAlpineOpenRcCgroupV1HostWithKind2236AndTheDurableFix() throws InterruptedException {
        FakeHost host = FakeHost.alpineOpenRc().docker(FakeHost.ALPINE_OPENRC_DOCKER).kind("v0.31.0");

        PreflightResult result = run(host, "1.31", null);

        Item cgroups = item(result, PreflightRule.CGROUPS);
        assertThat(cgroups.status()).isEqualTo(Status.FAIL);
        assertThat(cgroups.message()).contains("cgroup v1 without systemd", "cgroup-root [\"kubelet\"] doesn't exist",
                "#2236", "Alpine Linux v3.19", "PID 1: init (OpenRC)", "hybrid");
        assertThat(cgroups.remediation()).contains("rc_cgroup_mode=\"unified\"", "cgroup v2");
        assertThat(result.passed()).isFalse();
        assertThat(result.environmentFailed()).isFalse();
    }

    @Test
    void shouldFailAlpineFromTheEngineReportEvenWhenTheEngineIsRemote() throws InterruptedException {
        // Ascent runs on a systemd machine; the engine it talks to is an Alpine host: the engine decides.
        FakeHost host = FakeHost.systemdCgroupV2().docker(FakeHost.ALPINE_OPENRC_DOCKER).kind("v0.31.0")
                .env("DOCKER_HOST", "tcp://alpine-agent:2376");

        Item cgroups = item(run(host, "1.31", null), PreflightRule.CGROUPS);

        assertThat(cgroups.status()).isEqualTo(Status.FAIL);
        assertThat(cgroups.message()).contains("#2236", "this machine is not the engine's host");
    }

    @Test
    void shouldFailCgroupV1WithANodeImageOf135OrNewer() throws InterruptedException {
        FakeHost host = FakeHost.systemdCgroupV2().docker(FakeHost.HEALTHY_DOCKER
                .replace("\"CgroupVersion\":\"2\"", "\"CgroupVersion\":\"1\"")).kind("v0.31.0");

        PreflightResult newer = run(host, "1.35", null);
        PreflightResult older = run(host, "1.34", null);

        assertThat(item(newer, PreflightRule.CGROUPS).status()).isEqualTo(Status.FAIL);
        assertThat(item(newer, PreflightRule.CGROUPS).message()).contains("1.35.0", "refuses to start on cgroup v1");
        assertThat(item(older, PreflightRule.CGROUPS).status()).isEqualTo(Status.WARN);
        assertThat(item(older, PreflightRule.CGROUPS).message()).contains("disagrees with the engine");
    }

    @Test
    void shouldFailARootlessEngineOnCgroupV1() throws InterruptedException {
        FakeHost host = FakeHost.systemdCgroupV2().docker(FakeHost.HEALTHY_DOCKER
                .replace("\"CgroupVersion\":\"2\"", "\"CgroupVersion\":\"1\"")
                .replace("\"name=cgroupns\"", "\"name=rootless\"")).kind("v0.31.0");

        Item cgroups = item(run(host, "1.31", null), PreflightRule.CGROUPS);

        assertThat(cgroups.status()).isEqualTo(Status.FAIL);
        assertThat(cgroups.message()).contains("rootless engine on cgroup v1");
    }

    @Test
    void shouldAcceptRootlessPodmanOnCgroupV2() throws InterruptedException {
        FakeHost host = FakeHost.systemdCgroupV2().podman(FakeHost.ROOTLESS_PODMAN).kind("v0.31.0")
                .env("KIND_EXPERIMENTAL_PROVIDER", "podman");

        PreflightResult result = run(host, "1.31", null);

        assertThat(item(result, PreflightRule.CONTAINER_ENGINE).status()).isEqualTo(Status.PASS);
        assertThat(item(result, PreflightRule.CONTAINER_ENGINE).message())
                .contains("podman 5.2.5 on fedora 41", "rootless", "KIND_EXPERIMENTAL_PROVIDER");
        assertThat(item(result, PreflightRule.CGROUPS).status()).isEqualTo(Status.PASS);
        assertThat(host.ran).doesNotContain(FakeHost.DOCKER_INFO);
    }

    @Test
    void shouldFailRootlessPodmanWithoutDelegatedControllers() throws InterruptedException {
        // systemd's default delegates only memory and pids to a user: no cpu controller, kind refuses
        FakeHost host = FakeHost.systemdCgroupV2().podman(FakeHost.ROOTLESS_PODMAN
                .replace("\"cpuset\",\"cpu\",\"io\",", "")).kind("v0.31.0").env("KIND_EXPERIMENTAL_PROVIDER", "podman");

        Item cgroups = item(run(host, "1.31", null), PreflightRule.CGROUPS);

        assertThat(cgroups.status()).isEqualTo(Status.FAIL);
        assertThat(cgroups.message()).contains("cannot limit memory, pids and CPU shares");
        assertThat(cgroups.remediation()).contains("Delegate=yes");
    }

    @Test
    void shouldTrustDockerDesktopsVmAndSkipThisMachinesLimits() throws InterruptedException {
        // This machine (a Mac seen as Linux here) reads cgroup v1 and low limits; Desktop's VM is cgroup v2.
        FakeHost host = FakeHost.alpineOpenRc().docker(FakeHost.DOCKER_DESKTOP).kind("v0.31.0");

        PreflightResult result = run(host, "1.31", null);

        assertThat(item(result, PreflightRule.CONTAINER_ENGINE).message()).contains("Docker Desktop's VM");
        assertThat(item(result, PreflightRule.CGROUPS).status()).isEqualTo(Status.PASS);
        assertThat(item(result, PreflightRule.CGROUPS).message()).doesNotContain("PID 1");
        assertThat(item(result, PreflightRule.INOTIFY).status()).isEqualTo(Status.SKIP);
        assertThat(item(result, PreflightRule.DISK).status()).isEqualTo(Status.SKIP);
    }

    @Test
    void shouldStopWithTheFixWhenTheDockerClientHasNoDaemon() throws InterruptedException {
        FakeHost host = FakeHost.systemdCgroupV2().deadDocker().kind("v0.31.0");

        PreflightResult result = run(host, "1.31", null);

        Item engine = item(result, PreflightRule.CONTAINER_ENGINE);
        assertThat(result.environmentFailed()).isTrue();
        assertThat(result.passed()).isFalse();
        assertThat(engine.status()).isEqualTo(Status.ERROR);
        assertThat(engine.errorKind()).isEqualTo(io.ascent.core.report.ErrorKind.ENVIRONMENT);
        assertThat(engine.message()).contains("no docker daemon answers",
                "Cannot connect to the Docker daemon at unix:///var/run/docker.sock");
        assertThat(engine.remediation()).contains("sudo systemctl start docker", "rc-service docker start",
                "--driver existing");
        // the local host still tells what kind would meet once the daemon runs
        assertThat(item(result, PreflightRule.CGROUPS).message()).contains("the local engine did not answer");
    }

    @Test
    void shouldFailWhenNoContainerEngineClientIsInstalled() throws InterruptedException {
        FakeHost host = FakeHost.systemdCgroupV2().kind("v0.31.0");

        PreflightResult result = run(host, "1.31", null);

        assertThat(result.environmentFailed()).isTrue();
        assertThat(item(result, PreflightRule.CONTAINER_ENGINE).message()).contains("docker, podman or nerdctl");
        assertThat(host.ran).contains(FakeHost.DOCKER_INFO, FakeHost.PODMAN_INFO);
    }

    @Test
    void shouldFailAProviderKindDoesNotKnow() throws InterruptedException {
        FakeHost host = FakeHost.systemdCgroupV2().docker(FakeHost.HEALTHY_DOCKER).kind("v0.31.0")
                .env("KIND_EXPERIMENTAL_PROVIDER", "lxc");

        Item engine = item(run(host, "1.31", null), PreflightRule.CONTAINER_ENGINE);

        assertThat(engine.status()).isEqualTo(Status.ERROR);
        assertThat(engine.message()).contains("lxc");
        assertThat(engine.remediation()).contains("nerdctl.lima");
    }

    @Test
    void shouldFailTheSeedsRequestFor1221NamingTheKindReleasesWithA122Image() throws InterruptedException {
        FakeHost host = FakeHost.systemdCgroupV2().docker(FakeHost.HEALTHY_DOCKER).kind("v0.31.0");

        PreflightResult result = run(host, "1.22.1", null);

        Item image = item(result, PreflightRule.NODE_IMAGE);
        assertThat(image.status()).isEqualTo(Status.FAIL);
        assertThat(image.message()).contains("kind v0.31.0 has no node image for Kubernetes 1.22.1",
                "1.22.17 (kind v0.20.0, v0.19.0, v0.18.0)", "1.22.15 (kind v0.17.0)");
        assertThat(image.remediation()).contains("kind build node-image v1.22.1");
        assertThat(result.passed()).isFalse();
    }

    @Test
    void shouldFailA122RequestWithoutKindInstalledToo() throws InterruptedException {
        FakeHost host = FakeHost.systemdCgroupV2().docker(FakeHost.HEALTHY_DOCKER);

        PreflightResult result = run(host, "1.22.1", null);

        assertThat(item(result, PreflightRule.KIND).status()).isEqualTo(Status.ERROR);
        assertThat(item(result, PreflightRule.KIND).remediation()).contains("go install sigs.k8s.io/kind@v0.33.0");
        assertThat(result.environmentFailed()).isTrue();
        assertThat(item(result, PreflightRule.NODE_IMAGE).status()).isEqualTo(Status.FAIL);
        assertThat(item(result, PreflightRule.NODE_IMAGE).message()).contains("No kind release from v0.17.0");
    }

    @Test
    void shouldNameTheKindReleaseThatHasAnImageTheInstalledOneLacks() throws InterruptedException {
        FakeHost host = FakeHost.systemdCgroupV2().docker(FakeHost.HEALTHY_DOCKER).kind("v0.31.0");

        Item image = item(run(host, "1.22", null), PreflightRule.NODE_IMAGE);

        assertThat(image.status()).isEqualTo(Status.FAIL);
        assertThat(image.message()).contains("Kind releases with an image for 1.22: 1.22.17 (kind v0.20.0, v0.19.0, "
                + "v0.18.0), 1.22.15 (kind v0.17.0)");
        assertThat(image.remediation()).startsWith("install kind v0.20.0");
    }

    @Test
    void shouldWarnAboutAPinnedImageBuiltForAnotherKindRelease() throws InterruptedException {
        FakeHost host = FakeHost.systemdCgroupV2().docker(FakeHost.HEALTHY_DOCKER).kind("v0.32.0");

        Item image = item(run(host, "1.31", V1_31_14), PreflightRule.NODE_IMAGE);

        assertThat(image.status()).isEqualTo(Status.WARN);
        assertThat(image.message()).contains("built for kind v0.31.0, not for the installed v0.32.0");
        assertThat(image.remediation()).contains("install kind v0.31.0");
    }

    @Test
    void shouldWarnAboutAKindReleaseOlderThanTheTable() throws InterruptedException {
        FakeHost host = FakeHost.systemdCgroupV2().docker(FakeHost.HEALTHY_DOCKER).kind("v0.11.1");

        PreflightResult result = run(host, "1.31", null);

        assertThat(item(result, PreflightRule.KIND).status()).isEqualTo(Status.WARN);
        assertThat(item(result, PreflightRule.KIND).message()).contains("older than the releases Ascent knows");
        assertThat(item(result, PreflightRule.NODE_IMAGE).status()).isEqualTo(Status.SKIP);
    }

    @Test
    void shouldWarnAboutKubectlSkewLowInotifyLimitsAndLittleDisk() throws InterruptedException {
        FakeHost host = FakeHost.systemdCgroupV2().docker(FakeHost.HEALTHY_DOCKER).kind("v0.31.0").kubectl("v1.28.4");
        host.files.put(java.nio.file.Path.of("/proc/sys/fs/inotify/max_user_watches"), "8192\n");
        host.free = 2L << 30;

        PreflightResult result = run(host, "1.31", null);

        assertThat(item(result, PreflightRule.KUBECTL).status()).isEqualTo(Status.WARN);
        assertThat(item(result, PreflightRule.KUBECTL).message()).contains("kubectl 1.28 is 3 minor versions");
        assertThat(item(result, PreflightRule.INOTIFY).status()).isEqualTo(Status.WARN);
        assertThat(item(result, PreflightRule.INOTIFY).remediation()).contains("fs.inotify.max_user_watches=524288");
        assertThat(item(result, PreflightRule.DISK).status()).isEqualTo(Status.WARN);
        assertThat(item(result, PreflightRule.DISK).message()).contains("/var/lib/docker", "2.0 GiB free");
        assertThat(result.passed()).isTrue();
    }

    @Test
    void shouldWarnWhenLessThanATenthOfTheDiskIsFree() throws InterruptedException {
        FakeHost host = FakeHost.systemdCgroupV2().docker(FakeHost.HEALTHY_DOCKER).kind("v0.31.0");
        host.free = 40L << 30;
        host.total = 1000L << 30;

        assertThat(item(run(host, "1.31", null), PreflightRule.DISK).status()).isEqualTo(Status.WARN);
    }

    @Test
    void shouldProbeTheEngineOnceForAllChecks() throws InterruptedException {
        FakeHost host = FakeHost.systemdCgroupV2().docker(FakeHost.HEALTHY_DOCKER).kind("v0.31.0");

        run(host, "1.31", null);

        assertThat(host.ran.stream().filter(FakeHost.DOCKER_INFO::equals)).hasSize(1);
        assertThat(host.ran.stream().filter(FakeHost.KIND_VERSION::equals)).hasSize(1);
    }

    @Test
    void shouldHaveNoChecksOfItsOwnForTheExistingDriver() {
        assertThat(PreflightChecks.forDriver("existing").checkIds()).isEmpty();
        assertThat(PreflightChecks.forDriver("kind").checkIds()).startsWith("preflight.container-engine");
    }
}

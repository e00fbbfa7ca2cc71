package io.ascent.core.provision.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.DoctorOptions;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import io.ascent.core.report.Status;
import io.ascent.core.report.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import io.ascent.core.provision.kind.NodeImagePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoctorTest {

    @TempDir
    Path dir;

    private void checklist(String cluster) throws IOException {
        Files.writeString(dir.resolve("ascent.yaml"), """
                apiVersion: ascent.dev/v1
                kind: Checklist
                metadata:
                  name: seed
                provision:
                  cluster:
                %s
                """.formatted(cluster.indent(4).stripTrailing()));
    }

    private Report doctor(FakeHost host, DoctorOptions options) throws InterruptedException {
        return new Doctor(Clock.systemUTC(), host.probes()).run(options, ProgressListener.SILENT);
    }

    @Test
    void shouldCatchTheSeedsAlpineHostAnd1221BeforeAnyClusterExists() throws Exception {
        checklist("driver: kind\nkubernetesVersion: \"1.22.1\"");
        FakeHost host = FakeHost.alpineOpenRc().docker(FakeHost.ALPINE_OPENRC_DOCKER).kind("v0.31.0");

        Report report = doctor(host, DoctorOptions.of(dir));

        assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(report.items()).filteredOn(i -> i.status() == Status.FAIL).extracting(Item::id)
                .containsExactly("preflight.node-image", "preflight.cgroups");
        assertThat(host.ran).noneMatch(argv -> argv.contains("create") || argv.contains("pull"));
    }

    @Test
    void shouldRefuseANodeImageThatIsNotKindsUnlessTheOperatorAllowsItsRepository() throws Exception {
        String digest = "@sha256:6f86cf509dbb42767b6e79debc3f2c32e4ee01386f0489b3b2be24b0a55aac2b";
        checklist("driver: kind\nkubernetesVersion: \"1.31\"\nnodeImage: mirror.corp/kind/node:v1.31.14" + digest);
        FakeHost host = FakeHost.systemdCgroupV2().docker(FakeHost.HEALTHY_DOCKER).kind("v0.31.0");

        Report refused = doctor(host, DoctorOptions.of(dir));

        assertThat(refused.verdict()).isEqualTo(Verdict.INVALID_INPUT);
        assertThat(refused.items()).filteredOn(i -> i.id().equals("provision.kind-host")).singleElement()
                .satisfies(i -> assertThat(i.location().toString()).isEqualTo("ascent.yaml:9:16"));
        assertThat(host.ran).as("preflight not run").isEmpty();

        Report allowed = doctor(host.env(NodeImagePolicy.ENVIRONMENT, "mirror.corp/kind/node"), DoctorOptions.of(dir));

        assertThat(allowed.items()).noneMatch(i -> i.id().equals("provision.kind-host"));
        assertThat(allowed.items()).anyMatch(i -> i.id().equals("preflight.node-image"));
    }

    @Test
    void shouldExitWithEnvironmentErrorWhenNoDaemonAnswers() throws Exception {
        checklist("driver: kind");
        FakeHost host = FakeHost.systemdCgroupV2().deadDocker().kind("v0.31.0");

        Report report = doctor(host, DoctorOptions.of(dir));

        assertThat(report.verdict()).isEqualTo(Verdict.ENVIRONMENT_ERROR);
        assertThat(report.verdict().exitStatus()).isEqualTo(3);
    }

    @Test
    void shouldLetOptionsOverrideTheChecklistAndRunWithoutOne() throws Exception {
        FakeHost host = FakeHost.systemdCgroupV2().docker(FakeHost.HEALTHY_DOCKER).kind("v0.31.0");

        Report report = doctor(host, new DoctorOptions(dir, Optional.empty(), Optional.of("kind"), Optional.of("1.33")));

        assertThat(report.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(report.items()).filteredOn(i -> i.id().equals("preflight.node-image")).singleElement()
                .satisfies(i -> assertThat(i.message()).contains("v1.33.7@sha256:d26ef333"));
    }

    @Test
    void shouldRejectAnUnknownDriverAndABrokenChecklistAsInput() throws Exception {
        FakeHost host = FakeHost.systemdCgroupV2().docker(FakeHost.HEALTHY_DOCKER).kind("v0.31.0");
        Report badDriver = doctor(host, new DoctorOptions(dir, Optional.empty(), Optional.of("minikube"),
                Optional.empty()));
        Files.writeString(dir.resolve("ascent.yaml"), "apiVersion: ascent.dev/v1\nkind: Checklist\nbogus: 1\n");
        Report broken = doctor(host, DoctorOptions.of(dir));

        assertThat(badDriver.verdict()).isEqualTo(Verdict.INVALID_INPUT);
        assertThat(broken.verdict()).isEqualTo(Verdict.INVALID_INPUT);
        assertThat(host.ran).isEmpty();
    }

    @Test
    void shouldRunTheExistingDriversOwnChecksNotKindsForDriverExisting() throws Exception {
        checklist("driver: existing");
        FakeHost host = FakeHost.systemdCgroupV2().deadDocker().kind("v0.31.0");

        Report report = doctor(host, new DoctorOptions(dir, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(dir.resolve("no-such-kubeconfig")), Optional.empty()));

        assertThat(report.verdict()).isEqualTo(Verdict.ENVIRONMENT_ERROR);
        assertThat(report.items()).filteredOn(i -> i.id().equals("provision.preflight.kubeconfig")).singleElement()
                .satisfies(i -> assertThat(i.message()).contains("no-such-kubeconfig", "does not exist"));
        assertThat(report.items()).noneMatch(i -> i.id().startsWith("preflight."));
        assertThat(host.ran).noneMatch(argv -> argv.contains("docker") || argv.contains("kind"));
        // With a kubeconfig, doctor also compares clusterctl with the providers; this agent has no clusterctl.
        assertThat(report.items()).filteredOn(i -> i.id().equals(ClusterctlProviderSkew.ID)).singleElement()
                .satisfies(i -> assertThat(i.status()).isEqualTo(Status.SKIP));
        assertThat(host.ran).contains(List.of("clusterctl", "version", "-o", "json"));
    }
}

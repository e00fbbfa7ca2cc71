package io.ascent.core.provision.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.Ascent;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.provision.ProvisionOptions;
import io.ascent.core.provision.Provisioner;
import io.ascent.core.provision.WebApplication;
import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import io.ascent.core.report.Status;
import io.ascent.core.report.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ascent provision} with the kind driver runs the kind preflight first (the checks {@code ascent doctor}
 * runs) and creates a cluster only when it passes: the agent here is a recorded one, no cluster is needed.
 */
class KindProvisionPreflightTest {

    @TempDir
    Path app;

    @Test
    void shouldStopWithExit3AtPreflightWithoutCreatingAClusterWhenNoDockerDaemonAnswers() throws IOException {
        FakeHost host = FakeHost.systemdCgroupV2().deadDocker().kind("v0.31.0").kubectl("v1.31.2");

        Report report = provision(host);

        assertThat(report.verdict()).isEqualTo(Verdict.ENVIRONMENT_ERROR);
        assertThat(report.verdict().exitStatus()).isEqualTo(3);
        Item engine = only(report, "preflight.container-engine");
        assertThat(engine.status()).isEqualTo(Status.ERROR);
        assertThat(engine.message()).contains("no docker daemon answers");
        assertThat(report.items()).noneMatch(item -> item.id().equals("provision.cluster"));
        assertThat(host.ran).noneMatch(argv -> argv.contains("create"));
    }

    @Test
    void shouldStopAtPreflightOnTheSeedsOpenRcCgroupV1HostWithTheItemDoctorPrints() throws IOException {
        FakeHost host = FakeHost.alpineOpenRc().docker(FakeHost.ALPINE_OPENRC_DOCKER).kind("v0.31.0")
                .kubectl("v1.31.2");

        Report report = provision(host);
        Report doctor = new Doctor(Clock.systemUTC(), host.probes()).run(
                new io.ascent.core.DoctorOptions(app, java.util.Optional.empty(), java.util.Optional.empty(),
                        java.util.Optional.empty()), ProgressListener.SILENT);

        assertThat(report.verdict()).isEqualTo(Verdict.FAILED);
        Item cgroups = only(report, "preflight.cgroups");
        assertThat(cgroups.status()).isEqualTo(Status.FAIL);
        assertThat(cgroups.message()).isEqualTo(only(doctor, "preflight.cgroups").message());
        assertThat(host.ran).noneMatch(argv -> argv.contains("create"));
    }

    @Test
    void shouldCallTheKindNamedByAscentKindOnceEveryCheckPasses() throws IOException {
        FakeHost host = FakeHost.systemdCgroupV2().docker(FakeHost.HEALTHY_DOCKER).kubectl("v1.31.2")
                .env(Probes.KIND_EXECUTABLE, "/opt/tools/kind");
        List<String> version = List.of("/opt/tools/kind", "version");
        host.commands.put(version, io.ascent.core.provision.command.CommandResult.exited(version, 0,
                "kind v0.31.0 go1.25.5 linux/amd64\n", ""));

        Report report = provision(host);

        assertThat(only(report, "preflight.kind").status()).isEqualTo(Status.PASS);
        // Preflight passed, so the driver ran `kind create cluster` with that kind; the recorded agent has no such
        // command, so the cluster phase fails as an environment error and says why.
        assertThat(host.ran).anyMatch(argv -> argv.size() > 3 && argv.subList(0, 3).equals(List.of("/opt/tools/kind", "create",
                "cluster")));
        Item cluster = only(report, "provision.cluster");
        assertThat(cluster.status()).isEqualTo(Status.ERROR);
        assertThat(cluster.message()).contains("kind could not create cluster ascent-");
    }

    @Test
    void shouldStopWithExit3NamingTheEntryWhenKindIsFoundOnlyThroughARelativePathEntry() throws IOException {
        FakeHost host = FakeHost.systemdCgroupV2().docker(FakeHost.HEALTHY_DOCKER).kubectl("v1.31.2");
        host.commands.put(FakeHost.KIND_VERSION, refused(FakeHost.KIND_VERSION, "kind", "tools"));

        Report report = provision(host);

        assertThat(report.verdict().exitStatus()).isEqualTo(3);
        Item kind = only(report, "preflight.kind");
        assertThat(kind.status()).isEqualTo(Status.ERROR);
        assertThat(kind.message()).startsWith("kind was found as tools/kind through the relative PATH entry 'tools'")
                .contains("make that PATH entry absolute");
        assertThat(host.ran).noneMatch(argv -> argv.contains("create"));
    }

    @Test
    void shouldNameTheRelativeEntryWhenTheOnlyContainerEngineClientIsFoundThroughIt() throws IOException {
        FakeHost host = FakeHost.systemdCgroupV2().kind("v0.31.0").kubectl("v1.31.2");
        host.commands.put(FakeHost.DOCKER_INFO, refused(FakeHost.DOCKER_INFO, "docker", ""));

        Report report = provision(host);

        assertThat(report.verdict().exitStatus()).isEqualTo(3);
        assertThat(only(report, "preflight.container-engine").message()).startsWith("the container engine client "
                + "docker was found as docker through the relative PATH entry '' (an empty entry, the current folder)");
    }

    private static io.ascent.core.provision.command.CommandResult refused(List<String> argv, String command,
            String entry) {
        return io.ascent.core.provision.command.CommandResult.refused(argv,
                new io.ascent.core.provision.command.RefusedCommandException(
                        new io.ascent.core.provision.command.CommandLookup.Relative(command, entry,
                                Path.of(entry.isEmpty() ? "." : entry).resolve(command).normalize())));
    }

    @Test
    void shouldNameTheConfiguredKindWhenItIsMissing() throws IOException {
        FakeHost host = FakeHost.systemdCgroupV2().docker(FakeHost.HEALTHY_DOCKER).env(Probes.KIND_EXECUTABLE,
                "/opt/none/kind");

        Report report = provision(host);

        assertThat(report.verdict()).isEqualTo(Verdict.ENVIRONMENT_ERROR);
        assertThat(only(report, "preflight.kind").message()).isEqualTo("kind is not installed (/opt/none/kind was "
                + "not found; it came from --kind or ASCENT_KIND)");
        assertThat(host.ran).noneMatch(argv -> argv.contains("create"));
    }

    @Test
    void shouldRefuseAKindConfigThatIsAFolderAtItsLineBeforePreflight() throws IOException {
        write();
        java.nio.file.Files.writeString(app.resolve("ascent.yaml"), java.nio.file.Files.readString(
                app.resolve("ascent.yaml")).replace("    driver: kind\n", "    driver: kind\n    config: deploy\n"));
        FakeHost host = FakeHost.systemdCgroupV2().docker(FakeHost.HEALTHY_DOCKER).kind("v0.31.0");

        Report report = new Provisioner(Clock.systemUTC(), new Ascent()::validate, host.probes())
                .run(ProvisionOptions.builder(app).noGit(true).build(), ProgressListener.SILENT);

        assertThat(report.verdict()).as(report.items().toString()).isEqualTo(Verdict.INVALID_INPUT);
        // judged in the static validation (as validate judges it), at the checklist's field
        Item refused = only(report, "provision.kind-host");
        assertThat(refused.message()).isEqualTo("provision.cluster.config 'deploy' is a folder, not a file");
        assertThat(refused.location().toString()).isEqualTo("ascent.yaml:13:13");
        assertThat(report.items()).noneMatch(item -> item.id().equals("provision.cluster"));
        assertThat(host.ran).isEmpty();
    }

    private Report provision(FakeHost host) throws IOException {
        write();
        Ascent ascent = new Ascent();
        return new Provisioner(Clock.systemUTC(), ascent::validate, host.probes())
                .run(ProvisionOptions.builder(app).noGit(true).build(), ProgressListener.SILENT);
    }

    private static Item only(Report report, String id) {
        List<Item> items = report.items().stream().filter(item -> item.id().equals(id)).toList();
        assertThat(items).as(report.items().toString()).hasSize(1);
        return items.get(0);
    }

    private void write() throws IOException {
        WebApplication.write(app, "kind", "1.31", "");
    }
}

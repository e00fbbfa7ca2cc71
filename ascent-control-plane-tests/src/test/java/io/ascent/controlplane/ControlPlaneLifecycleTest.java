package io.ascent.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proves that a control plane leaves no process behind, whatever happened to it.
 * Each test starts a second, private control plane beside the shared one.
 */
@ExtendWith(ControlPlaneExtension.class)
class ControlPlaneLifecycleTest {

    @Test
    void shouldLeaveNoProcessBehindWhenClosed(ControlPlaneBinaries binaries) throws Exception {
        Path work = privateWorkDirectory("closed");
        ControlPlane controlPlane = ControlPlane.start(binaries, work, 1);
        List<ComponentProcess> components = controlPlane.components();
        assertThat(components).extracting(ComponentProcess::name).containsExactly(
                "etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler", "kwok");
        assertThat(components).allMatch(ComponentProcess::isAlive);
        assertThat(LeftoverProcesses.referencing(work)).hasSize(5);

        controlPlane.close();

        assertThat(components).noneMatch(component -> component.handle().isAlive());
        assertThat(LeftoverProcesses.referencing(work)).isEmpty();
        assertThat(Files.readString(components.get(0).log())).as("etcd log").isNotBlank();
    }

    @Test
    void shouldStopTheRestWhenAComponentHasDied(ControlPlaneBinaries binaries) throws Exception {
        Path work = privateWorkDirectory("crashed");
        ControlPlane controlPlane = ControlPlane.start(binaries, work, 1);
        ComponentProcess apiServer = controlPlane.components().get(1);
        apiServer.handle().destroyForcibly();
        apiServer.handle().onExit().get();

        controlPlane.close();

        assertThat(controlPlane.components()).noneMatch(component -> component.handle().isAlive());
        assertThat(LeftoverProcesses.referencing(work)).isEmpty();
    }

    @Test
    void shouldStopWhatItStartedWhenStartFails(ControlPlaneBinaries binaries) throws Exception {
        Path work = privateWorkDirectory("failed-start");
        Path brokenBinaries = binariesWithBrokenScheduler(binaries, work.resolveSibling("failed-start-bin"));

        assertThatThrownBy(() -> ControlPlane.start(new ControlPlaneBinaries(brokenBinaries), work, 1))
                .hasMessageContaining("kube-scheduler exited with code 3");

        assertThat(LeftoverProcesses.referencing(work)).isEmpty();
    }

    @Test
    void shouldLeaveNoProcessBehindWhenItsJvmIsKilled(ControlPlaneBinaries binaries) throws Exception {
        Path work = privateWorkDirectory("killed-jvm");
        Path output = work.resolveSibling("killed-jvm.out");
        Process jvm = new ProcessBuilder(
                ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"),
                ControlPlaneInAnotherJvm.class.getName(), binaries.directory().toString(), work.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        try {
            Eventually.await("the other JVM's control plane ready", Duration.ofSeconds(120),
                    () -> {
                        if (!jvm.isAlive()) {
                            throw new IllegalStateException("the other JVM exited: " + Files.readString(output));
                        }
                        return Files.readString(output);
                    },
                    text -> text.contains(ControlPlaneInAnotherJvm.READY));
            assertThat(LeftoverProcesses.referencing(work))
                    .filteredOn(process -> !process.startsWith(jvm.pid() + " "))
                    .as("the five components").hasSize(5);

            jvm.destroyForcibly().waitFor();

            Eventually.await("no process of the killed JVM's control plane", Duration.ofSeconds(10),
                    () -> LeftoverProcesses.referencing(work), List::isEmpty);
        } finally {
            jvm.destroyForcibly();
        }
    }

    /** The real binaries, except a scheduler that fails at once as a broken build or bad flag would. */
    private static Path binariesWithBrokenScheduler(ControlPlaneBinaries binaries, Path directory) throws Exception {
        WorkDirectory.recreate(directory);
        for (String name : ControlPlaneBinaries.NAMES) {
            if (!name.equals("kube-scheduler")) {
                Files.createSymbolicLink(directory.resolve(name), binaries.path(name));
            }
        }
        Path scheduler = directory.resolve("kube-scheduler");
        Files.writeString(scheduler, "#!/bin/sh\necho 'scheduler refuses to start' >&2\nexit 3\n");
        Files.setPosixFilePermissions(scheduler, PosixFilePermissions.fromString("rwxr-xr-x"));
        return directory;
    }

    private static Path privateWorkDirectory(String name) {
        return Path.of(System.getProperty(HarnessLocations.WORK_PROPERTY, "target/control-plane"))
                .resolve("lifecycle-" + name).toAbsolutePath();
    }
}

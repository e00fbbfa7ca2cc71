package io.ascent.controlplane;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * The one control plane of a test run, kept in JUnit's root store so every test
 * class shares it, and closed by JUnit when the run ends.
 *
 * <p>It records the process ids it started in {@code pids} beside the logs, so a
 * check after the run ({@code testing/control-plane/check-no-leftovers.sh})
 * can prove none of them outlived it.
 */
final class SharedControlPlane implements AutoCloseable {

    private static final int FAKE_NODES = 2;

    private final ControlPlaneBinaries binaries;
    private final ControlPlane controlPlane;

    private SharedControlPlane(ControlPlaneBinaries binaries, ControlPlane controlPlane) {
        this.binaries = binaries;
        this.controlPlane = controlPlane;
    }

    static SharedControlPlane start(HarnessLocations locations) throws IOException, InterruptedException {
        Instant buildStarted = Instant.now();
        ControlPlaneBinaries binaries = ControlPlaneBinaries.build(locations.buildScript(),
                locations.workRoot().resolve("build.log"));
        Duration build = Duration.between(buildStarted, Instant.now());

        Instant startStarted = Instant.now();
        ControlPlane controlPlane = ControlPlane.start(binaries, locations.workRoot().resolve("shared"), FAKE_NODES);
        Duration start = Duration.between(startStarted, Instant.now());

        Files.writeString(locations.workRoot().resolve("pids"), controlPlane.components().stream()
                .map(component -> component.handle().pid() + " " + component.name())
                .collect(Collectors.joining("\n", "", "\n")), StandardCharsets.UTF_8);
        Files.writeString(locations.workRoot().resolve("timings.txt"),
                "binaries ready (build or cache hit): " + build.toMillis() + " ms\n"
                        + "control plane start to Ready nodes: " + start.toMillis() + " ms\n",
                StandardCharsets.UTF_8);
        System.out.printf("control plane for tests: binaries in %d ms, started in %d ms, kubeconfig %s%n",
                build.toMillis(), start.toMillis(), controlPlane.kubeconfig());
        return new SharedControlPlane(binaries, controlPlane);
    }

    ControlPlaneBinaries binaries() {
        return binaries;
    }

    ControlPlane controlPlane() {
        return controlPlane;
    }

    @Override
    public void close() {
        controlPlane.close();
    }
}

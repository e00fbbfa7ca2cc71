package io.ascent.controlplane;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The directory of built control plane binaries. {@link #build} runs the
 * repository's {@code testing/control-plane/build.sh}, which returns at once when
 * its cache already holds a build of the pinned versions.
 */
public record ControlPlaneBinaries(Path directory) {

    public static final List<String> NAMES =
            List.of("etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler", "kwok");

    /** A cold build takes about half an hour on two cores; this only guards against a hang. */
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(75);

    public ControlPlaneBinaries {
        for (String name : NAMES) {
            if (!Files.isExecutable(directory.resolve(name))) {
                throw new IllegalArgumentException("no executable " + name + " in " + directory);
            }
        }
    }

    public Path path(String name) {
        return directory.resolve(name);
    }

    /**
     * Builds (or finds in the cache) the binaries; the build's own output goes to {@code buildLog}.
     */
    public static ControlPlaneBinaries build(Path buildScript, Path buildLog) throws IOException, InterruptedException {
        Files.createDirectories(buildLog.getParent());
        Path printedDirectory = buildLog.resolveSibling("build.out");
        Process build = new ProcessBuilder("bash", buildScript.toString())
                .redirectOutput(printedDirectory.toFile())
                .redirectError(buildLog.toFile())
                .start();
        if (!build.waitFor(BUILD_TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
            build.descendants().forEach(ProcessHandle::destroyForcibly);
            build.destroyForcibly();
            throw new IOException("control plane build did not finish within " + BUILD_TIMEOUT + "; see " + buildLog);
        }
        if (build.exitValue() != 0) {
            throw new IOException("control plane build failed with exit code " + build.exitValue()
                    + "; see " + buildLog + ":\n" + LogTail.of(buildLog, 30));
        }
        List<String> printed = Files.readAllLines(printedDirectory);
        if (printed.isEmpty()) {
            throw new IOException("control plane build printed no binary directory; see " + buildLog);
        }
        return new ControlPlaneBinaries(Path.of(printed.get(printed.size() - 1).trim()));
    }
}

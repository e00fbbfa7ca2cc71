package io.ascent.controlplane;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the build script is and where the control plane writes its files.
 * Maven passes both as system properties; run from an IDE, the build script is
 * found by walking up from the working directory, and files go to {@code target/}.
 */
record HarnessLocations(Path buildScript, Path workRoot) {

    static final String SOURCES_PROPERTY = "ascent.control-plane.sources";
    static final String WORK_PROPERTY = "ascent.control-plane.work";
    private static final Path BUILD_SCRIPT = Path.of("testing", "control-plane", "build.sh");

    static HarnessLocations fromEnvironment() {
        Path workRoot = Path.of(System.getProperty(WORK_PROPERTY, "target/control-plane")).toAbsolutePath();
        String sources = System.getProperty(SOURCES_PROPERTY);
        if (sources != null) {
            return new HarnessLocations(Path.of(sources).resolve("build.sh").toAbsolutePath().normalize(), workRoot);
        }
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            if (Files.isRegularFile(directory.resolve(BUILD_SCRIPT))) {
                return new HarnessLocations(directory.resolve(BUILD_SCRIPT), workRoot);
            }
        }
        throw new IllegalStateException("cannot find " + BUILD_SCRIPT + " above " + Path.of("").toAbsolutePath()
                + "; set -D" + SOURCES_PROPERTY);
    }
}

package io.ascent.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every side-by-side benchmark ({@code bench/*-vs-*.sh}, bench/lib.sh's shape) with {@code --brief}, so that a
 * script that rots fails the build: it must exit 0 and print at least one well-formed {@code RATIO} line. Nothing
 * here asserts a time or a ratio (issue 17: no timed tests); the ratios of a brief run are not worth quoting.
 */
class BenchScriptsTest {
    private static final Path BENCH = Path.of("..", "bench").toAbsolutePath().normalize();
    /** What bench/lib.sh's bench_compare prints. */
    static final Pattern RATIO = Pattern.compile("^RATIO [a-z0-9][a-z0-9-]* wall=\\d+\\.\\d{2} cpu=\\d+\\.\\d{2} "
            + "ascent=\\d+\\.\\d{3}s alt=\\d+\\.\\d{3}s load=\\d+\\.\\d$");
    /** Scripts that cannot run here, and why; each must still exist, so that the list cannot rot either. */
    private static final Map<String, String> NOT_RUN = Map.of("provision-vs-kubectl.sh",
            "needs a running cluster and a kubectl of its minor version (the test control plane takes minutes to "
                    + "start and prints rounds, not RATIO lines); run by hand, docs/performance.md");
    private static final long BRIEF_RUN_MINUTES = 15;

    static Stream<Path> scripts() throws IOException {
        try (Stream<Path> files = Files.list(BENCH)) {
            return files.filter(f -> f.getFileName().toString().matches(".+-vs-.+\\.sh"))
                    .filter(f -> !NOT_RUN.containsKey(f.getFileName().toString())).sorted().toList().stream();
        }
    }

    @Test
    void shouldFindTheBenchmarksAndOnlyLeaveOutScriptsThatExist() throws IOException {
        assertThat(scripts()).isNotEmpty();
        for (String name : NOT_RUN.keySet()) {
            assertThat(BENCH.resolve(name)).as("left out of the brief runs: " + NOT_RUN.get(name)).exists();
        }
    }

    /**
     * BENCH_RESIDENT=1 (bench/lib.sh): the startup script also times hello-web through the resident engine, prints
     * its own RATIO line, and stops the engine it started. Needs Go for the engine's client: skipped without it,
     * unless ASCENT_REQUIRE_CONTROL_PLANE=true (CI), which already means "Go must be here".
     */
    @Test
    void shouldTimeTheResidentEngineBrieflyAndLeaveNoEngineBehind() throws Exception {
        Optional<Path> go = findGo();
        if (go.isEmpty()) {
            String why = "the resident engine's client needs Go on PATH or in /usr/local/go";
            assertThat(requiresGo()).as(why + "; ASCENT_REQUIRE_CONTROL_PLANE=true requires it").isFalse();
            Assumptions.abort(why);
        }
        Path log = Files.createTempFile("ascent-bench-", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder("bash", BENCH.resolve("startup-vs-kubeconform.sh").toString(),
                    "--brief").directory(BENCH.getParent().toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("BENCH_RESIDENT", "1");
            builder.environment().put("ASCENT_GO", go.get().toString());
            Process process = builder.start();
            boolean done = process.waitFor(BRIEF_RUN_MINUTES, TimeUnit.MINUTES);
            if (!done) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(done).as(output).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output.lines().filter(line -> line.startsWith("RATIO startup-hello-web-resident ")))
                    .as(output).singleElement().matches(line -> RATIO.matcher(line).matches(), "well-formed");
            assertThat(ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                    .filter(line -> line.contains("io.ascent.cli.daemon.DaemonMain")
                            && line.contains("/tmp/ascent-bench-")))
                    .as("a resident engine the benchmark started and left running").isEmpty();
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** On PATH, or where Go's installer puts it (as io.ascent.controlplane.HostPrerequisites finds it). */
    private static Optional<Path> findGo() {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(directory, "go");
            if (!directory.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        Path installerDefault = Path.of("/usr/local/go/bin/go");
        return Files.isExecutable(installerDefault) ? Optional.of(installerDefault) : Optional.empty();
    }

    private static boolean requiresGo() {
        return "true".equalsIgnoreCase(System.getenv().getOrDefault("ASCENT_REQUIRE_CONTROL_PLANE", "").trim());
    }

    @ParameterizedTest(name = "{0} --brief")
    @MethodSource("scripts")
    void shouldRunBrieflyAndPrintWellFormedRatioLines(Path script) throws Exception {
        Path log = Files.createTempFile("ascent-bench-", ".log");
        try {
            Process process = new ProcessBuilder("bash", script.toString(), "--brief")
                    .directory(BENCH.getParent().toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean done = process.waitFor(BRIEF_RUN_MINUTES, TimeUnit.MINUTES);
            if (!done) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(done).as("%s --brief finished within %d minutes; output:%n%s", script.getFileName(),
                    BRIEF_RUN_MINUTES, output).isTrue();
            assertThat(process.exitValue()).as("exit status of %s --brief; output:%n%s", script.getFileName(),
                    output).isZero();
            List<String> ratios = output.lines().filter(line -> line.startsWith("RATIO")).toList();
            assertThat(ratios).as("RATIO lines of %s --brief; output:%n%s", script.getFileName(), output)
                    .isNotEmpty().allMatch(line -> RATIO.matcher(line).matches());
        } finally {
            Files.deleteIfExists(log);
        }
    }
}

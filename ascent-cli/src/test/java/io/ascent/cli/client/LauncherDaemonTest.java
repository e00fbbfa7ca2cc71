package io.ascent.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.cli.FakeCheckout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ascent} launcher with ASCENT_DAEMON=1: it builds the Go client from ascent-client/ and runs the command
 * through it, with the direct run's flags as the fallback's and the daemon's own flags. It runs on a copy of the
 * script in a fake checkout (a jar newer than its sources, so Maven builds nothing) with a fake JDK whose
 * {@code java} logs every start and fails as a daemon, so the client falls back to the direct run.
 */
class LauncherDaemonTest {
    private static final Path ROOT = FakeCheckout.ROOT;
    /** The log's path is written into the script: the client starts the daemon with a few variables only. */
    private static final String FAKE_JAVA = """
            #!/usr/bin/env bash
            echo "$*" >> "%s"
            for arg in "$@"; do
              case "$arg" in
                -XX:ArchiveClassesAtExit=*) : > "${arg#*=}" ;;
                io.ascent.cli.daemon.DaemonMain) echo "no daemon in this fake"; exit 1 ;;
              esac
            done
            """;

    @TempDir
    Path work;
    private Path checkout;
    private Path target;
    private Path java;
    private Path log;
    private Path runtimeDir;

    @BeforeEach
    void fakeCheckout() throws IOException {
        checkout = FakeCheckout.create(work);
        target = checkout.resolve("ascent-cli/target");
        Path client = Files.createDirectories(checkout.resolve("ascent-client"));
        try (Stream<Path> files = Files.list(ROOT.resolve("ascent-client"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".go") || f.endsWith("go.mod")).toList()) {
                FakeCheckout.ageAnHour(Files.copy(file, client.resolve(file.getFileName())));
            }
        }
        Path home = work.resolve("jdk");
        java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"17.0.15\"\n");
        log = work.resolve("java.log");
        Files.writeString(java, FAKE_JAVA.formatted(log));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
        // The client's socket folder is $XDG_RUNTIME_DIR/ascent: this test's own, never the user's.
        runtimeDir = Files.createDirectories(work.resolve("run"));
        Files.setPosixFilePermissions(runtimeDir, PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void shouldBuildTheClientAndGiveItTheDirectRunAsFallbackAndTheDaemonItsOwnFlags() throws Exception {
        Path go = GoToolchain.go();
        Output direct = launch(Map.of(), "provision", "app");
        List<String> directStarts = Files.readAllLines(log);
        Files.delete(log);

        Output daemon = launch(Map.of("ASCENT_DAEMON", "1", "ASCENT_DAEMON_IDLE", "7m", "ASCENT_GO", go.toString()),
                "provision", "app");

        assertThat(direct.status()).isZero();
        assertThat(daemon.status()).isZero();
        assertThat(target.resolve("ascent-client")).isExecutable();
        assertThat(daemon.stderr().lines().filter(l -> l.startsWith("ascent: the resident engine")).toList())
                .as(daemon.stderr()).singleElement().asString()
                .startsWith("ascent: the resident engine is not available (the daemon ended while starting")
                .endsWith("); running directly");
        List<String> starts = Files.readAllLines(log);
        assertThat(starts).as("the daemon's start, then the direct run").hasSize(2);
        assertThat(starts.get(0))
                .matches("-XX:\\+UseSerialGC -Xms16m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 "
                        + "-XX:\\+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=60000 -cp "
                        + target.resolve("ascent.jar") + " io\\.ascent\\.cli\\.daemon\\.DaemonMain --socket "
                        + runtimeDir.resolve("ascent") + "/[0-9a-f]{16}\\.sock --idle 7m")
                .doesNotContain("TieredStopAtLevel", "SharedArchiveFile");
        assertThat(starts.get(1)).as("the fallback is exactly the direct run")
                .isEqualTo(directStarts.get(directStarts.size() - 1)).contains("-XX:SharedArchiveFile=");
        assertThat(Files.readString(runtimeDir.resolve("ascent").resolve(
                starts.get(0).replaceAll(".*/([0-9a-f]{16})\\.sock.*", "$1") + ".log")))
                .as("the daemon's output goes to its log").contains("no daemon in this fake");
    }

    @Test
    void shouldNotGiveTheNativeHeapTrimToAJvmThatDoesNotKnowIt() throws Exception {
        Files.writeString(java.getParent().getParent().resolve("release"), "JAVA_VERSION=\"17.0.8\"\n");

        launch(Map.of("ASCENT_DAEMON", "1", "ASCENT_GO", GoToolchain.go().toString()), "validate", "app");

        assertThat(Files.readAllLines(log)).filteredOn(start -> start.contains("io.ascent.cli.daemon.DaemonMain"))
                .singleElement().asString().doesNotContain("TrimNativeHeap").contains("-XX:MaxHeapFreeRatio=20");
    }

    @Test
    void shouldBuildTheClientAgainWhenItsSourcesChange() throws Exception {
        Map<String, String> env = Map.of("ASCENT_DAEMON", "1", "ASCENT_GO", GoToolchain.go().toString());
        assertThat(launch(env, "--version").status()).isZero();
        Path client = target.resolve("ascent-client");
        Files.setLastModifiedTime(client, FileTime.from(Instant.now().minusSeconds(60)));
        FileTime old = Files.getLastModifiedTime(client);
        assertThat(launch(env, "--version").status()).isZero();
        assertThat(Files.getLastModifiedTime(client)).as("up to date: not built again").isEqualTo(old);

        Files.setLastModifiedTime(checkout.resolve("ascent-client/main.go"), FileTime.from(Instant.now()));
        assertThat(launch(env, "--version").status()).isZero();
        assertThat(Files.getLastModifiedTime(client)).as("built again").isNotEqualTo(old);
    }

    @Test
    void shouldWarnOnceAndRunDirectlyWithoutGo() throws Exception {
        Output output = launch(Map.of("ASCENT_DAEMON", "1", "ASCENT_GO", work.resolve("no-go").toString()),
                "validate", "app");

        assertThat(output.status()).isZero();
        assertThat(output.stderr()).isEqualTo("ascent: the resident engine is not available (its client needs Go to"
                + " be built: https://go.dev/dl); running directly\n");
        assertThat(target.resolve("ascent-client")).doesNotExist();
        List<String> starts = Files.readAllLines(log);
        assertThat(starts.get(starts.size() - 1)).contains("-XX:TieredStopAtLevel=1", "-XX:SharedArchiveFile=")
                .endsWith("-jar " + target.resolve("ascent.jar") + " validate app");
    }

    @Test
    void shouldRunValidateThroughTheEngineFromTheWholeJarWithTheWholeArchiveAsFallback() throws Exception {
        Output output = launch(Map.of("ASCENT_DAEMON", "1", "ASCENT_GO", GoToolchain.go().toString()),
                "validate", "app");

        assertThat(output.status()).isZero();
        List<String> starts = Files.readAllLines(log);
        assertThat(starts).as("the training, the daemon's start, the fallback").hasSize(3);
        assertThat(starts.get(0)).as("the whole training: the fallback runs ascent.jar, not validate's jar")
                .contains("-XX:ArchiveClassesAtExit=" + target.resolve("ascent.jsa"),
                        "-cp " + target.resolve("ascent.jar") + " io.ascent.cli.StartupTraining")
                .doesNotContain("ascent-validate");
        assertThat(starts.get(1)).contains("-cp " + target.resolve("ascent.jar") + " io.ascent.cli.daemon.DaemonMain")
                .as("C2 needs a thread of its own").doesNotContain("CICompilerCount");
        assertThat(starts.get(2)).contains("-XX:SharedArchiveFile=" + target.resolve("ascent.jsa"))
                .doesNotContain("CICompilerCount").endsWith("-jar " + target.resolve("ascent.jar") + " validate app");
    }

    private record Output(int status, String stderr) {
    }

    private Output launch(Map<String, String> environment, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder();
        builder.command().add("bash");
        builder.command().add(checkout.resolve("ascent").toString());
        builder.command().addAll(List.of(args));
        builder.environment().keySet().removeIf(name -> name.startsWith("ASCENT_"));
        builder.environment().putAll(environment);
        builder.environment().put("ASCENT_JAVA", java.toString());
        builder.environment().put("XDG_RUNTIME_DIR", runtimeDir.toString());
        builder.environment().put("GOTOOLCHAIN", "local");
        Path stderr = work.resolve("stderr");
        Process process = builder.directory(work.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile()).start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        return new Output(process.exitValue(), Files.readString(stderr, StandardCharsets.UTF_8));
    }
}

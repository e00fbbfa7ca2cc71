package io.ascent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ascent} as a separate process stopped by SIGTERM, what a Jenkins abort sends: nothing it made is left
 * behind and no report is half written.
 */
class TerminationTest {
    private static final String CHECKLIST = "apiVersion: ascent.dev/v1\nkind: Checklist\nmetadata:\n  name: app\n";

    @TempDir
    Path dir;

    /** Starts {@code ascent} in its own JVM with its temporary folder under the test's. */
    private Process start(Path temporary, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + temporary, "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("process.log").toFile()).start();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static List<Path> list(Path folder, String prefix) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldRemoveTheCloneWhenStoppedDuringRepository() throws Exception {
        Path temporary = Files.createDirectories(dir.resolve("tmp"));
        List<Socket> held = new ArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread accept = new Thread(() -> {
                try {
                    while (true) {
                        held.add(server.accept()); // a server that never answers: the clone waits on it
                    }
                } catch (IOException e) {
                    // closed by the test
                }
            });
            accept.setDaemon(true);
            accept.start();
            Process ascent = start(temporary, "validate", "--repository",
                    "http://127.0.0.1:" + server.getLocalPort() + "/app.git");
            await(() -> !held.isEmpty(), "the clone to connect");
            assertThat(list(temporary, "ascent-remote-")).as("the clone's folder exists while cloning").hasSize(1);

            ascent.destroy(); // SIGTERM
            assertThat(ascent.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(list(temporary, "ascent-remote-")).isEmpty();
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void shouldLeaveThePreviousReportsWholeWhenStoppedWhileWriting() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.writeString(repo.resolve("ascent.yaml"), CHECKLIST);
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Files.writeString(reports.resolve("a.json"), "previous run");
        Files.writeString(reports.resolve("c.sarif"), "previous run");
        Path fifo = reports.resolve("b.xml");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

        // The named pipe has no reader, so writing the second format blocks after the first is staged.
        Process ascent = start(dir, "validate", repo.toString(), "--no-git",
                "-f", "json", "-o", reports.resolve("a.json").toString(),
                "-f", "junit", "-o", fifo.toString(),
                "-f", "sarif", "-o", reports.resolve("c.sarif").toString());
        await(() -> !list(reports, ".ascent-").isEmpty(), "the first format to be staged");

        ascent.destroy(); // SIGTERM
        assertThat(ascent.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(list(reports, ".ascent-")).as("temporary files").isEmpty();
        assertThat(Files.readString(reports.resolve("a.json"))).isEqualTo("previous run");
        assertThat(Files.readString(reports.resolve("c.sarif"))).isEqualTo("previous run");
    }

    @Test
    void shouldWriteThroughStandardOutputWithoutReplacingIt() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.writeString(repo.resolve("ascent.yaml"), CHECKLIST);
        Path stdout = Path.of("/dev/stdout");
        boolean wasLink = Files.isSymbolicLink(stdout);
        Process ascent = start(dir, "validate", repo.toString(), "--no-git", "-f", "json", "-o", "/dev/stdout");
        assertThat(ascent.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(ascent.exitValue()).isZero();
        assertThat(Files.readString(dir.resolve("process.log"), StandardCharsets.UTF_8))
                .contains("\"verdict\" : \"PASSED\"");
        assertThat(Files.isSymbolicLink(stdout)).isEqualTo(wasLink);
        assertThat(Files.isRegularFile(stdout, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
    }
}

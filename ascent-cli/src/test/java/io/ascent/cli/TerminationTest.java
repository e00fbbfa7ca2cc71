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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    /**
     * A stop signal while the repository step reads 30,000 committed files: the run stops there and its report,
     * marked interrupted with the signal's status, is still written (before, the JVM ended with no report at all).
     */
    @ParameterizedTest(name = "SIG{0}")
    @CsvSource({"TERM, 143", "INT, 130"})
    void shouldWriteAnInterruptedReportWhenStoppedDuringTheRepositoryStep(String signal, int status) throws Exception {
        Path repo = Files.createDirectories(dir.resolve("big"));
        git(repo, null, "init", "-q", "-b", "main", ".");
        StringBuilder stream = new StringBuilder();
        blob(stream, 1, CHECKLIST);
        int files = 30_000;
        for (int i = 0; i < files; i++) {
            blob(stream, i + 2, "line " + i + " of a generated file\n");
        }
        stream.append("commit refs/heads/main\ncommitter t <t@ascent.invalid> 0 +0000\ndata 4\nbig\nM 100644 :1 ascent.yaml\n");
        for (int i = 0; i < files; i++) {
            stream.append("M 100644 :").append(i + 2).append(" src/d").append(i % 100).append("/f").append(i)
                    .append(".txt\n");
        }
        git(repo, stream.toString(), "fast-import", "--quiet");
        git(repo, null, "checkout", "-q", "-f", "main");
        Path report = dir.resolve("report.json");
        Path text = dir.resolve("report.txt");

        Process ascent = start(dir, "validate", "-v", repo.toString(), "-f", "json", "-o", report.toString(), "-f",
                "text", "-o", text.toString());
        Path log = dir.resolve("process.log");
        await(() -> read(log).contains("ascent: repository ..."), "the repository step to start");
        assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(ascent.pid())).start().waitFor()).isZero();

        assertThat(ascent.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = read(log);
        assertThat(ascent.exitValue()).as(out).isEqualTo(status);
        assertThat(out).contains("interrupted: the run was cancelled");
        assertThat(read(text)).as(out).contains("result: INTERRUPTED (exit " + status + ")");
        assertThat(read(report)).contains("\"interrupted\" : true", "\"exitStatus\" : " + status);
    }

    private static void blob(StringBuilder stream, int mark, String content) {
        stream.append("blob\nmark :").append(mark).append("\ndata ")
                .append(content.getBytes(StandardCharsets.UTF_8).length).append("\n").append(content);
    }

    private static void git(Path repo, String input, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(args));
        Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (input != null) {
            try (var stdin = git.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(git.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(git.exitValue()).as(output).isZero();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new IllegalStateException(e);
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

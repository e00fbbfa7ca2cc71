package io.ascent.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Go client against the real resident engine: the client built from ascent-client/, the daemon
 * ({@code io.ascent.cli.daemon.DaemonMain}) started by the client on demand as a {@code java -cp} child, on this
 * test's classes, in a socket folder of this test's own. The "jar" the client gets is a manifest-only jar whose
 * Class-Path is the test's class path, so that {@code java -cp JAR DaemonMain} starts the engine and
 * {@code java -jar JAR} is the direct run the client falls back to.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResidentEngineEndToEndTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path HELLO_WEB = ROOT.resolve("examples/hello-web");
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    static Path work;
    private static Path client;
    private static Path jar;
    private static Path socketFolder;
    private static Path base;

    @BeforeAll
    static void buildClientAndJar() throws Exception {
        client = GoToolchain.build(work.resolve("ascent-client"));
        jar = classPathJar(work.resolve("ascent.jar"));
        // A short folder: the socket's path must stay under 108 bytes, and @TempDir paths can be long.
        base = Files.createTempDirectory(Path.of("/tmp"), "ae2e");
        socketFolder = base.resolve("s");
    }

    @AfterAll
    static void stopTheDaemon() throws Exception {
        if (socketFolder != null) {
            Run status = client(work, "daemon", "status");
            Matcher pid = Pattern.compile("pid (\\d+)").matcher(status.stdout);
            if (pid.find()) {
                client(work, "daemon", "stop");
                ProcessHandle.of(Long.parseLong(pid.group(1))).ifPresent(ProcessHandle::destroyForcibly);
            }
            try (var files = Files.walk(base)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void shouldAnswerValidateAsTheDirectRunDoes() throws Exception {
        Path cwd = ROOT.resolve("ascent-cli");
        Run direct = run(cwd, List.of(JAVA, "-jar", jar.toString(), "validate", "../examples/hello-web"));
        Run resident = client(cwd, "validate", "../examples/hello-web");
        Run again = client(cwd, "validate", "../examples/hello-web");

        assertThat(direct.status).as(direct.stderr).isZero();
        assertThat(resident.stderr).as("no fallback").doesNotContain("resident engine");
        assertThat(resident.status).isEqualTo(direct.status);
        assertThat(resident.stdout).isEqualTo(direct.stdout).contains("hello-web");
        assertThat(again.stdout).isEqualTo(direct.stdout);
        assertThat(Files.list(socketFolder).filter(f -> f.toString().endsWith(".sock")).count())
                .as("one daemon for both requests").isOne();
    }

    @Test
    @Order(2)
    void shouldWriteARelativeOutputInTheClientsWorkingDirectory() throws Exception {
        Path cwd = Files.createDirectories(work.resolve("client-cwd"));
        Run run = client(cwd, "validate", HELLO_WEB.toString(), "--format", "json", "--output",
                "report.json");

        assertThat(run.status).as(run.stderr).isZero();
        assertThat(cwd.resolve("report.json")).content(StandardCharsets.UTF_8).startsWith("{").contains("hello-web");
        assertThat(Path.of("/report.json")).as("not the daemon's working directory").doesNotExist();
    }

    @Test
    @Order(3)
    void shouldStopTheRunWithStatus143WhenTheClientGetsSigterm() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new CopyOnWriteArrayList<>();
            Thread acceptor = startThread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // accepted, never answered: the provision waits on the cluster
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            Path kubeconfig = work.resolve("kubeconfig");
            Files.writeString(kubeconfig, """
                    apiVersion: v1
                    kind: Config
                    clusters: [{name: c, cluster: {server: "https://127.0.0.1:%d", insecure-skip-tls-verify: true}}]
                    users: [{name: u, user: {token: "not-a-secret"}}]
                    contexts: [{name: x, context: {cluster: c, user: u}}]
                    current-context: x
                    """.formatted(silent.getLocalPort()));
            Path cwd = Files.createDirectories(work.resolve("provision-cwd"));
            Process process = start(cwd, clientCommand(List.of("provision", HELLO_WEB.toString(), "--no-git",
                    "--driver", "existing", "--kubeconfig", kubeconfig.toString(), "--format", "json", "--output",
                    "report.json")));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (held.isEmpty() && process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(held).as("the provision reached the cluster before the signal").isNotEmpty();
            process.toHandle().destroy(); // SIGTERM to the client only; the daemon is in a session of its own

            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(stderr).isEqualTo(143);
            assertThat(cwd.resolve("report.json")).as("the partial report").exists();
            assertThat(Files.readString(cwd.resolve("report.json"))).contains("interrupt");
            silent.close();
            acceptor.join(5000);
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    @Order(4)
    void shouldTellTheDaemonsStatusAndStopIt() throws Exception {
        Run status = client(work, "daemon", "status");
        // The provision stopped above answered its client first and may still be ending in the engine (its
        // teardown goes on after the answer, docs/daemon.md): on a loaded machine status can see it running.
        long settled = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (status.stdout.contains(" 1 running,") && System.nanoTime() < settled) {
            Thread.sleep(200);
            status = client(work, "daemon", "status");
        }
        assertThat(status.status).isZero();
        assertThat(status.stdout).matches("ascent daemon: pid \\d+, up \\d+s, \\d+ requests served, 0 running, "
                + "idle timeout 30m\\n");
        long pid = Long.parseLong(status.stdout.replaceAll("\\D*(\\d+).*\\s*", "$1"));

        Run stop = client(work, "daemon", "stop");

        assertThat(stop.status).isZero();
        assertThat(stop.stdout).isEqualTo("ascent daemon: stopping\n");
        assertThat(ProcessHandle.of(pid).map(p -> p.onExit().orTimeout(30, TimeUnit.SECONDS).join()).isPresent())
                .isTrue();
        Run after = client(work, "daemon", "status");
        assertThat(after.status).isEqualTo(1);
        assertThat(after.stdout).startsWith("ascent daemon: not running");
    }

    @Test
    @Order(5)
    void shouldRunDirectlyWhenTheSocketFolderIsOpenToOthers() throws Exception {
        Files.setPosixFilePermissions(socketFolder, PosixFilePermissions.fromString("rwxr-xr-x"));
        try {
            Path cwd = ROOT.resolve("ascent-cli");
            Run direct = run(cwd, List.of(JAVA, "-jar", jar.toString(), "validate", "../examples/hello-web"));
            Run fallback = client(cwd, "validate", "../examples/hello-web");

            assertThat(fallback.stderr).startsWith("ascent: the resident engine is not available (" + socketFolder
                    + " has mode 0755; it must grant nothing to group or others (chmod 700)); running directly\n");
            assertThat(fallback.status).isEqualTo(direct.status);
            assertThat(fallback.stdout).isEqualTo(direct.stdout);
            assertThat(Files.list(socketFolder).filter(f -> f.toString().endsWith(".sock")))
                    .as("no daemon started in an untrusted folder").isEmpty();
        } finally {
            Files.setPosixFilePermissions(socketFolder, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** A jar holding only a manifest: Main-Class io.ascent.cli.Main, Class-Path the test's class path. */
    private static Path classPathJar(Path path) throws IOException {
        List<String> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(Path.of(entry).toAbsolutePath().toUri().toString());
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "io.ascent.cli.Main");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", urls));
        try (OutputStream out = Files.newOutputStream(path); JarOutputStream jarOut = new JarOutputStream(out,
                manifest)) {
            jarOut.flush();
        }
        return path;
    }

    private record Run(int status, String stdout, String stderr) {
    }

    private static List<String> clientCommand(List<String> args) {
        List<String> command = new ArrayList<>(List.of(client.toString(), "--socket", socketFolder.toString(),
                "--java", JAVA, "--jar", jar.toString(), "--jvm-opt", "-XX:+UseSerialGC",
                "--daemon-opt", "-XX:+UseSerialGC", "--"));
        command.addAll(args);
        return command;
    }

    private static Run client(Path cwd, String... args) throws Exception {
        return run(cwd, clientCommand(List.of(args)));
    }

    private static Process start(Path cwd, List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("ASCENT_"));
        return builder.start();
    }

    private static Run run(Path cwd, List<String> command) throws Exception {
        Process process = start(cwd, command);
        process.getOutputStream().close();
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        Thread copyOut = startThread(() -> copy(process.getInputStream(), out));
        Thread copyErr = startThread(() -> copy(process.getErrorStream(), err));
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("%s finished", command).isTrue();
        copyOut.join();
        copyErr.join();
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static Thread startThread(Runnable task) {
        Thread thread = new Thread(task);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void copy(InputStream in, Path to) {
        try (in) {
            Files.copy(in, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

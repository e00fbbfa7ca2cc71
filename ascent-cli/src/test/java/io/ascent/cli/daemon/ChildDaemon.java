package io.ascent.cli.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The resident engine as the client starts it: {@link DaemonMain} in a JVM of its own, its log in a file. */
final class ChildDaemon implements AutoCloseable {
    final Process process;
    final Path socket;
    private final Path log;

    private ChildDaemon(Process process, Path socket, Path log) {
        this.process = process;
        this.socket = socket;
        this.log = log;
    }

    static ChildDaemon start(Path socket, Path log) throws Exception {
        Process process = new ProcessBuilder(List.of(java(), "-cp", System.getProperty("java.class.path"),
                DaemonMain.class.getName(), "--socket", socket.toString(), "--idle", "10m"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ChildDaemon daemon = new ChildDaemon(process, socket, log);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!InProcessDaemon.accepts(socket)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                daemon.close();
                throw new IllegalStateException("the daemon did not start: " + daemon.log());
            }
            Thread.sleep(20);
        }
        return daemon;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    String log() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}

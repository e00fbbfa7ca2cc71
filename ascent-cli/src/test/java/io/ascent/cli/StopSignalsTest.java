package io.ascent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status a stop signal gives, as the report of an interrupted run names it, is the status the process ends
 * with: 143 after SIGTERM, 130 after SIGINT.
 */
class StopSignalsTest {

    @TempDir
    Path dir;

    @Test
    void shouldNoteSigtermAs143AndStillEndWith143() throws Exception {
        Process probe = start();
        probe.destroy(); // SIGTERM

        assertThat(probe.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(probe.exitValue()).isEqualTo(143);
        assertThat(output()).contains("noted OptionalInt[143]");
    }

    @Test
    void shouldNoteSigintAs130AndStillEndWith130() throws Exception {
        Process probe = start();
        boolean ignored = ignoresSigint(probe.pid());
        assertThat(new ProcessBuilder("kill", "-INT", String.valueOf(probe.pid())).start().waitFor()).isZero();

        if (ignored) {
            // started ignoring SIGINT (a background job of a script): the JVM installs no handler, nor does Ascent
            assertThat(probe.waitFor(2, TimeUnit.SECONDS)).as("still running").isFalse();
            probe.destroyForcibly();
            return;
        }
        assertThat(probe.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(probe.exitValue()).isEqualTo(130);
        assertThat(output()).contains("noted OptionalInt[130]");
    }

    private Process start() throws Exception {
        Process probe = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StopSignalsProbe.class.getName()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("probe.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!output().contains("ready")) {
            assertThat(probe.isAlive()).as(output()).isTrue();
            assertThat(System.nanoTime()).as("the probe to start").isLessThan(deadline);
            Thread.sleep(20);
        }
        return probe;
    }

    private String output() throws Exception {
        Path log = dir.resolve("probe.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Whether the process ignores SIGINT (signal 2: bit 1 of SigIgn in its /proc status). */
    private static boolean ignoresSigint(long pid) throws Exception {
        return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                .filter(line -> line.startsWith("SigIgn:")).map(line -> Long.parseLong(line.substring(7).trim(), 16))
                .anyMatch(mask -> (mask & 2) != 0);
    }
}

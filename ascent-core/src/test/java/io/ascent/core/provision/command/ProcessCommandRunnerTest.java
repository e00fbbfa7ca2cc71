package io.ascent.core.provision.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child processes: output streamed to a file, bounded, and a child that prints without end stopped. */
class ProcessCommandRunnerTest {
    @TempDir
    Path dir;

    @Test
    void shouldStreamOutputToTheFileAndStopAChildThatPrintsWithoutEndAtTheBound() throws Exception {
        Path output = dir.resolve("output.yaml");
        long started = System.nanoTime();

        CommandResult result = new ProcessCommandRunner(System.getenv(), 1024).runTo(List.of("yes", "a: 1"), Map.of(),
                Duration.ofSeconds(60), output, 1 << 20);

        // Stopped as soon as it printed one byte more than allowed, long before the timeout.
        assertThat(Files.size(output)).isEqualTo((1 << 20) + 1);
        assertThat(result.timedOut()).isFalse();
        assertThat(result.stdout()).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void shouldStartChildrenInTheRunsWorkingDirectoryAndNotGiveThemItsEntry() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        Map<String, String> run = new java.util.HashMap<>(System.getenv());
        run.put(ChildProcess.WORKING_DIRECTORY, work.toString());

        CommandResult result = new ProcessCommandRunner(run).run(List.of("sh", "-c", "pwd -P; env"), Map.of(),
                Duration.ofSeconds(30));
        CommandResult jvms = new ProcessCommandRunner(System.getenv()).run(List.of("pwd", "-P"), Map.of(),
                Duration.ofSeconds(30));

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout().lines().findFirst()).hasValue(work.toRealPath().toString());
        assertThat(result.stdout()).doesNotContain("ascent.working-directory");
        assertThat(jvms.stdout()).isEqualTo(Path.of("").toAbsolutePath().toRealPath() + "\n");
    }

    @Test
    void shouldWriteAllOfAnOutputWithinTheBoundAndKeepStandardError() throws Exception {
        Path output = dir.resolve("output.yaml");

        CommandResult result = new ProcessCommandRunner(System.getenv(), 1024).runTo(List.of("sh", "-c",
                "printf 'kind: A\\n---\\nkind: B\\n'; echo warned >&2"), Map.of(), Duration.ofSeconds(30), output,
                1 << 20);

        assertThat(result.exitCode()).isZero();
        assertThat(Files.readString(output)).isEqualTo("kind: A\n---\nkind: B\n");
        assertThat(result.stderr()).isEqualTo("warned\n");
    }

    @Test
    void shouldRunAWindowsProgramFoundWithPathextAndGiveItOneValuePerNameWhateverTheCase() throws Exception {
        // the Windows rules on this machine: "Path" and "PATHEXT" of any case, one environment name per variable
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path script = bin.resolve("printenv.bat");
        Files.writeString(script, "#!/bin/sh\nexec /usr/bin/env\n");
        script.toFile().setExecutable(true);
        Map<String, String> run = Map.of("Path", bin.toString(), "pathext", ".COM;.BAT", "Home", "h");

        CommandResult result = new ProcessCommandRunner(run, 1024, OperatingSystem.WINDOWS).run(List.of("printenv"),
                Map.of("PATH", bin + ";C:\\Windows", "HOME", "call"), Duration.ofSeconds(30));

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout().lines().filter(line -> line.toUpperCase().startsWith("PATH="))).singleElement()
                .asString().endsWith(";C:\\Windows");
        assertThat(result.stdout().lines().filter(line -> line.toUpperCase().startsWith("HOME="))).singleElement()
                .asString().endsWith("=call");
    }

    @Test
    void shouldRefuseAProgramFoundThroughARelativePathEntryWithoutRunningIt() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("relative-bin"));
        Path marker = dir.resolve("ran");
        Path kind = bin.resolve("kind");
        Files.writeString(kind, "#!/bin/sh\ntouch '" + marker + "'\n");
        kind.toFile().setExecutable(true);
        String entry = Path.of("").toAbsolutePath().relativize(bin).toString();

        CommandResult result = new ProcessCommandRunner(Map.of("PATH", entry + ":/usr/bin:/bin"), 1024,
                OperatingSystem.UNIX).run(List.of("kind", "version"), Map.of(), Duration.ofSeconds(30));

        assertThat(Files.exists(marker)).as("the refused program ran").isFalse();
        assertThat(result.notFound()).isTrue();
        assertThat(result.refusal()).contains("'" + entry + "'", "absolute");
        assertThat(new CommandFailedException(result).getMessage())
                .startsWith("command failed: kind version was not run: kind was found as " + entry + "/kind");
    }
}

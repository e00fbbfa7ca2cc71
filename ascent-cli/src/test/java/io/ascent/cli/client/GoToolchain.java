package io.ascent.cli.client;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The Go toolchain that builds and tests the resident engine's client (ascent-client/), found as
 * io.ascent.controlplane.HostPrerequisites finds it: on PATH, or where Go's installer puts it. A machine without Go
 * skips these tests, unless Go is required: {@code .ci/run} sets ASCENT_REQUIRE_CONTROL_PLANE=true, which already
 * means "Go must be here", and there a skip would look green while proving nothing.
 */
final class GoToolchain {
    static final Path CLIENT_SOURCES = Path.of("..", "ascent-client").toAbsolutePath().normalize();

    private GoToolchain() {
    }

    /** The go executable; skips the test (or fails it, when Go is required) without one. */
    static Path go() {
        Optional<Path> go = find();
        if (go.isEmpty()) {
            String why = "the resident engine's client needs Go (>= 1.22) on PATH or in /usr/local/go";
            if (required()) {
                fail(why + "; ASCENT_REQUIRE_CONTROL_PLANE=true requires it");
            }
            Assumptions.abort(why);
        }
        return go.get();
    }

    static Optional<Path> find() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String directory : path.split(File.pathSeparator)) {
                Path candidate = Path.of(directory, "go");
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        Path installerDefault = Path.of("/usr/local/go/bin/go");
        return Files.isExecutable(installerDefault) ? Optional.of(installerDefault) : Optional.empty();
    }

    private static boolean required() {
        String value = System.getenv("ASCENT_REQUIRE_CONTROL_PLANE");
        return value != null && value.trim().toLowerCase(Locale.ROOT).equals("true");
    }

    /** Builds the client into OUTPUT; fails the test with Go's output when it does not build. */
    static Path build(Path output) throws IOException, InterruptedException {
        Result result = run(List.of(go().toString(), "build", "-trimpath", "-o", output.toString(), "."), 5);
        if (result.status() != 0) {
            fail("go build of ascent-client failed:%n%s", result.output());
        }
        return output;
    }

    /** Runs a command in ascent-client/ with Go's output and status. */
    static Result run(List<String> command, long minutes) throws IOException, InterruptedException {
        Path log = Files.createTempFile("ascent-go-", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(CLIENT_SOURCES.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("GOTOOLCHAIN", "local"); // never download a toolchain in a test
            builder.environment().put("CGO_ENABLED", "0");
            Process process = builder.start();
            if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                return new Result(-1, "timed out after " + minutes + " minutes:\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    record Result(int status, String output) {
    }
}

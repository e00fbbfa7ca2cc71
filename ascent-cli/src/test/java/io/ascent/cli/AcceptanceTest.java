package io.ascent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The command line, black-box, as kubeconform's acceptance tests run it: each case starts {@code ascent} in a JVM of
 * its own (its {@code main}, so real argument parsing, streams and exit status) in the repository root, on the
 * examples, and compares the exit status and the exact standard output and error with the files in
 * {@code src/test/resources/acceptance/}. What changes from run to run is normalised first: the repository's name and
 * commit, times and durations, the tool's version. {@code -Dascent.updateExpected=true} rewrites the files from the
 * actual output (read the diff before committing it).
 */
class AcceptanceTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path EXPECTED = Path.of("src", "test", "resources", "acceptance");
    /** Where the generated applications are: {@code severities/app}, run from {@code severities}. */
    @TempDir
    static Path fixtures;

    /**
     * An application whose only findings are a missing LICENSE at severity warning and a missing CODEOWNERS at
     * severity info, for what --fail-on decides and how INFO shows.
     */
    @BeforeAll
    static void writeFixtures() throws IOException {
        Path app = Files.createDirectories(fixtures.resolve("severities").resolve("app"));
        Files.writeString(app.resolve("ascent.yaml"), """
                apiVersion: ascent.dev/v1
                kind: Checklist
                metadata:
                  name: app
                repository:
                  license: true
                  codeowners: true
                  rules:
                    repo.license:
                      severity: warning
                    repo.codeowners:
                      severity: info
                """);
        Files.writeString(app.resolve("README.md"), "# app\n");
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                run("hello-web", 0, "validate", "examples/hello-web"),
                run("hello-web-quiet", 0, "validate", "examples/hello-web", "--quiet"),
                run("hello-web-verbose", 0, "validate", "examples/hello-web", "-v"),
                run("hello-web-fail-on-warning", 0, "validate", "examples/hello-web", "--fail-on", "warning", "-q"),
                run("removed-apis", 1, "validate", "examples/removed-apis"),
                run("removed-apis-quiet", 1, "validate", "examples/removed-apis", "-q"),
                run("removed-apis-markdown", 1, "validate", "examples/removed-apis", "-f", "markdown"),
                run("expired-waiver", 1, "validate", "examples/expired-waiver"),
                run("broken-schema", 2, "validate", "examples/broken-schema"),
                run("broken-yaml-json", 2, "validate", "examples/broken-yaml", "-f", "json"),
                run("quiet-and-verbose", 2, "validate", "examples/hello-web", "-q", "-v"),
                run("fail-on-unknown", 2, "validate", "examples/hello-web", "--fail-on", "never"),
                run("markdown-limit-too-small", 2, "validate", "examples/hello-web", "--markdown-limit", "100"),
                generated("warning-and-info", 0, "validate", "app", "--no-git"),
                generated("warning-and-info-fail-on-warning", 1, "validate", "app", "--no-git", "--fail-on",
                        "warning"),
                generated("warning-and-info-junit-fail-on-warning", 1, "validate", "app", "--no-git", "--fail-on",
                        "warning", "-f", "junit"));
    }

    private static Arguments run(String name, int status, String... args) {
        return Arguments.of(name, status, null, List.of(args));
    }

    /** A case run in the generated {@code severities} folder. */
    private static Arguments generated(String name, int status, String... args) {
        return Arguments.of(name, status, "severities", List.of(args));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldExitAndPrintExactlyAsExpected(String name, int status, String fixture, List<String> args)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xms16m", "-XX:MinHeapFreeRatio=10",
                "-XX:MaxHeapFreeRatio=20", // as the ascent script starts it
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        Path directory = fixture == null ? ROOT : fixtures.resolve(fixture);
        Process process = new ProcessBuilder(command).directory(directory.toFile()).start();
        process.getOutputStream().close();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        String out = read(process.getInputStream());
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("%s finished", name).isTrue();

        String actual = normalise(out) + (err.get().isEmpty() ? "" : "--- standard error\n" + normalise(err.get()));
        Path expected = EXPECTED.resolve(name + ".out");
        if (Boolean.getBoolean("ascent.updateExpected")) {
            Files.writeString(expected, actual);
        }
        assertThat(process.exitValue()).as("exit status of ascent %s\n%s", String.join(" ", args), actual)
                .isEqualTo(status);
        assertThat(actual).as("output of ascent %s (see %s; -Dascent.updateExpected=true rewrites it)",
                String.join(" ", args), expected).isEqualTo(Files.readString(expected));
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** What differs between runs, checkouts and machines, replaced by a placeholder. */
    static String normalise(String text) {
        return text
                .replaceAll("(?m)^repository: .*$", "repository: <repository>")
                .replaceAll("repository `[^`]*`", "repository `<repository>`")
                .replaceAll("\"repository\" : \"[^\"]*\"", "\"repository\" : \"<repository>\"")
                .replaceAll("\\b[0-9a-f]{40}\\b", "<commit>")
                .replaceAll("(\\(commit )[0-9a-f]{7,12}(\\\\?\\))", "$1<commit>$2") // Markdown escapes the ')'
                .replaceAll("\"(createdAt|startedAt)\" : \"[^\"]*\"", "\"$1\" : \"<time>\"")
                .replaceAll("(timestamp|time)=\"[^\"]*\"", "$1=\"<time>\"")
                .replaceAll("\"durationMillis\" : [0-9]+", "\"durationMillis\" : 0")
                .replaceAll("(?m)( done in )[0-9.]+ ?(ms|s|min)$", "$1<duration>")
                .replaceAll("(\"name\" : \"ascent\",\\s+\"version\" : )\"[^\"]*\"", "$1\"<version>\"");
    }
}

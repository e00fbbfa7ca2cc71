package io.ascent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The examples in the repository behave as their comments promise: hello-web passes, each broken one fails for
 * its reason at its line, with the documented exit status.
 */
class ExamplesTest {
    /** Tests run in the module directory; the examples sit at the repository root. */
    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

    private static CliRun validate(String example, String... more) {
        String[] args = new String[2 + more.length];
        args[0] = "validate";
        args[1] = EXAMPLES.resolve(example).toString();
        System.arraycopy(more, 0, args, 2, more.length);
        return CliRun.of(args);
    }

    @Test
    void shouldPassHelloWeb() {
        CliRun run = validate("hello-web");
        assertThat(run.status()).as(run.out()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("result: PASSED (exit 0)").doesNotContain("ERROR").doesNotContain("FAIL ");
    }

    @Test
    void shouldRejectMisspeltPropertyAndUnquotedVersion() {
        CliRun run = validate("broken-schema");
        assertThat(run.status()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out())
                .contains("examples/broken-schema/ascent.yaml:9:3: unknown property 'requird' in repository; "
                        + "did you mean 'required'?")
                .contains("examples/broken-schema/ascent.yaml:12:12: expected a string but found the number 1.30");
    }

    @Test
    void shouldRejectDuplicateKey() {
        CliRun run = validate("broken-yaml");
        assertThat(run.status()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).contains("examples/broken-yaml/ascent.yaml:12:1: duplicate key 'repository'");
    }

    @Test
    void shouldRejectEscapingAndMissingPaths() {
        CliRun run = validate("broken-paths");
        assertThat(run.status()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out())
                .contains("examples/broken-paths/ascent.yaml:11:7: '../../../../etc/kubernetes/' leaves the repository")
                .contains("examples/broken-paths/ascent.yaml:12:7: 'deploy/missing.yaml' does not exist");
    }

    @Test
    void shouldFailOnExpiredWaiver() {
        CliRun run = validate("expired-waiver");
        assertThat(run.status()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.out()).contains("examples/expired-waiver/ascent.yaml:14:14: the waiver for "
                + "'manifest.resources' expired on 2025-01-31");
    }

    @Test
    void shouldFailHelloWebOnceACheckedPathIsBroken(@org.junit.jupiter.api.io.TempDir Path copy) throws Exception {
        Files.createDirectories(copy.resolve(".git"));
        Path app = copy.resolve("hello-web");
        copyTree(EXAMPLES.resolve("hello-web"), app);
        Files.delete(app.resolve("deploy/kind-config.yaml"));
        CliRun run = CliRun.of("validate", app.toString());
        assertThat(run.status()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).contains("hello-web/ascent.yaml:51:13: 'deploy/kind-config.yaml' does not exist");
    }

    static void copyTree(Path from, Path to) throws Exception {
        try (var paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}

package io.ascent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ascent validate} on a developer's checkout, run as its own process with the environment a workstation or a
 * CI build gives it, over a repository made with the real {@code git}: trying a checklist edit, and following the
 * fix Ascent prints.
 */
class LocalWorkTest {
    private static final String CHECKLIST = """
            apiVersion: ascent.dev/v1
            kind: Checklist
            metadata:
              name: app
            repository:
              executables:
                forbid: ["**/*.yaml"]
            """;

    @TempDir
    Path repository;

    private record Run(int status, String out) {
    }

    /** {@code ascent ARGS} in its own JVM, with the CI variables of this test's process removed and {@code env} set. */
    private Run ascent(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(repository.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeAll(List.of("CI", "JENKINS_URL", "BUILD_NUMBER"));
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(out).isTrue();
        return new Run(process.exitValue(), out);
    }

    /** Runs {@code command} with bash in the repository and returns its output; it must succeed. */
    private String sh(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", command).directory(repository.toFile())
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(command + "\n" + out).isZero();
        return out;
    }

    private void commit(String message) throws Exception {
        sh("git add -A && git -c user.name=test -c user.email=test@ascent.invalid -c commit.gpgsign=false commit -q -m '"
                + message + "'");
    }

    private void initWithChecklist() throws Exception {
        sh("git init -q -b main .");
        Files.writeString(repository.resolve("ascent.yaml"), CHECKLIST);
        commit("checklist");
    }

    @Test
    void shouldWarnOnceAboutAnEditedChecklistOnAWorkstationAndFailInCi() throws Exception {
        initWithChecklist();
        Files.writeString(repository.resolve("ascent.yaml"), CHECKLIST + "  uncommittedChanges: warn\n");

        Run local = ascent(Map.of(), "validate", ".");
        assertThat(local.status()).as(local.out()).isZero();
        assertThat(local.out()).contains("WARN   ascent.yaml: the checklist 'ascent.yaml' is modified and not committed: this run used the"
                + " copy on disk; in CI (CI, JENKINS_URL or BUILD_NUMBER set) an uncommitted checklist fails");
        assertThat(local.out().lines().filter(l -> l.startsWith("WARN") || l.startsWith("FAIL")))
                .as("one warning, not one per rule").hasSize(1);

        for (Map<String, String> ci : List.of(Map.of("CI", "true"), Map.of("BUILD_NUMBER", "17"),
                Map.of("JENKINS_URL", "https://ci.example.com/"))) {
            Run build = ascent(ci, "validate", ".");
            assertThat(build.status()).as(ci + build.out()).isEqualTo(ExitCodes.FAILED);
            assertThat(build.out()).as(ci.toString())
                    .contains("FAIL   ascent.yaml: the checklist 'ascent.yaml' is modified and not committed");
        }
        Run notCi = ascent(Map.of("CI", "false"), "validate", ".");
        assertThat(notCi.status()).as(notCi.out()).isZero();
    }

    @Test
    void shouldConvergeWhenThePrintedExecutableFixIsRun() throws Exception {
        initWithChecklist();
        Path manifest = Files.createDirectories(repository.resolve("deploy")).resolve("app's.yaml");
        Files.writeString(manifest, "a: 1\n");
        Files.setPosixFilePermissions(manifest, PosixFilePermissions.fromString("rwxr-xr-x"));
        commit("manifest");

        Run before = ascent(Map.of(), "validate", ".");
        assertThat(before.status()).as(before.out()).isEqualTo(ExitCodes.FAILED);
        String fixLine = before.out().lines().dropWhile(l -> !l.contains("[repo.executables]")).skip(1).findFirst()
                .orElseThrow().strip();
        assertThat(fixLine).startsWith("fix: ").endsWith(" (from the repository root), then commit");
        sh(fixLine.substring("fix: ".length(), fixLine.indexOf(" (from the repository root)")));
        sh("git -c user.name=test -c user.email=test@ascent.invalid -c commit.gpgsign=false commit -q -m fix");

        assertThat(Files.isExecutable(manifest)).as("the bit is gone from the disk too").isFalse();
        assertThat(sh("git status --porcelain")).as("nothing left to commit").isEmpty();
        assertThat(sh("git ls-files -s 'deploy/app'\\''s.yaml'")).startsWith("100644");
        Run after = ascent(Map.of(), "validate", ".");
        assertThat(after.status()).as(after.out()).isZero();
        assertThat(after.out()).as("the per-check table counts one pass and nothing else")
                .containsPattern("(?m)^repo\\.executables +1 +- +- +- +- +- +-$");
    }

    @Test
    void shouldSayWhereAndHowTheChecklistIsMisIndented() throws Exception {
        Files.writeString(repository.resolve("ascent.yaml"), """
                apiVersion: ascent.dev/v1
                kind: Checklist
                metadata:
                  name: app
                 owner: team-web
                repository:
                  required: ["README.md"]
                """);
        CliRun run = CliRun.of("validate", repository.toString(), "--no-git");
        assertThat(run.status()).as(run.out()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).contains("ascent.yaml:5:2: 'owner' on line 5 is indented by 1 space, which lines up with"
                + " nothing above it: indent it by 2 spaces like 'name' on line 4, or by 0 spaces like 'metadata' on"
                + " line 3").doesNotContain("<block");
    }
}

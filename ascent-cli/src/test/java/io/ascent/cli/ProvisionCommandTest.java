package io.ascent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ascent provision} as a user meets it without a cluster: usage errors, the plan, an unreachable cluster. */
class ProvisionCommandTest {

    private static final String HELLO_WEB = Path.of("..", "examples", "hello-web").toAbsolutePath().normalize()
            .toString();

    @Test
    void shouldExitTwoOnAnUnknownDriverKeepOrTimeout() {
        assertThat(CliRun.of("provision", HELLO_WEB, "--driver", "minikube"))
                .satisfies(run -> assertThat(run.status()).isEqualTo(ExitCodes.INVALID_INPUT))
                .satisfies(run -> assertThat(run.err()).contains("--driver must be kind or existing, not 'minikube'"));
        assertThat(CliRun.of("provision", HELLO_WEB, "--keep", "sometimes"))
                .satisfies(run -> assertThat(run.status()).isEqualTo(ExitCodes.INVALID_INPUT))
                .satisfies(run -> assertThat(run.err()).contains("'sometimes' is not one of never, on-failure, always"));
        assertThat(CliRun.of("provision", HELLO_WEB, "--timeout", "5 minutes"))
                .satisfies(run -> assertThat(run.status()).isEqualTo(ExitCodes.INVALID_INPUT))
                .satisfies(run -> assertThat(run.err()).contains("write it as 90s, 5m, 1m30s or 1h"));
        assertThat(CliRun.of("provision", HELLO_WEB, "--timeout", "0s").status()).isEqualTo(ExitCodes.INVALID_INPUT);
    }

    @Test
    void shouldPrintThePlanOfADryRunAndTouchNothing() {
        CliRun run = CliRun.of("provision", HELLO_WEB, "--driver", "existing", "--dry-run",
                "--kubeconfig", "/nonexistent/kubeconfig");

        assertThat(run.status()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("dry run: nothing is created",
                "  1. Service/hello-web (examples/hello-web/deploy/app/service.yaml:1:1)",
                "  content-check: job deploy/smoke/content-job.yaml (timeout 120s)");
        assertThat(run.err()).contains("validate done in").as("the plan once, in the report").doesNotContain(
                "dry run: nothing is created", "content-check: job");
    }

    @Test
    void shouldShowThePlanOfADryRunOnStandardErrorWhenTheReportGoesToAFile(@TempDir Path dir) {
        CliRun run = CliRun.of("provision", HELLO_WEB, "--driver", "existing", "--dry-run",
                "--kubeconfig", "/nonexistent/kubeconfig", "-f", "json", "-o", dir.resolve("plan.json").toString());

        assertThat(run.status()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).contains("dry run: nothing is created", "content-check: job");
    }

    @Test
    void shouldPlanOnlyTheSmokeTestsAskedForWithTest() {
        CliRun run = CliRun.of("provision", HELLO_WEB, "--driver", "existing", "--dry-run",
                "--kubeconfig", "/nonexistent/kubeconfig", "--test", "content-check");

        assertThat(run.status()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("  content-check: job deploy/smoke/content-job.yaml (timeout 120s)",
                "  homepage: not run (only content-check asked for with --test)",
                "  health: not run (only content-check asked for with --test)");
    }

    @Test
    void shouldExitTwoBeforeCreatingAnythingWhenTestNamesNoSmokeTestOfTheChecklist() throws Exception {
        CliRun run = CliRun.of("provision", HELLO_WEB, "--driver", "existing", "--dry-run",
                "--kubeconfig", "/nonexistent/kubeconfig", "--test", "content-check", "--test", "homepgae");

        assertThat(run.status()).as(run.out()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).contains("--test homepgae: the checklist has no smoke test of that name; its tests: "
                + "homepage, health, content-check").contains("examples/hello-web/ascent.yaml:" + testsLine())
                .doesNotContain("--test content-check:").doesNotContain("dry run: nothing is created");
    }

    @Test
    void shouldSayTheChecklistHasNoSmokeTestsWhenTestNamesOneItLacks(@TempDir Path dir) throws Exception {
        Path app = dir.resolve("hello-web");
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(Path.of(HELLO_WEB))) {
            for (Path file : files.toList()) {
                Path target = app.resolve(Path.of(HELLO_WEB).relativize(file).toString());
                if (java.nio.file.Files.isDirectory(file)) {
                    java.nio.file.Files.createDirectories(target);
                } else {
                    java.nio.file.Files.copy(file, target);
                }
            }
        }
        String checklist = java.nio.file.Files.readString(app.resolve("ascent.yaml"));
        java.nio.file.Files.writeString(app.resolve("ascent.yaml"), checklist.substring(0,
                checklist.indexOf("  tests:\n")) + checklist.substring(checklist.indexOf("  teardown:")));

        CliRun run = CliRun.of("provision", app.toString(), "--no-git", "--driver", "existing", "--dry-run",
                "--kubeconfig", "/nonexistent/kubeconfig", "--test", "content-check");

        assertThat(run.status()).as(run.out()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).contains("--test content-check: the checklist has no smoke test of that name "
                + "(it has none)");
    }

    @Test
    void shouldExitThreeWithTheFixWhenTheKubeconfigIsMissing() {
        CliRun run = CliRun.of("provision", HELLO_WEB, "--driver", "existing", "--kubeconfig", "/nonexistent/kubeconfig");

        assertThat(run.status()).as(run.out()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(run.out()).contains("the kubeconfig /nonexistent/kubeconfig does not exist")
                .contains("fix: pass --kubeconfig PATH");
    }

    /** The line of hello-web's checklist where its {@code provision.tests} list starts: the one after "  tests:". */
    private static int testsLine() throws java.io.IOException {
        java.util.List<String> lines = java.nio.file.Files.readAllLines(Path.of(HELLO_WEB, "ascent.yaml"));
        return lines.indexOf("  tests:") + 2;
    }
}

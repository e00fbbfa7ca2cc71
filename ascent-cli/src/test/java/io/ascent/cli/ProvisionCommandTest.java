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
    void shouldExitThreeWithTheFixWhenTheKubeconfigIsMissing() {
        CliRun run = CliRun.of("provision", HELLO_WEB, "--driver", "existing", "--kubeconfig", "/nonexistent/kubeconfig");

        assertThat(run.status()).as(run.out()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(run.out()).contains("the kubeconfig /nonexistent/kubeconfig does not exist")
                .contains("fix: pass --kubeconfig PATH");
    }
}

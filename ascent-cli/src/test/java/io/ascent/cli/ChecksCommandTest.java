package io.ascent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.catalog.CheckCatalog;
import org.junit.jupiter.api.Test;

/** {@code ascent checks}: every id from the jar alone, and one check explained. */
class ChecksCommandTest {

    @Test
    void shouldListEveryCatalogIdWithItsDefaultSeverity() {
        CliRun run = CliRun.of("checks");
        assertThat(run.status()).isZero();
        for (String id : CheckCatalog.ids()) {
            assertThat(run.out()).as(id).containsPattern("(?m)^  " + java.util.regex.Pattern.quote(id) + " +");
        }
        assertThat(run.out()).startsWith("checklist:\n  checklist.options")
                .containsPattern("(?m)^  manifest\\.privileged +error +No container is privileged$")
                .containsPattern("(?m)^  manifest\\.probes +warning +Containers have readiness and liveness probes$")
                .contains("\nrepository:\n").contains("\nmanifests:\n")
                .contains("Run 'ascent checks ID'");
    }

    @Test
    void shouldExplainOneCheckInItsOwnWords() {
        CliRun run = CliRun.of("checks", "manifest.privileged");
        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("manifest.privileged: No container is privileged\n"
                        + "Area: manifests; default severity: error\n\n"
                        + "Looks at: every container's securityContext.privileged\n"
                        + "Why: a privileged container has every capability and the host's devices: it is root on the"
                        + " node\n")
                .contains("Fix: remove privileged: true;")
                .contains("  - switch it off: kubernetes.checks.manifest.privileged.enabled: false")
                .contains("  - exempt one resource: annotate it with ascent.dev/exempt: \"manifest.privileged\"")
                .contains("  - waive findings: waivers: [{id: manifest.privileged,");
    }

    @Test
    void shouldSayHowARepositoryRuleIsSwitchedOnAndItsSeverityChanged() {
        CliRun run = CliRun.of("checks", "repo.license");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("switch on or off: repository.license: true")
                .contains("change its severity: repository.rules.repo.license.severity: error | warning | info");
    }

    @Test
    void shouldSuggestTheNearestIdForAnUnknownOne() {
        CliRun run = CliRun.of("checks", "manifest.privilege");
        assertThat(run.status()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("ascent checks: unknown check 'manifest.privilege'; did you mean"
                + " 'manifest.privileged'? Run 'ascent checks' for the list.\n");
    }
}

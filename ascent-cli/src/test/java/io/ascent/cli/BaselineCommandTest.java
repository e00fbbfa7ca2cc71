package io.ascent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ascent baseline} black-box: what it writes, what later runs of {@code validate} say, exit statuses. */
class BaselineCommandTest {
    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private Path copy(String example) throws IOException {
        Path from = EXAMPLES.resolve(example);
        Path to = dir.resolve(example);
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        return to;
    }

    @Test
    void shouldRecordTheFindingsAndLetOnlyNewOnesFailLaterRuns() throws Exception {
        Path app = copy("removed-apis");

        CliRun baseline = CliRun.of("baseline", app.toString(), "--no-git");

        assertThat(baseline.status()).as(baseline.err()).isZero();
        assertThat(baseline.out()).isEqualTo("ascent baseline: wrote " + app.resolve(".ascent-baseline.json")
                + " with 2 findings:\n  manifest.api-version 2\nCommit it: 'ascent validate " + app
                + " --no-git' now fails only on findings not in it.\n");
        String file = Files.readString(app.resolve(".ascent-baseline.json"));
        assertThat(file).contains("\"id\" : \"manifest.api-version\",\n    \"path\" : \"deploy/ingress.yaml\",\n"
                + "    \"hint\" : \"Ingress/shop: extensions/v1beta1 Ingress was removed in Kubernetes 1.22; use "
                + "networking.k8s.io/v1 Ingress\"\n");
        assertThat(CliRun.of("baseline", app.toString(), "--no-git").status()).isZero();
        assertThat(Files.readString(app.resolve(".ascent-baseline.json"))).as("stable").isEqualTo(file);

        Files.writeString(app.resolve("deploy/ingress.yaml"), "# moved down by a comment\n\n"
                + Files.readString(app.resolve("deploy/ingress.yaml")));
        CliRun passing = CliRun.of("validate", app.toString(), "--no-git");
        assertThat(passing.status()).as(passing.out()).isZero();
        assertThat(passing.out()).contains("baseline .ascent-baseline.json: 2 accepted findings; only new findings "
                        + "fail\n")
                .contains("BASELINED deploy/ingress.yaml:4:13: Ingress/shop: extensions/v1beta1 Ingress was removed")
                .doesNotContain("FAIL   ").containsPattern("\nresult: PASSED \\(exit 0\\): 2 baselined, [^\n]* items\n");

        CliRun all = CliRun.of("validate", app.toString(), "--no-git", "--no-baseline");
        assertThat(all.status()).isEqualTo(ExitCodes.FAILED);
        assertThat(all.out()).contains("FAIL   deploy/ingress.yaml:4:13").doesNotContain("BASELINED");
    }

    @Test
    void shouldWarnAtTheEntryOfAFixedFindingAndFailOnANewOne() throws Exception {
        Path app = copy("removed-apis");
        assertThat(CliRun.of("baseline", app.toString(), "--no-git").status()).isZero();
        Files.delete(app.resolve("deploy/pdb.yaml"));
        Files.writeString(app.resolve("deploy/ingress.yaml"), Files.readString(app.resolve("deploy/ingress.yaml"))
                + "---\napiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: other\n"
                + "spec:\n  backend:\n    serviceName: shop\n    servicePort: 80\n");

        CliRun run = CliRun.of("validate", app.toString(), "--no-git", "--format", "json");

        assertThat(run.status()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.out()).contains("\"status\" : \"BASELINED\"").contains("\"baselined\" : 1")
                .contains("\"message\" : \"Ingress/other: extensions/v1beta1 Ingress was removed")
                .contains("\"message\" : \"this entry (manifest.api-version in deploy/pdb.yaml: PodDisruptionBudget/"
                        + "shop: policy/v1beta1 PodDisruptionBudget was removed in Kubernetes 1.25; use policy/v1 "
                        + "PodDisruptio…) matches no finding any more: it was fixed\"")
                .contains("\"path\" : \".ascent-baseline.json\",\n      \"line\" : 9,\n      \"column\" : 6");
    }

    /** The removed-apis example whose checklist names {@code file} as its baseline. */
    private Path withBaselineKey(String file) throws IOException {
        Path app = copy("removed-apis");
        Files.writeString(app.resolve("ascent.yaml"), Files.readString(app.resolve("ascent.yaml"))
                + "baseline: " + file + "\n");
        return app;
    }

    @Test
    void shouldWriteAndReadTheBaselineFileTheChecklistNames() throws Exception {
        Path app = withBaselineKey("ci/accepted findings.json");

        CliRun baseline = CliRun.of("baseline", app.toString(), "--no-git");

        assertThat(baseline.status()).as(baseline.err()).isZero();
        assertThat(baseline.out()).startsWith("ascent baseline: wrote " + app.resolve("ci/accepted findings.json")
                + " with 2 findings:");
        assertThat(app.resolve(".ascent-baseline.json")).doesNotExist();
        CliRun passing = CliRun.of("validate", app.toString(), "--no-git");
        assertThat(passing.status()).as(passing.out()).isZero();
        assertThat(passing.out()).contains("baseline ci/accepted findings.json: 2 accepted findings; only new "
                + "findings fail\n");

        // A baseline at the default place is not read when the checklist names another file.
        Files.move(app.resolve("ci/accepted findings.json"), app.resolve(".ascent-baseline.json"));
        assertThat(CliRun.of("validate", app.toString(), "--no-git").status()).isEqualTo(ExitCodes.FAILED);
    }

    @Test
    void shouldRefuseABaselineFileOutsideTheRepository() throws Exception {
        Path app = withBaselineKey("../../outside.json");

        CliRun run = CliRun.of("baseline", app.toString(), "--no-git");

        assertThat(run.status()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("ascent.yaml:14:11: '../../outside.json' leaves the repository");
        assertThat(dir.getParent().resolve("outside.json")).doesNotExist();
    }

    @Test
    void shouldWriteNothingAndExitTwoWhenTheChecklistIsBroken() throws Exception {
        Path app = copy("broken-yaml");

        CliRun run = CliRun.of("baseline", app.toString(), "--no-git");

        assertThat(run.status()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).isEqualTo("ascent baseline: nothing written: the run ended INVALID INPUT (exit 2); a "
                + "baseline records findings, not errors. Fix these first:\n  ascent.yaml:12:1: duplicate key "
                + "'repository' (first defined at line 7) [checklist.file]\n");
        assertThat(app.resolve(".ascent-baseline.json")).doesNotExist();
    }

    @Test
    void shouldNeverWriteThroughALinkTheRepositoryCommitted() throws Exception {
        Path app = copy("removed-apis");
        Path elsewhere = Files.writeString(dir.resolve("elsewhere.txt"), "mine\n");
        Files.createSymbolicLink(app.resolve(".ascent-baseline.json"), elsewhere);

        CliRun run = CliRun.of("baseline", app.toString(), "--no-git");

        assertThat(run.status()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).isEqualTo("ascent baseline: " + app.resolve(".ascent-baseline.json") + " is not a "
                + "regular file (a link, folder or device); remove it first\n");
        assertThat(Files.readString(elsewhere)).isEqualTo("mine\n");
    }

    @Test
    void shouldExitTwoAtTheLineAndColumnOfABrokenBaseline() throws Exception {
        Path app = copy("removed-apis");
        Files.writeString(app.resolve(".ascent-baseline.json"), "{\n  \"formatVersion\": \"1\",\n  \"findngs\": []\n}\n");

        CliRun run = CliRun.of("validate", app.toString(), "--no-git");

        assertThat(run.status()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).contains("ERROR  .ascent-baseline.json:3:3: the baseline cannot be used: unknown "
                + "property 'findngs'; a baseline has formatVersion, about and findings [checklist.baseline]\n");
    }
}

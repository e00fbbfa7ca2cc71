package io.ascent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ascent} as a user meets it: flags, outputs, exit statuses, and no stack traces. */
class CommandLineTest {
    private static final String HELLO = Path.of("..", "examples", "hello-web").toString();

    @TempDir
    Path out;

    @Test
    void shouldPrintTheSchemaAsJson() {
        CliRun run = CliRun.of("schema");
        assertThat(run.status()).isZero();
        JSONObject schema = new JSONObject(run.out());
        assertThat(schema.getString("$id")).endsWith("ascent-checklist.schema.json");
        assertThat(schema.getString("$schema")).contains("draft-07");
    }

    @Test
    void shouldPrintVersion() {
        CliRun run = CliRun.of("--version");
        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("ascent ");
    }

    @Test
    void shouldDocumentExitStatusesInHelp() {
        CliRun run = CliRun.of("--help");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("validate").contains("schema")
                .contains("2  invalid input or usage").contains("3  the environment cannot run the work");
        assertThat(CliRun.of("help", "validate").out()).contains("--kubernetes-version").contains("--format");
    }

    @Test
    void shouldExitTwoWithSuggestionOnUnknownFlag() {
        CliRun run = CliRun.of("validate", "--formt", "json");
        assertThat(run.status()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).startsWith("ascent: unknown option '--formt'; did you mean '--format'?\n")
                .contains("Run 'ascent validate --help' for usage.").doesNotContain("Exception");
    }

    @Test
    void shouldSuggestTheNearestCommandForAMisspeltOne() {
        CliRun run = CliRun.of("valdate");
        assertThat(run.status()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).startsWith(
                "ascent: unknown command 'valdate'; did you mean 'validate'? (commands: validate, provision, doctor, gc, init, checks, baseline, schema, help)")
                .contains("Run 'ascent --help' for usage.").doesNotContain("Unmatched");
    }

    @Test
    void shouldNameTheCommandWhenNoOptionIsNear() {
        CliRun run = CliRun.of("validate", "--zzzzzzzzzz=1");
        assertThat(run.status()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).startsWith("ascent: unknown option '--zzzzzzzzzz' for 'ascent validate'\n");
    }

    @Test
    void shouldRefuseAnExtraArgumentInAscentsWords() {
        CliRun run = CliRun.of("schema", "extra");
        assertThat(run.status()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).startsWith("ascent: unexpected argument 'extra' for 'ascent schema'\n");
    }

    @Test
    void shouldExitTwoOnUnknownFormat() {
        CliRun run = CliRun.of("validate", HELLO, "--format", "xml");
        assertThat(run.status()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("xml").contains("text, json, junit, sarif, markdown");
    }

    @Test
    void shouldExitTwoWithWhereItLookedWhenChecklistIsMissing() {
        CliRun run = CliRun.of("validate", out.toString());
        assertThat(run.status()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).contains("no checklist found: looked for " + out.resolve("ascent.yaml"));
    }

    @Test
    void shouldExitTwoForADirectoryThatDoesNotExist() {
        CliRun run = CliRun.of("validate", out.resolve("nope").toString());
        assertThat(run.status()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).contains("is not a directory");
    }

    @Test
    void shouldExitTwoForAMalformedKubernetesVersion() {
        CliRun run = CliRun.of("validate", HELLO, "--kubernetes-version", "latest");
        assertThat(run.status()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.out()).contains("--kubernetes-version: 'latest' is not a Kubernetes version");
    }

    @Test
    void shouldTakeKubernetesVersionFromTheCommandLineOverTheChecklist() {
        CliRun run = CliRun.of("validate", HELLO, "--kubernetes-version", "1.22");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("target Kubernetes version: 1.22\n");
    }

    @Test
    void shouldWriteEveryFormatIntoAnOutputDirectory() throws Exception {
        Path dir = out.resolve("reports");
        CliRun run = CliRun.of("validate", HELLO, "-f", "json", "-f", "junit", "-f", "sarif", "-f", "markdown",
                "-o", dir + "/");
        assertThat(run.status()).isZero();
        assertThat(dir.resolve("ascent-report.json")).exists();
        assertThat(dir.resolve("ascent-junit.xml")).exists();
        assertThat(dir.resolve("ascent.sarif")).exists();
        assertThat(dir.resolve("ascent-report.md")).exists();
        assertThat(run.out()).startsWith("ascent: PASSED:").contains("wrote");
        assertThat(new JSONObject(Files.readString(dir.resolve("ascent-report.json"))).getString("verdict"))
                .isEqualTo("PASSED");
    }

    @Test
    void shouldPairOutputsWithFormatsInOrder() throws Exception {
        CliRun run = CliRun.of("validate", HELLO, "-f", "text", "-o", out.resolve("a.txt").toString(),
                "-f", "json", "-o", out.resolve("b.json").toString());
        assertThat(run.status()).isZero();
        assertThat(Files.readString(out.resolve("a.txt"))).startsWith("Ascent ");
        assertThat(Files.readString(out.resolve("b.json"))).startsWith("{");
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a.txt", "b.json");
        }
    }

    @Test
    void shouldExitTwoWhenOutputsCannotBePairedWithFormats() {
        CliRun run = CliRun.of("validate", HELLO, "-f", "json", "-f", "sarif", "-o", out.resolve("a").toString(),
                "-o", out.resolve("b").toString(), "-o", out.resolve("c").toString());
        assertThat(run.status()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("give one --output per --format");
    }

    @Test
    void shouldWriteTheReportEvenWhenTheChecklistIsInvalid() throws Exception {
        Path broken = Path.of("..", "examples", "broken-schema");
        CliRun run = CliRun.of("validate", broken.toString(), "-f", "sarif", "-o", out.resolve("x.sarif").toString());
        assertThat(run.status()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(Files.readString(out.resolve("x.sarif"))).contains("unknown property 'requird'");
    }

    @Test
    void shouldExitThreeWithoutAStackTraceWhenTheReportCannotBeWritten() throws Exception {
        Path file = Files.writeString(out.resolve("a-file"), "not a directory");
        CliRun run = CliRun.of("validate", HELLO, "-f", "json", "-o", file.resolve("report.json").toString());
        assertThat(run.status()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(run.err()).startsWith("ascent validate: cannot write the report:").doesNotContain("\tat ");
        assertThat(Files.readString(file)).isEqualTo("not a directory");
    }

    @Test
    void shouldExitTwoForATimeLimitThatIsNotADuration() {
        CliRun run = CliRun.of("validate", HELLO, "--time-limit", "soon");
        assertThat(run.status()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("--time-limit: 'soon' is not a duration; write 90s, 10m, 1h or PT10M");
    }
}

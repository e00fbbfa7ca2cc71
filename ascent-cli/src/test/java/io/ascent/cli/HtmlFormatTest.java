package io.ascent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --format html} black-box: exit status, the summary line, the file under its default name. */
class HtmlFormatTest {
    private static final Path REMOVED_APIS = Path.of("..", "examples", "removed-apis");

    @TempDir
    Path out;

    @Test
    void shouldWriteTheReportPageWithTheLinesAroundEachFinding() throws Exception {
        CliRun run = CliRun.of("validate", REMOVED_APIS.toString(), "-f", "html", "-f", "json", "-o", out + "/");

        assertThat(run.status()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("ascent: FAILED: 2 failed, 2 skipped, 19 passed of 23 items; wrote "
                + out.resolve("ascent-report.html") + ", " + out.resolve("ascent-report.json") + "\n");
        String html = Files.readString(out.resolve("ascent-report.html"));
        assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n")
                .contains("<mark><b>2</b>apiVersion: extensions/v1beta1</mark>")
                .contains("<mark><b>1</b>apiVersion: policy/v1beta1</mark>");
        assertThat(Files.readString(out.resolve("ascent-report.json")))
                .contains("\"excerpts\" : [ {\n    \"path\" : \"examples/removed-apis/deploy/ingress.yaml\",\n"
                        + "    \"firstLine\" : 1,");
    }

    @Test
    void shouldShowTheLinesAroundEachFindingInProvisionsPageToo() throws Exception {
        CliRun run = CliRun.of("provision", REMOVED_APIS.toString(), "--dry-run", "-f", "html", "-f", "json",
                "-o", out + "/");

        assertThat(run.status()).as(run.err()).isEqualTo(ExitCodes.FAILED);
        String html = Files.readString(out.resolve("ascent-report.html"));
        assertThat(html).contains("<mark><b>2</b>apiVersion: extensions/v1beta1</mark>")
                .contains("<mark><b>1</b>apiVersion: policy/v1beta1</mark>");
        assertThat(Files.readString(out.resolve("ascent-report.json")))
                .contains("\"excerpts\" : [ {\n    \"path\" : \"examples/removed-apis/deploy/ingress.yaml\",\n");
        CliRun json = CliRun.of("provision", REMOVED_APIS.toString(), "--dry-run", "-f", "json");
        assertThat(json.out()).as("no excerpts without the html format").doesNotContain("\"excerpts\"");
    }

    @Test
    void shouldKeepNoExcerptsWithoutTheHtmlFormat() {
        CliRun run = CliRun.of("validate", REMOVED_APIS.toString(), "-f", "json");

        assertThat(run.status()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.out()).doesNotContain("\"excerpts\"");
    }
}

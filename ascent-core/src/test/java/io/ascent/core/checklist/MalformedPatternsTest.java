package io.ascent.core.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.Ascent;
import io.ascent.core.ValidateOptions;
import io.ascent.core.ValidationSteps;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.report.Report;
import io.ascent.core.report.Status;
import io.ascent.core.report.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A malformed glob or path pattern is bad input at its line (exit 2), never an internal error later in the run. */
class MalformedPatternsTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "kubernetes.manifests nested group|kubernetes:\\n  manifests: [\"deploy/{a,{b}}.yaml\"]|7",
        "kubernetes.manifests unclosed [|kubernetes:\\n  manifests: [\"deploy/[ab.yaml\"]|7",
        "kubernetes.manifests unclosed {|kubernetes:\\n  manifests: [\"deploy/{a,b.yaml\"]|7",
        "kubernetes.manifests alternative|'kubernetes:\\n  manifests: [\"deploy/|deploy/{a,{b}}.yaml\"]'|7",
        "kubernetes.exclude reversed range|kubernetes:\\n  exclude: [\"deploy/[z-a]\"]|7",
        "kubernetes.manifests reversed range|kubernetes:\\n  manifests: [\"deploy/[z-a].yaml\"]|7",
        "repository.required reversed range|repository:\\n  required: [\"src/[z-a]*\"]|7",
        "repository.forbidden reversed range|repository:\\n  forbidden:\\n    - path: \"[z-a]\"\\n      reason: r|8",
        "custom item require|items:\\n  - id: x\\n    title: x\\n    check:\\n      require: [\"[z-a]\"]|10",
        "waiver path|waivers:\\n  - id: repo.required\\n    path: \"{a,{b}}\"\\n    reason: r\\n    owner: me\\n    expires: 2030-01-01|8"})
    void shouldReportAMalformedPatternAtItsLine(String where, String body, int line) throws Exception {
        Files.writeString(dir.resolve("ascent.yaml"), "apiVersion: ascent.dev/v1\nkind: Checklist\nmetadata:\n"
                + "  name: app\n  owner: me\n" + body.replace("\\n", "\n") + "\n");
        Files.createDirectories(dir.resolve("deploy"));
        Report report = new Ascent(Clock.fixed(Instant.parse("2026-11-30T00:00:00Z"), ZoneOffset.UTC),
                ValidationSteps.builtIn()).validate(ValidateOptions.of(dir).withNoGit(true), ProgressListener.SILENT);
        assertThat(report.verdict()).isEqualTo(Verdict.INVALID_INPUT);
        assertThat(report.items()).filteredOn(item -> item.id().equals("checklist.patterns")).singleElement()
                .satisfies(item -> {
                    assertThat(item.status()).isEqualTo(Status.ERROR);
                    assertThat(item.message()).contains("is malformed");
                    assertThat(item.location().line()).isEqualTo(line);
                });
    }
}

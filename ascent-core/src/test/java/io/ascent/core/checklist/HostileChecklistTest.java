package io.ascent.core.checklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.ascent.core.Ascent;
import io.ascent.core.ValidateOptions;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import io.ascent.core.report.Status;
import io.ascent.core.report.Verdict;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and broken checklists: each one is refused as invalid input, with a message that names the file (and the
 * line where there is one), quickly and within the test JVM's 512 MB heap. Cases and expectations live in
 * {@code hostile/expectations.tsv}.
 */
class HostileChecklistTest {
    private static final String CORPUS = "/io/ascent/core/checklist/hostile/";
    /** A guard against hangs, not a performance measure: every case takes milliseconds. */
    private static final Duration GUARD = Duration.ofSeconds(20);

    @TempDir
    Path app;

    static Stream<Arguments> corpus() throws IOException {
        try (InputStream in = HostileChecklistTest.class.getResourceAsStream(CORPUS + "expectations.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.split("\t", 3))
                    .map(f -> Arguments.of(f[0], Integer.parseInt(f[1]), f[2]))
                    .toList().stream();
        }
    }

    @Test
    void shouldHoldAtLeastTwentyFiveCases() throws IOException {
        assertThat(corpus().count()).isGreaterThanOrEqualTo(25);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void shouldRefuseHostileChecklistAsInvalidInput(String file, int line, String fragment) throws Exception {
        try (InputStream in = getClass().getResourceAsStream(CORPUS + file)) {
            Files.write(app.resolve("ascent.yaml"), in.readAllBytes());
        }
        Report report = validate();
        assertThat(report.verdict()).isEqualTo(Verdict.INVALID_INPUT);
        Item error = report.items().stream().filter(item -> item.status() == Status.ERROR).findFirst().orElseThrow();
        assertThat(error.message()).contains(fragment);
        assertThat(error.location().path()).isEqualTo("ascent.yaml");
        if (line > 0) {
            assertThat(error.location().line()).isEqualTo(line);
        }
    }

    @Test
    void shouldRefuseThirtyMegabyteScalarWithoutReadingIt() throws Exception {
        Path file = app.resolve("ascent.yaml");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("apiVersion: ascent.dev/v1\nkind: Checklist\nmetadata:\n  name: x\n  description: \"");
            char[] chunk = new char[1 << 20];
            java.util.Arrays.fill(chunk, 'a');
            for (int i = 0; i < 30; i++) {
                out.write(chunk);
            }
            out.write("\"\n");
        }
        Report report = validate();
        assertThat(report.verdict()).isEqualTo(Verdict.INVALID_INPUT);
        assertThat(report.items().get(0).message()).contains("the limit is");
    }

    @Test
    void shouldRefuseTwoHundredThousandKeys() throws Exception {
        StringBuilder yaml = new StringBuilder("apiVersion: ascent.dev/v1\nkind: Checklist\nmetadata:\n  name: x\n"
                + "  labels:\n");
        for (int i = 0; i < 200_000; i++) {
            yaml.append("    k").append(i).append(": v\n");
        }
        // Over the byte limit already; the node limit is checked separately below with short keys in flow style.
        Files.writeString(app.resolve("ascent.yaml"), yaml);
        assertThat(validate().verdict()).isEqualTo(Verdict.INVALID_INPUT);

        StringBuilder flow = new StringBuilder("{");
        for (int i = 0; i < 200_000; i++) {
            flow.append(i == 0 ? "" : ",").append(Integer.toString(i, 36)).append(":0");
        }
        flow.append("}\n");
        Files.writeString(app.resolve("ascent.yaml"), flow);
        Report report = validate();
        assertThat(report.verdict()).isEqualTo(Verdict.INVALID_INPUT);
        assertThat(report.items().get(0).message()).containsAnyOf("nodes", "the limit is");
    }

    @Test
    void shouldReportMissingChecklistWithWhereItLooked() throws Exception {
        Report report = validate();
        assertThat(report.verdict()).isEqualTo(Verdict.INVALID_INPUT);
        assertThat(report.items().get(0).message())
                .contains("no checklist found")
                .contains(app.resolve("ascent.yaml").toString())
                .contains(app.resolve("ascent.yml").toString());
    }

    private Report validate() {
        return assertTimeoutPreemptively(GUARD, () -> {
            try {
                return new Ascent(Clock.systemUTC(), List.of())
                        .validate(new ValidateOptions(app, Optional.empty(), Optional.empty()),
                                ProgressListener.SILENT);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        });
    }
}

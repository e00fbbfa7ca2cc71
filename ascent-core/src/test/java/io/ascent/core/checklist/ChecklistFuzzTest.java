package io.ascent.core.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ascent.core.Ascent;
import io.ascent.core.ValidateOptions;
import io.ascent.core.fuzz.FuzzFolders;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import io.ascent.core.report.Status;
import io.ascent.core.report.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Fuzzes the whole checklist path (safe YAML loading, schema validation, semantic checks) with arbitrary bytes.
 * Whatever the input, the engine returns a report, never throws, and every ERROR item carries a location in the
 * file. In the default test run Jazzer replays the seeds in {@code ChecklistFuzzTestInputs}; the {@code fuzz}
 * execution of the build fuzzes for a bounded time (JAZZER_FUZZ=1).
 */
class ChecklistFuzzTest {
    private static final Path APP = createApplication();
    private static final Ascent ASCENT = new Ascent(Clock.systemUTC(), List.of());

    private static Path createApplication() {
        try {
            Path app = FuzzFolders.create("ascent-fuzz");
            Files.createDirectories(app.resolve(".git"));
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void shouldNeverThrowOnAnyChecklistBytes(byte[] input) throws Exception {
        Files.write(APP.resolve("ascent.yaml"), input);
        Report report = ASCENT.validate(ValidateOptions.of(APP), ProgressListener.SILENT);
        assertThat(report.verdict()).isNotEqualTo(Verdict.ENVIRONMENT_ERROR);
        for (Item item : report.items()) {
            if (item.status() == Status.ERROR) {
                assertThat(item.location()).isNotNull();
                assertThat(item.location().path()).isEqualTo("ascent.yaml");
                assertThat(item.message()).isNotBlank().doesNotContain("Exception").doesNotContain("snakeyaml");
            }
        }
    }
}

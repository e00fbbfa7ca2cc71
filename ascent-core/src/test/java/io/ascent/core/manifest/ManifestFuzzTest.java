package io.ascent.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ascent.core.Ascent;
import io.ascent.core.ValidateOptions;
import io.ascent.core.fuzz.FuzzFolders;
import io.ascent.core.manifest.api.ApiLifecycleTable;
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
 * Fuzzes the manifest path (loading, List expansion, embedded configurations, every check) with arbitrary bytes
 * as a manifest file that is also the kind config of the provision section. Whatever the input, the run returns a
 * report, no check crashes on an object (which would show as "the check could not read this object"), and every
 * ERROR names the manifest. The default test run replays the seeds in {@code ManifestFuzzTestInputs}; fuzz longer
 * with {@code JAZZER_FUZZ=1 ./mvnw -B -pl ascent-core test -Dtest=ManifestFuzzTest -Djazzer.skip}.
 */
class ManifestFuzzTest {
    private static final Path APP = createApplication();
    private static final Ascent ASCENT = new Ascent(Clock.systemUTC(),
            List.of(new ManifestValidationStep(ApiLifecycleTable.builtIn(), 1)));

    private static Path createApplication() {
        try {
            Path app = FuzzFolders.create("ascent-manifest-fuzz");
            Files.createDirectories(app.resolve(".git"));
            Files.createDirectories(app.resolve("deploy"));
            Files.writeString(app.resolve("ascent.yaml"), """
                    apiVersion: ascent.dev/v1
                    kind: Checklist
                    metadata:
                      name: fuzz
                    kubernetes:
                      version: "1.29"
                      manifests: [deploy/]
                    provision:
                      cluster:
                        driver: kind
                        config: deploy/input.yaml
                    """);
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void shouldNeverThrowOnAnyManifestBytes(byte[] input) throws Exception {
        Files.write(APP.resolve("deploy/input.yaml"), input);
        Report report = ASCENT.validate(ValidateOptions.of(APP), ProgressListener.SILENT);
        assertThat(report.verdict()).isNotEqualTo(Verdict.ENVIRONMENT_ERROR);
        for (Item item : report.items()) {
            if (item.status() == Status.ERROR) {
                assertThat(item.id()).as(item.message()).isEqualTo(ManifestLoader.PARSE_ID);
                assertThat(item.location().path()).isEqualTo("deploy/input.yaml");
                assertThat(item.message()).isNotBlank().doesNotContain("Exception").doesNotContain("snakeyaml");
            }
        }
    }
}

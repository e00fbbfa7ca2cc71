package io.ascent.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.manifest.schema.SchemaFetcher;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds on a Jenkins agent share one JVM: runs at the same time must not see each other. */
class ConcurrentRunsTest {
    @TempDir
    Path temp;

    @Test
    void shouldGiveTheSameReportsWhenTwoValidationsRunAtOnceAsWhenEachRunsAlone() throws Exception {
        Path web = copy(Path.of("..", "examples", "hello-web"), temp.resolve("web"));
        Path other = copy(Path.of("..", "examples", "hello-web"), temp.resolve("other"));
        // A second application that differs: a missing LICENSE fails a rule only there.
        Files.delete(other.resolve("LICENSE"));
        Ascent ascent = new Ascent(EngineConfig.builder()
                .clock(Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC))
                .cacheDirectory(temp.resolve("cache")).schemaFetcher(SchemaFetcher.offline()).build());
        ValidateOptions webOptions = ValidateOptions.builder(web).noGit(true).build();
        ValidateOptions otherOptions = ValidateOptions.builder(other).noGit(true).build();

        List<String> webAlone = summary(ascent.validate(webOptions, ProgressListener.SILENT));
        List<String> otherAlone = summary(ascent.validate(otherOptions, ProgressListener.SILENT));
        assertThat(webAlone).isNotEqualTo(otherAlone);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                CyclicBarrier start = new CyclicBarrier(2);
                Future<Report> webRun = pool.submit(() -> {
                    start.await();
                    return ascent.validate(webOptions, ProgressListener.SILENT);
                });
                Future<Report> otherRun = pool.submit(() -> {
                    start.await();
                    return new Ascent(EngineConfig.builder()
                            .clock(Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC))
                            .cacheDirectory(temp.resolve("cache")).schemaFetcher(SchemaFetcher.offline()).build())
                            .validate(otherOptions, ProgressListener.SILENT);
                });
                assertThat(summary(webRun.get())).isEqualTo(webAlone);
                assertThat(summary(otherRun.get())).isEqualTo(otherAlone);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Everything in a report but times: items in order, the log, the phases' names and outcomes. */
    private static List<String> summary(Report report) {
        Stream<String> items = report.items().stream().map(ConcurrentRunsTest::describe);
        Stream<String> log = report.log().stream().map(entry -> entry.level() + " " + entry.message());
        Stream<String> phases = report.phases().stream().map(phase -> phase.name() + " " + phase.outcome());
        return Stream.of(items, log, phases, Stream.of(report.verdict().name())).flatMap(s -> s).toList();
    }

    private static String describe(Item item) {
        return item.id() + " " + item.status() + " " + item.location() + " " + item.message() + " " + item.key();
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(source -> {
                Path target = to.resolve(from.relativize(source).toString());
                try {
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return to;
    }
}

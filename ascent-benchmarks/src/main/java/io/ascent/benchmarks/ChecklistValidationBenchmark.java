package io.ascent.benchmarks;

import io.ascent.core.Ascent;
import io.ascent.core.ValidateOptions;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.report.Report;
import io.ascent.core.report.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Checklist load + schema + semantic validation, in process and warm: the cost of the checklist part of every
 * {@code ascent validate} and every Jenkins step. {@code hello-web} is the example checklist (copied so the run does
 * not depend on the working directory); {@code items-500} is a generated checklist with 500 custom items and 50
 * waivers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ChecklistValidationBenchmark {

    @Param({"hello-web", "items-500"})
    public String checklist;

    private Path app;
    private Ascent ascent;

    @Setup(Level.Trial)
    public void createApplication() throws IOException, InterruptedException {
        app = Files.createTempDirectory("ascent-bench");
        Files.createDirectories(app.resolve(".git"));
        Files.createDirectories(app.resolve("deploy/app"));
        Files.createDirectories(app.resolve("deploy/smoke"));
        Files.createDirectories(app.resolve("docs"));
        for (String file : List.of("deploy/kind-config.yaml", "deploy/smoke/content-job.yaml", "Dockerfile",
                "README.md")) {
            Files.writeString(app.resolve(file), "# fixture\n");
        }
        Files.writeString(app.resolve("ascent.yaml"), checklist.equals("hello-web") ? helloWeb() : manyItems(500));
        ascent = new Ascent(Clock.systemUTC(), List.of());
        Report report = validate();
        if (report.verdict() != Verdict.PASSED) {
            throw new IllegalStateException("the benchmark checklist must be valid: " + report.items());
        }
    }

    @TearDown(Level.Trial)
    public void removeApplication() throws IOException {
        try (var paths = Files.walk(app)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Benchmark
    public Report validate() throws InterruptedException {
        return ascent.validate(ValidateOptions.of(app), ProgressListener.SILENT);
    }

    private static String helloWeb() throws IOException {
        try (var in = ChecklistValidationBenchmark.class.getResourceAsStream("hello-web.yaml")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    static String manyItems(int count) {
        StringBuilder yaml = new StringBuilder("""
                apiVersion: ascent.dev/v1
                kind: Checklist
                metadata:
                  name: large
                  owner: platform
                repository:
                  required: [README*, "LICENSE*|COPYING*"]
                  maxFileSize: 10MB
                kubernetes:
                  version: "1.31"
                  manifests: [deploy/app/]
                items:
                """);
        for (int i = 0; i < count; i++) {
            yaml.append("  - id: item-").append(i).append('\n')
                    .append("    title: Item number ").append(i).append(" is satisfied\n")
                    .append("    severity: ").append(i % 3 == 0 ? "warning" : "error").append('\n');
            switch (i % 3) {
                case 0 -> yaml.append("    check:\n      require: [\"docs/file-").append(i).append(".md\"]\n");
                case 1 -> yaml.append("    check:\n      forbid: [\"**/*.tmp").append(i).append("\"]\n");
                default -> yaml.append("    check:\n      contains:\n        path: Dockerfile\n")
                        .append("        pattern: \"^USER \\\\d+ # ").append(i).append("\"\n");
            }
        }
        yaml.append("waivers:\n");
        for (int i = 0; i < 50; i++) {
            yaml.append("  - id: item-").append(i).append("\n    reason: accepted for the benchmark\n")
                    .append("    owner: platform\n    expires: 2099-12-31\n");
        }
        return yaml.toString();
    }
}

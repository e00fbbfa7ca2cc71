package io.ascent.benchmarks;

import io.ascent.core.Ascent;
import io.ascent.core.ValidateOptions;
import io.ascent.core.manifest.ManifestValidationStep;
import io.ascent.core.manifest.api.ApiLifecycleTable;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Every manifest check (parse, shape, API versions, best practices, cross-resource checks) over a corpus of
 * realistic resources, warm, through the {@link Ascent} facade as {@code ascent validate} runs it. The corpus is
 * microservices-demo's {@code release/kubernetes-manifests.yaml} (Apache-2.0, from
 * {@code /work/shared/data/k8s-corpus}, or the path in {@code -Dascent.corpus=...}) copied {@code copies} times
 * into a temporary repository, each copy with its resources and labels renamed, one file per copy. Resources per
 * second = resources / (ms per op / 1000); the setup prints the resource count.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
public class ManifestChecksBenchmark {
    private static final String DEFAULT_CORPUS =
            "/work/shared/data/k8s-corpus/microservices-demo/release/kubernetes-manifests.yaml";
    private static final Pattern NAME = Pattern.compile("(?m)^(\\s*(?:- )?(?:name|app|serviceAccountName): )([a-z][-a-z0-9]*)$");

    /** Copies of the corpus file; 150 copies of its 35 resources make 5,250. */
    @Param({"150"})
    public int copies;

    /** Parsing threads: 1 is one core, 2 both cores of the reference machine. */
    @Param({"1", "2"})
    public int threads;

    private Path repository;
    private Ascent ascent;

    @Setup(Level.Trial)
    public void createCorpus() throws IOException, InterruptedException {
        String corpus = Files.readString(Path.of(System.getProperty("ascent.corpus", DEFAULT_CORPUS)),
                StandardCharsets.UTF_8);
        repository = Files.createTempDirectory("ascent-manifest-bench");
        Files.createDirectories(repository.resolve(".git"));
        Path deploy = Files.createDirectories(repository.resolve("deploy"));
        for (int copy = 0; copy < copies; copy++) {
            Files.writeString(deploy.resolve(String.format("copy-%04d.yaml", copy)), renamed(corpus, copy),
                    StandardCharsets.UTF_8);
        }
        Files.writeString(repository.resolve("ascent.yaml"), """
                apiVersion: ascent.dev/v1
                kind: Checklist
                metadata:
                  name: manifest-benchmark
                kubernetes:
                  version: "1.31"
                  manifests: [deploy/]
                """);
        ascent = new Ascent(Clock.systemUTC(), List.of(new ManifestValidationStep(ApiLifecycleTable.builtIn(),
                threads)));
        Report report = validate();
        String parsed = report.items().stream().filter(i -> i.id().equals("manifest.parse"))
                .map(Item::message).findFirst().orElse("?");
        if (report.items().stream().anyMatch(i -> i.status() == io.ascent.core.report.Status.ERROR)) {
            throw new IllegalStateException("the corpus must parse: " + report.items());
        }
        System.out.println("corpus: " + parsed + ", " + report.items().size() + " report items");
    }

    /** Renames every resource, container, port and app label so that copies do not collide. */
    static String renamed(String text, int copy) {
        Matcher matcher = NAME.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 4096);
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(1) + matcher.group(2) + "-c" + copy));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    @TearDown(Level.Trial)
    public void removeCorpus() throws IOException {
        try (var paths = Files.walk(repository)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Benchmark
    public Report validate() throws InterruptedException {
        return ascent.validate(ValidateOptions.of(repository), ProgressListener.SILENT);
    }
}

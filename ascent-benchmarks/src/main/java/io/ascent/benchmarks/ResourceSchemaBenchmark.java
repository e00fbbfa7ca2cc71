package io.ascent.benchmarks;

import io.ascent.core.manifest.schema.ResourceSchemaValidator;
import io.ascent.core.manifest.schema.SchemaResult;
import io.ascent.core.yaml.SafeYamlLoader;
import io.ascent.core.yaml.YamlLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Schema validation of 5,250 realistic resources (150 renamed copies of microservices-demo, see
 * {@link SchemaCorpus}) against the bundled Kubernetes 1.30 schemas, strict. One operation is one resource, so the
 * score is resources per second. Warm: every schema is compiled during setup.
 * <ul>
 *   <li>{@code validate*}: schema validation of already parsed documents (the part ajv is compared with);</li>
 *   <li>{@code parseAndValidate*}: read each file, parse it, validate its resources, drop it (memory stays flat
 *       in the number of files).</li>
 * </ul>
 * {@code *OneThread} and {@code *TwoThreads} run the same work on one and two threads (scores are totals).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class ResourceSchemaBenchmark {
    static final int COPIES = 150;
    static final int RESOURCES = COPIES * 35;

    private Path directory;
    private List<Path> files;
    private List<SchemaCorpus.Resource> resources;
    private ResourceSchemaValidator validator;
    private final SafeYamlLoader loader = new SafeYamlLoader(YamlLimits.MANIFEST);

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        directory = Files.createTempDirectory("ascent-schema-bench");
        files = SchemaCorpus.write(directory, COPIES);
        resources = new ArrayList<>();
        for (Path file : files) {
            resources.addAll(SchemaCorpus.load(loader, file));
        }
        if (resources.size() != RESOURCES) {
            throw new IllegalStateException("expected " + RESOURCES + " resources, found " + resources.size());
        }
        validator = ResourceSchemaValidator.builder().build();
        for (SchemaCorpus.Resource resource : resources) {
            SchemaResult result = validator.validate(resource.document(), List.of(), resource.apiVersion(),
                    resource.kind(), SchemaCorpus.TARGET);
            if (!(result instanceof SchemaResult.Checked checked) || !checked.valid()) {
                throw new IllegalStateException("corpus resource not valid: " + result);
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private void validateAll(Blackhole blackhole) {
        for (SchemaCorpus.Resource resource : resources) {
            blackhole.consume(validator.validate(resource.document(), List.of(), resource.apiVersion(),
                    resource.kind(), SchemaCorpus.TARGET));
        }
    }

    private void parseAndValidateAll(Blackhole blackhole) {
        for (Path file : files) {
            for (SchemaCorpus.Resource resource : SchemaCorpus.load(loader, file)) {
                blackhole.consume(validator.validate(resource.document(), List.of(), resource.apiVersion(),
                        resource.kind(), SchemaCorpus.TARGET));
            }
        }
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(RESOURCES)
    public void validateOneThread(Blackhole blackhole) {
        validateAll(blackhole);
    }

    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(RESOURCES)
    public void validateTwoThreads(Blackhole blackhole) {
        validateAll(blackhole);
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(RESOURCES)
    public void parseAndValidateOneThread(Blackhole blackhole) {
        parseAndValidateAll(blackhole);
    }

    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(RESOURCES)
    public void parseAndValidateTwoThreads(Blackhole blackhole) {
        parseAndValidateAll(blackhole);
    }
}

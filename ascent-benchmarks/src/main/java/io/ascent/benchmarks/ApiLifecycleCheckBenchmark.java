package io.ascent.benchmarks;

import io.ascent.core.manifest.api.ApiLifecycleTable;
import io.ascent.core.manifest.api.KubernetesVersion;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One API-availability check per resource is on the manifest checks' hot path (goal: 10,000 resources/s with every
 * check). This measures a mix of served, removed, not-yet-served and unknown (custom) kinds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ApiLifecycleCheckBenchmark {
    private static final String[][] SAMPLES = {{"apps/v1", "Deployment"}, {"policy/v1beta1", "PodDisruptionBudget"},
        {"v1", "ConfigMap"}, {"cert-manager.io/v1", "Certificate"}, {"batch/v1", "CronJob"},
        {"pod-security.admission.config.k8s.io/v1", "PodSecurityConfiguration"}};

    private final ApiLifecycleTable table = ApiLifecycleTable.builtIn();
    private final KubernetesVersion target = KubernetesVersion.parse("1.22");

    @Benchmark
    public void checkSixResources(Blackhole blackhole) {
        for (String[] sample : SAMPLES) {
            blackhole.consume(table.check(sample[0], sample[1], target));
        }
    }
}

package io.ascent.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The manifest checks' speed in resources per CPU-second, for machines shared with other builds, where JMH's wall
 * time mostly measures the neighbours. Runs {@link ManifestChecksBenchmark} on one parsing thread (all work on the
 * calling thread), warms up for 20 rounds, then prints 10 rounds: the calling thread's CPU time and the whole
 * process's (GC and JIT included). Usage:
 * {@code java -Xmx48m -XX:+UseSerialGC -cp ascent-benchmarks/target/benchmarks.jar
 * io.ascent.benchmarks.ManifestChecksCpuTime [copies]}; a small {@code -Xmx} also shows that memory does not
 * grow with the number of files.
 */
public final class ManifestChecksCpuTime {
    private static final int RESOURCES_PER_COPY = 35;

    private ManifestChecksCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        ManifestChecksBenchmark benchmark = new ManifestChecksBenchmark();
        benchmark.copies = args.length > 0 ? Integer.parseInt(args[0]) : 150;
        benchmark.threads = 1;
        benchmark.createCorpus();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int resources = benchmark.copies * RESOURCES_PER_COPY;
        try {
            for (int round = 0; round < 30; round++) {
                long thread = threads.getCurrentThreadCpuTime();
                long process = os.getProcessCpuTime();
                long wall = System.nanoTime();
                benchmark.validate();
                double threadSeconds = (threads.getCurrentThreadCpuTime() - thread) / 1e9;
                double processSeconds = (os.getProcessCpuTime() - process) / 1e9;
                double wallSeconds = (System.nanoTime() - wall) / 1e9;
                if (round >= 20) {
                    System.out.printf("%d resources: thread cpu %.0f ms, process cpu %.0f ms, wall %.0f ms;"
                            + " %.0f resources per thread-cpu-second, %.0f per process-cpu-second%n", resources,
                            threadSeconds * 1e3, processSeconds * 1e3, wallSeconds * 1e3, resources / threadSeconds,
                            resources / processSeconds);
                }
            }
        } finally {
            benchmark.removeCorpus();
        }
    }
}

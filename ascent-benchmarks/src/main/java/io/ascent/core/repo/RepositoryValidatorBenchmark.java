package io.ascent.core.repo;

import io.ascent.core.checklist.Checklist;
import io.ascent.core.checklist.ChecklistLoader;
import io.ascent.core.checklist.LoadedChecklist;
import io.ascent.core.report.Item;
import io.ascent.core.report.Status;
import io.ascent.core.workspace.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Times the repository validator on one repository, in one JVM: the HEAD-tree read, the HEAD-tree rules (secret
 * scanning off), secret scanning alone, a read-only pass over the same blobs (the floor secret scanning cannot
 * beat), and JGit's working-tree status. Each is run once cold, then {@code iterations} times warm; the best and
 * the median of the warm runs are reported (on a shared machine the best is the least disturbed). A plain timing command rather than JMH: the work is seconds long, cold numbers matter
 * (CI runs it once per build), and bench/repository-validator.sh runs it next to repolinter as a whole process.
 * Usage: {@code java -cp ascent-benchmarks/target/benchmarks.jar io.ascent.core.repo.RepositoryValidatorBenchmark
 * REPO_DIR [ITERATIONS]}.
 */
public final class RepositoryValidatorBenchmark {
    /**
     * The HEAD-tree rules: bench/repository-rules.yaml (read from the working directory, the checkout's root, as
     * bench/repository-validator.sh runs this) without the secret scan, which is timed on its own.
     */
    static String treeRules() throws IOException {
        return Files.readString(Path.of("bench", "repository-rules.yaml")) + "  secrets:\n    scan: false\n";
    }

    static final String SECRETS_ONLY = """
            apiVersion: ascent.dev/v1
            kind: Checklist
            metadata:
              name: bench
            repository:
              symlinks: allow
            """;

    private RepositoryValidatorBenchmark() {
    }

    @FunctionalInterface
    interface Task {
        String run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--once")) {
            once(Path.of(args[1]), Path.of(args[2]));
            return;
        }
        // As RepositoryStep does before it opens a repository.
        ObjectCacheSettings.installOnce();
        Path dir = Path.of(args[0]).toAbsolutePath().normalize();
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Checklist treeRules = checklist(dir, treeRules());
        Checklist secretsOnly = checklist(dir, SECRETS_ONLY);
        Map<String, String> results = new TreeMap<>();
        try (Repository repository = new FileRepositoryBuilder().findGitDir(dir.toFile()).setMustExist(true).build()) {
            RepositoryTree sample = HeadTreeReader.read(repository, "").orElseThrow();
            long files = sample.entries().stream().filter(TreeEntry::isFile).count();
            System.out.printf(Locale.ROOT, "repository %s: %d entries at %s (%d files), %d cores%n", dir,
                    sample.entries().size(), sample.description(), files, ParallelScan.threads());

            time("1 read HEAD tree", iterations, results, () -> {
                RepositoryTree tree = HeadTreeReader.read(repository, "").orElseThrow();
                return tree.entries().size() + " entries";
            });
            time("2 HEAD-tree rules (read + all rules but secrets)", iterations, results, () -> {
                RepositoryTree tree = HeadTreeReader.read(repository, "").orElseThrow();
                return summary(RepositoryStep.runTreeRules(tree, treeRules));
            });
            RepositoryTree warmTree = HeadTreeReader.read(repository, "").orElseThrow();
            for (int round = 0; round < 3; round++) {
                StringBuilder perRule = new StringBuilder("per rule (round " + round + "):");
                for (TreeRule rule : TreeRules.builtIn()) {
                    long start = System.nanoTime();
                    List<Item> items = rule.check(warmTree, treeRules);
                    perRule.append(String.format(Locale.ROOT, " %s %.0f ms (%d items)",
                            rule.getClass().getSimpleName(), (System.nanoTime() - start) / 1e6, items.size()));
                }
                System.out.println(perRule);
            }
            time("3 secret scan (read + scan)", iterations, results, () -> {
                RepositoryTree tree = HeadTreeReader.read(repository, "").orElseThrow();
                long start = System.nanoTime();
                List<Item> items = RepositoryStep.runTreeRules(tree, secretsOnly);
                long bytes = scannableBytes(tree);
                double seconds = (System.nanoTime() - start) / 1e9;
                return summary(items) + String.format(Locale.ROOT, "; %.0f MiB of text in %.2f s = %.0f MiB/s",
                        bytes / 1048576.0, seconds, bytes / 1048576.0 / seconds);
            });
            time("4 read the same blobs without scanning (floor)", iterations, results, () -> {
                RepositoryTree tree = HeadTreeReader.read(repository, "").orElseThrow();
                List<TreeEntry> candidates = tree.entries().stream().filter(TreeEntry::isFile).toList();
                AtomicLong total = new AtomicLong();
                byte[][] buffers = new byte[64][];
                ParallelScan.run(tree, candidates, (entry, reader, out) -> {
                    if (reader.size(entry) > SecretScanner.MAX_SCAN_BYTES) {
                        return;
                    }
                    try (InputStream in = reader.open(entry)) {
                        total.addAndGet(in.readAllBytes().length);
                    }
                });
                return (total.get() / 1048576) + " MiB read";
            });
            time("5 working-tree status (JGit)", Math.min(iterations, 3), results, () ->
                    WorkingTreeStatus.read(repository, "").changes().size() + " changes");
        }
        System.out.println();
        System.out.println("| measurement | cold | warm best | warm median | result |");
        System.out.println("|---|---:|---:|---:|---|");
        results.forEach((name, line) -> System.out.println(line));
    }

    /**
     * {@code --once REPO CHECKLIST}: one whole run of the repository step through the engine, as {@code ascent
     * validate} does, for timing a process end to end next to another tool.
     */
    private static void once(Path dir, Path checklistFile) throws Exception {
        long start = System.nanoTime();
        var report = new io.ascent.core.Ascent(Clock.systemUTC(), List.of(new RepositoryStep())).validate(
                new io.ascent.core.ValidateOptions(dir, Optional.of(checklistFile), Optional.empty()),
                io.ascent.core.progress.ProgressListener.SILENT);
        System.out.printf(Locale.ROOT, "ascent: %s in %.0f ms, verdict %s%n", summary(report.items()),
                (System.nanoTime() - start) / 1e6, report.verdict());
    }

    private static void time(String name, int iterations, Map<String, String> results, Task task) throws Exception {
        long start = System.nanoTime();
        String result = task.run();
        double cold = (System.nanoTime() - start) / 1e6;
        List<Double> warm = new ArrayList<>();
        for (int i = 0; i < iterations; i++) {
            start = System.nanoTime();
            result = task.run();
            warm.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(warm);
        double median = warm.get(warm.size() / 2);
        String line = String.format(Locale.ROOT, "| %s | %.0f ms | %.0f ms | %.0f ms | %s |", name.substring(2), cold,
                warm.get(0), median, result);
        System.out.println(line);
        results.put(name, line);
    }

    private static long scannableBytes(RepositoryTree tree) throws IOException {
        long bytes = 0;
        try (BlobReader reader = tree.newReader()) {
            for (TreeEntry entry : tree.entries()) {
                if (entry.isFile()) {
                    long size = reader.size(entry);
                    if (size <= SecretScanner.MAX_SCAN_BYTES) {
                        bytes += size;
                    }
                }
            }
        }
        return bytes;
    }

    private static String summary(List<Item> items) {
        Map<Status, Integer> counts = new TreeMap<>();
        items.forEach(item -> counts.merge(item.status(), 1, Integer::sum));
        return items.size() + " items " + counts;
    }

    private static Checklist checklist(Path dir, String text) throws IOException {
        Path file = Files.createTempFile("ascent-bench-", ".yaml");
        try {
            Files.writeString(file, text);
            LoadedChecklist loaded = new ChecklistLoader(Clock.systemUTC()).load(Workspace.of(dir), Optional.of(file));
            if (!loaded.usable()) {
                throw new IllegalStateException("benchmark checklist is invalid: " + loaded.items());
            }
            return loaded.checklist().orElseThrow();
        } finally {
            Files.delete(file);
        }
    }
}

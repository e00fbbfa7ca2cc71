package io.ascent.benchmarks;

import io.ascent.core.Ascent;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.provision.ProvisionOptions;
import io.ascent.core.report.Item;
import io.ascent.core.report.LogEntry;
import io.ascent.core.report.Report;
import io.ascent.core.report.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Ascent's overhead when the JVM is already running, as in a Jenkins agent: provisions {@code examples/hello-web}
 * (without its two http tests, as {@code bench/provision-vs-kubectl.sh}) ROUNDS times in this one JVM through
 * {@link Ascent#provision}, the call the Jenkins plugin's {@code ProvisionCallable} makes on the agent, and prints
 * per run the wall time of the call, the cluster's reaction (what the run logs as "waited for the cluster N ms") and
 * the overhead, their difference, split into validate (the static validation), own (every other phase minus the
 * waits; preflight is printed apart too) and outside (the call's time outside the run's phases: reading source
 * excerpts for the report). Run 1 pays class loading and the JIT; later runs are warm. It prints numbers and judges
 * nothing. Usage (bench/provision-warm.sh wraps it): {@code java -cp ascent-benchmarks/target/benchmarks.jar
 * io.ascent.benchmarks.WarmProvision KUBECONFIG HELLO_WEB [ROUNDS]}.
 */
public final class WarmProvision {

    private static final Pattern WAITED = Pattern.compile("waited for the cluster (\\d+) ms");

    private WarmProvision() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: WarmProvision KUBECONFIG HELLO_WEB_DIRECTORY [ROUNDS]");
            System.exit(2);
        }
        Path kubeconfig = Path.of(args[0]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path temp = Files.createTempDirectory("warm-provision");
        try {
            Path app = withoutHttpTests(Path.of(args[1]), temp.resolve("hello-web"));
            System.out.println("run,wall_ms,cluster_reaction_ms,overhead_ms,validate_ms,preflight_ms,own_ms,"
                    + "outside_ms");
            for (int run = 1; run <= rounds; run++) {
                long start = System.nanoTime();
                Report report = new Ascent().provision(ProvisionOptions.builder(app).driver("existing").noGit(true)
                        .kubeconfig(kubeconfig).workDirectory(temp.resolve("work-" + run)).build(),
                        ProgressListener.SILENT);
                long wall = (System.nanoTime() - start) / 1_000_000;
                if (report.verdict() != Verdict.PASSED) {
                    report.items().forEach(item -> System.err.println(item.id() + " " + item.status() + " "
                            + item.message()));
                    throw new IllegalStateException("run " + run + " did not pass: " + report.verdict());
                }
                long reaction = waited(report.log());
                Map<String, Long> phases = phases(report.items());
                System.err.println("run " + run + ": phases (ms) " + phases + "; " + waitedLine(report.log())
                        + "; preflight checks (ms) " + preflightChecks(report.items()));
                long inPhases = phases.values().stream().mapToLong(Long::longValue).sum();
                long validate = phases.getOrDefault("validate", 0L);
                System.out.printf("%d,%d,%d,%d,%d,%d,%d,%d%n", run, wall, reaction, wall - reaction, validate,
                        phases.getOrDefault("preflight", 0L), inPhases - validate - reaction, wall - inPhases);
            }
        } finally {
            try (Stream<Path> files = Files.walk(temp)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** A copy of hello-web without the http smoke tests: the test control plane's pod addresses lead nowhere. */
    private static Path withoutHttpTests(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        Path checklist = target.resolve("ascent.yaml");
        String text = Files.readString(checklist);
        int from = text.indexOf("    - name: homepage");
        int to = text.indexOf("    - name: content-check");
        if (from < 0 || to < from) {
            throw new IllegalStateException(checklist + ": the homepage and content-check tests were not found");
        }
        Files.writeString(checklist, text.substring(0, from) + text.substring(to));
        return target;
    }

    private static long waited(List<LogEntry> log) {
        for (LogEntry entry : log) {
            Matcher matcher = WAITED.matcher(entry.message());
            if (matcher.lookingAt()) {
                return Long.parseLong(matcher.group(1));
            }
        }
        throw new IllegalStateException("the report does not say how long the run waited for the cluster");
    }

    private static String waitedLine(List<LogEntry> log) {
        return log.stream().map(LogEntry::message).filter(message -> WAITED.matcher(message).lookingAt())
                .findFirst().orElse("");
    }

    /** Each preflight check's duration: connecting (kubeconfig), /version (server), the access review. */
    private static Map<String, Long> preflightChecks(List<Item> items) {
        Map<String, Long> checks = new java.util.LinkedHashMap<>();
        for (Item item : items) {
            if (item.id().startsWith("provision.preflight.") && item.duration() != null) {
                checks.put(item.id().substring("provision.preflight.".length()), item.duration().toMillis());
            }
        }
        return checks;
    }

    /** Each phase's duration in milliseconds, by its name (the phase item's message starts with it). */
    private static Map<String, Long> phases(List<Item> items) {
        Map<String, Long> phases = new HashMap<>();
        for (Item item : items) {
            if (item.id().equals("provision.phase") && item.duration() != null) {
                phases.put(item.message().split(":")[0], item.duration().toMillis());
            }
        }
        return phases;
    }
}

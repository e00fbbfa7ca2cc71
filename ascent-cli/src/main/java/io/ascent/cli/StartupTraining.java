package io.ascent.cli;

import io.ascent.cli.training.TrainingApiServer;
import io.ascent.core.Ascent;
import io.ascent.core.checklist.ChecklistLoader;
import io.ascent.core.checklist.ProvisionSettings;
import io.ascent.core.workspace.Workspace;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/**
 * The training run of the {@code ./ascent} launcher's class-data archive (CDS on Java 17, the ahead-of-time cache on
 * Java 25 and later): runs, in one JVM, the commands people start most, so that the archive holds what each of them
 * loads and not only what {@code validate} does. A class missing from the archive is loaded, verified and linked
 * from the jar on every start; the archive is recorded once after a build, from this run.
 *
 * <p>Usage: {@code java -XX:ArchiveClassesAtExit=ascent.jsa -cp ascent.jar io.ascent.cli.StartupTraining APP_DIR
 * SCRATCH_DIR}. {@code APP_DIR} is a passing application (the launcher uses {@code examples/hello-web});
 * {@code SCRATCH_DIR} an empty folder for the reports, the kubeconfigs and the training cluster's throw-away keys.
 * What the commands print and their exit statuses do not matter: only which classes they load.
 *
 * <p>{@code provision} and {@code doctor} run against a {@link TrainingApiServer} started in this JVM, so that the
 * archive holds what a real provision loads: the JDK's TLS handshake with a client certificate, the HTTP client's
 * requests and responses, server-side apply, the watches and judging of a rollout and a Job, the namespace's
 * deletion (without it about 950 classes, 600 of them the JDK's TLS, loaded from the jar and the JDK on every
 * provision). When that server cannot start (no {@code keytool}, no loopback), the rest is still recorded.
 */
public final class StartupTraining {

    private StartupTraining() {
    }

    /**
     * The third argument that limits the run to {@link #validateCommands}. The launcher records a second, smaller
     * archive from that run and maps it for {@code ascent validate}: an archive is resident almost whole in every run
     * that maps it (24 of its 25 MB, measured; Java 17 relocates it at start), so the provisioning classes of the
     * whole archive cost {@code validate} about 11 MiB of peak memory (docs/performance.md, "Launcher memory").
     */
    static final String VALIDATE_ONLY = "validate";

    public static void main(String[] args) throws IOException {
        // As Main.main starts every run: what it loads belongs in both archives (the signal handlers' JDK classes and
        // JitChoice were loaded from the JDK and the jar on every start; docs/performance.md, "Start-up cuts, third
        // round"). A training JVM has the launcher's flags, so JitChoice leaves its JIT as it is.
        StopSignals.install();
        Ascent.ignoreHostGitConfiguration();
        Ascent.warmUp(); // as Main.main starts it for validate: its classes belong in both archives
        JitChoice.applyInBackground();
        if (args.length == 3 && VALIDATE_ONLY.equals(args[2])) {
            run(validateCommands(Path.of(args[0]), Path.of(args[1])));
            System.exit(ExitCodes.OK);
        }
        if (args.length != 2) {
            System.err.println("usage: StartupTraining APP_DIR SCRATCH_DIR [" + VALIDATE_ONLY + "]");
            System.exit(ExitCodes.INVALID_INPUT);
        }
        train(Path.of(args[0]), Path.of(args[1]));
        System.exit(ExitCodes.OK);
    }

    /**
     * Runs the training commands against {@code app} with {@code scratch} as their scratch folder.
     *
     * @return whether the training cluster started (else provision and doctor met only an unreachable one)
     */
    static boolean train(Path app, Path scratch) throws IOException {
        Files.createDirectories(scratch);
        Optional<TrainingApiServer> cluster = startCluster(app, scratch);
        try {
            run(commands(app, scratch, cluster.map(c -> clusterKubeconfig(scratch))));
        } finally {
            cluster.ifPresent(TrainingApiServer::close);
        }
        loadHttp2();
        return cluster.isPresent();
    }

    /**
     * Loads (without initialising) the HTTP client's HTTP/2 classes, which every connection to an API server uses
     * (it offers HTTP/2 by ALPN) but the training cluster cannot exercise: the JDK's server speaks HTTP/1.1 only.
     * Loaded, they are archived like the rest. The package is read from the jar, not listed here, so a new
     * client version needs nothing; a class that does not load is skipped.
     *
     * @return how many classes were loaded
     */
    static int loadHttp2() {
        String prefix = "okhttp3/internal/http2/";
        int loaded = 0;
        try (JarFile jar = new JarFile(Path.of(okhttp3.OkHttpClient.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI()).toFile())) {
            for (String entry : jar.stream().map(JarEntry::getName)
                    .filter(name -> name.startsWith(prefix) && name.endsWith(".class")).toList()) {
                try {
                    Class.forName(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'), false,
                            StartupTraining.class.getClassLoader());
                    loaded++;
                } catch (ClassNotFoundException | LinkageError e) {
                    // not archived: loaded from the jar when a run needs it
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // not from a jar (tests run from class folders): nothing to archive anyway
        }
        return loaded;
    }

    /** The training cluster, its kubeconfig at {@link #clusterKubeconfig}; empty when it cannot start. */
    static Optional<TrainingApiServer> startCluster(Path app, Path scratch) {
        try {
            return Optional.of(TrainingApiServer.start(scratch, clusterKubeconfig(scratch), expectedBodies(app)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // the other commands still train what they load
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static Path clusterKubeconfig(Path scratch) {
        return scratch.resolve("training-kubeconfig");
    }

    /** What the application's {@code http} tests expect in a body, for the training cluster's service proxy. */
    private static String expectedBodies(Path app) {
        return new ChecklistLoader(Clock.systemUTC()).load(Workspace.of(app), Optional.empty()).checklist()
                .map(checklist -> checklist.provision().tests().stream()
                        .flatMap(test -> test.http().flatMap(ProvisionSettings.HttpProbe::expectBody).stream())
                        .collect(Collectors.joining("\n")))
                .orElse("");
    }

    /**
     * The commands of the training run, in order.
     *
     * @param cluster the training cluster's kubeconfig; when empty, provision and doctor only meet an unreachable
     *                cluster
     */
    static List<List<String>> commands(Path app, Path scratch, Optional<Path> cluster) throws IOException {
        Files.createDirectories(scratch);
        // A cluster that refuses at once: provision and doctor go through the kubeconfig, the API client and its
        // first request (the classes every real run loads) without waiting for anything.
        Path kubeconfig = scratch.resolve("kubeconfig");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: training
                  cluster: {server: "https://127.0.0.1:1"}
                users:
                - name: training
                  user: {token: training}
                contexts:
                - name: training
                  context: {cluster: training, user: training}
                current-context: training
                """, StandardCharsets.UTF_8);
        String dir = app.toString();
        List<List<String>> commands = new ArrayList<>();
        commands.add(List.of("--help"));
        commands.addAll(validateCommands(app, scratch));
        commands.add(List.of("provision", dir, "--dry-run"));
        commands.add(List.of("provision", dir, "--driver", "existing", "--kubeconfig", kubeconfig.toString(),
                "-f", "json", "-o", scratch.resolve("provision.json").toString()));
        commands.add(List.of("doctor", dir));
        commands.add(List.of("doctor", dir, "--driver", "existing", "--kubeconfig", kubeconfig.toString()));
        if (cluster.isPresent()) {
            // a whole run: preflight, namespace, apply, rollout and Job watches, http tests, namespace deletion
            commands.add(List.of("provision", dir, "--driver", "existing", "--kubeconfig", cluster.get().toString(),
                    "--timeout", "60s", "-f", "json", "-o", scratch.resolve("provision-trained.json").toString()));
            commands.add(List.of("provision", dir, "--no-git", "--driver", "existing", "--kubeconfig",
                    cluster.get().toString(), "--timeout", "60s"));
            commands.add(List.of("doctor", dir, "--driver", "existing", "--kubeconfig", cluster.get().toString()));
        }
        commands.add(List.of("--version"));
        return commands;
    }

    private static void run(List<List<String>> commands) {
        for (List<String> command : commands) {
            PrintWriter quiet = new PrintWriter(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
            String[] args = command.toArray(String[]::new);
            Main.run(quiet, quiet, ClusterWarmUp.start(args), args); // as Main.main starts it
        }
    }

    /**
     * The {@code validate} commands of the training run: all that the launcher's archive for {@code ascent validate}
     * is recorded from, and part of {@link #commands}.
     */
    static List<List<String>> validateCommands(Path app, Path scratch) throws IOException {
        Files.createDirectories(scratch);
        List<String> validate = new ArrayList<>(List.of("validate", app.toString()));
        for (String format : List.of("text", "json", "sarif", "junit", "markdown")) {
            validate.addAll(List.of("-f", format, "-o", scratch.resolve("report." + format).toString()));
        }
        // as the benchmarks and CI run it besides: the files on disk instead of HEAD (read through other classes)
        return List.of(validate, List.of("validate", app.toString(), "--no-git", "-f", "json", "-o",
                scratch.resolve("no-git.json").toString()));
    }
}

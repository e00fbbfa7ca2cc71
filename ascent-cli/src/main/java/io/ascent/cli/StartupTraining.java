package io.ascent.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The training run of the {@code ./ascent} launcher's class-data archive (CDS on Java 17, the ahead-of-time cache on
 * Java 25 and later): runs, in one JVM, the commands people start most, so that the archive holds what each of them
 * loads and not only what {@code validate} does. A class missing from the archive is loaded, verified and linked
 * from the jar on every start; the archive is recorded once after a build, from this run.
 *
 * <p>Usage: {@code java -XX:ArchiveClassesAtExit=ascent.jsa -cp ascent.jar io.ascent.cli.StartupTraining APP_DIR
 * SCRATCH_DIR}. {@code APP_DIR} is a passing application (the launcher uses {@code examples/hello-web});
 * {@code SCRATCH_DIR} an empty folder for the reports and an unreachable kubeconfig. What the commands print and
 * their exit statuses do not matter: only which classes they load.
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
        if (args.length == 3 && VALIDATE_ONLY.equals(args[2])) {
            run(validateCommands(Path.of(args[0]), Path.of(args[1])));
            System.exit(ExitCodes.OK);
        }
        if (args.length != 2) {
            System.err.println("usage: StartupTraining APP_DIR SCRATCH_DIR [" + VALIDATE_ONLY + "]");
            System.exit(ExitCodes.INVALID_INPUT);
        }
        for (List<String> command : commands(Path.of(args[0]), Path.of(args[1]))) {
            PrintWriter quiet = new PrintWriter(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
            Main.run(quiet, quiet, command.toArray(String[]::new));
        }
        System.exit(ExitCodes.OK);
    }

    /** The commands of the training run, in order. */
    static List<List<String>> commands(Path app, Path scratch) throws IOException {
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
        return commands;
    }

    private static void run(List<List<String>> commands) {
        for (List<String> command : commands) {
            PrintWriter quiet = new PrintWriter(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
            Main.run(quiet, quiet, command.toArray(String[]::new));
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
        return List.of(validate);
    }
}

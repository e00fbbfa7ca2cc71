package io.ascent.cli;

import io.ascent.core.Ascent;
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

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: StartupTraining APP_DIR SCRATCH_DIR");
            System.exit(ExitCodes.INVALID_INPUT);
        }
        Ascent.warmUp(); // as Main.main starts it for validate: its classes belong in the archive too
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
        List<String> validate = new ArrayList<>(List.of("validate", dir));
        for (String format : List.of("text", "json", "sarif", "junit", "markdown")) {
            validate.addAll(List.of("-f", format, "-o", scratch.resolve("report." + format).toString()));
        }
        commands.add(validate);
        commands.add(List.of("provision", dir, "--dry-run"));
        commands.add(List.of("provision", dir, "--driver", "existing", "--kubeconfig", kubeconfig.toString(),
                "-f", "json", "-o", scratch.resolve("provision.json").toString()));
        commands.add(List.of("doctor", dir));
        commands.add(List.of("doctor", dir, "--driver", "existing", "--kubeconfig", kubeconfig.toString()));
        commands.addAll(validateVariants(dir, scratch));
        return commands;
    }

    /**
     * Validate as the benchmarks and CI run it besides the formats above: the files on disk instead of HEAD
     * ({@code --no-git}, which reads the tree through other classes) and the version alone.
     */
    private static List<List<String>> validateVariants(String dir, Path scratch) {
        return List.of(
                List.of("validate", dir, "--no-git", "-f", "json", "-o", scratch.resolve("no-git.json").toString()),
                List.of("--version"));
    }
}

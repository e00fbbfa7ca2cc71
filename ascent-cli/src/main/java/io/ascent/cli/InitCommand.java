package io.ascent.cli;

import io.ascent.core.Ascent;
import io.ascent.core.EngineConfig;
import io.ascent.core.ValidateOptions;
import io.ascent.core.checklist.ChecklistRule;
import io.ascent.core.init.StarterChecklist;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import io.ascent.core.report.Status;
import io.ascent.core.report.Summary;
import io.ascent.core.workspace.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ascent init [DIR]}: writes a starting checklist from what DIR holds, then validates it at once. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Write a starting, commented ascent.yaml from what DIR holds, and validate DIR with it.",
            "It reads manifest folders, Kustomize and Helm folders, a kind config, README, LICENSE, CODEOWNERS",
            "and the Kubernetes version the manifests' API versions imply, and prints the first verdict.",
            "Never overwrites: an existing ascent.yaml or ascent.yml is exit status 2."},
        footerHeading = "%nExit status:%n",
        footer = {"  0 written and the checklist is valid (whatever its rules find), 2 a checklist exists or DIR is",
            "  not a directory, 3 the file cannot be written, 4 the written checklist is invalid (a bug)"})
final class InitCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    private final Invocation invocation;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = ".",
            description = "Application directory (default: the current directory).")
    private Path directory;

    InitCommand(Invocation invocation) {
        this.invocation = invocation;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path given = this.directory;
        Path directory = invocation.path(given); // the run's directory, whatever the JVM's is
        if (!Files.isDirectory(directory)) {
            err.println("ascent init: '" + given + "' is not a directory");
            return ExitCodes.INVALID_INPUT;
        }
        // What the run says of the paths it resolved reads as the user wrote them (the resident engine's requests).
        PathNames names = PathNames.of(invocation, given);
        Path written;
        try {
            written = StarterChecklist.write(directory);
        } catch (FileAlreadyExistsException e) {
            err.println("ascent init: " + names.name(e.getFile()) + " exists already; init never overwrites a checklist:"
                    + " edit it, or move it away and run init again");
            return ExitCodes.INVALID_INPUT;
        } catch (IOException e) {
            err.println("ascent init: cannot write " + names.name(directory.resolve(StarterChecklist.FILE_NAME)
                    .toString()) + ": " + names.name(e.toString()));
            return ExitCodes.ENVIRONMENT;
        }
        out.println("ascent init: wrote " + names.name(written.toString()) + "; read it, adjust it, and commit it.");
        boolean git = Files.exists(Workspace.of(directory).repositoryRoot().resolve(".git"));
        // The run's environment: the JVM's for the command line, the client's for the resident engine.
        Report report = names.name(new Ascent(EngineConfig.fromEnvironment(invocation.environment()))
                .validate(ValidateOptions.builder(directory).noGit(!git).build(), ProgressListener.SILENT));
        List<Item> checklistProblems = report.items().stream()
                .filter(item -> item.id().startsWith(ChecklistRule.AREA + "."))
                .filter(item -> item.status() == Status.ERROR || item.status() == Status.FAIL).toList();
        if (!checklistProblems.isEmpty()) {
            err.println("ascent init: the checklist written is invalid; this is a bug in Ascent, please report it:");
            checklistProblems.forEach(item -> err.println("  " + item.id() + " " + item.location() + ": "
                    + item.message()));
            return ExitCodes.INTERNAL_ERROR;
        }
        Summary s = report.summary();
        out.printf("ascent init: the checklist is valid. First validation%s: %s: %s%n",
                git ? "" : " (not a git repository: --no-git)", report.verdict().name().replace('_', ' '),
                s.describe());
        Map<String, Integer> failing = new TreeMap<>();
        report.items().stream().filter(item -> item.status() == Status.FAIL || item.status() == Status.ERROR)
                .forEach(item -> failing.merge(item.id(), 1, Integer::sum));
        if (!failing.isEmpty()) {
            StringBuilder line = new StringBuilder("  failing:");
            failing.forEach((id, count) -> line.append(' ').append(id).append(" (").append(count).append(')'));
            out.println(line);
        }
        if (failing.containsKey("repo.checklist-committed")) {
            out.println("  (repo.checklist-committed passes once ascent.yaml is committed)");
        }
        out.println("Run 'ascent validate " + given + (git ? "" : " --no-git")
                + "' for the full report, 'ascent checks ID' to learn about a check.");
        return ExitCodes.OK;
    }
}

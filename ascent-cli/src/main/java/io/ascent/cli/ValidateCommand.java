package io.ascent.cli;

import io.ascent.core.Ascent;
import io.ascent.core.EngineConfig;
import io.ascent.core.ValidateOptions;
import io.ascent.core.network.UrlAllowList;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.report.Report;
import io.ascent.core.report.render.Format;
import io.ascent.core.validation.RunBudget;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ascent validate}: checks an application directory against its checklist. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check an application against its ascent.yaml: the checklist itself, then the rules it enables."},
        footerHeading = "%nExit status:%n",
        footer = {"  0 passed, 1 gating items failed, 2 invalid input or usage, 3 environment, 4 internal error,",
            "  130 interrupted (partial report)"})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ApplicationOptions application;

    @Option(names = {"-v", "--verbose"}, description = {"Print each phase and its duration on standard error, and list",
            "every item (waived, skipped and passed ones too) in text and Markdown."})
    private boolean verbose;

    @Option(names = "--repository", paramLabel = "URL",
            description = {"Validate a remote git repository: clone it (shallow, one branch) into a temporary",
                "directory removed afterwards. DIR is then a path inside it (default: its root)."})
    private String repository;

    @Option(names = "--ref", paramLabel = "REF",
            description = "Branch or tag to clone with --repository (default: the remote's default branch).")
    private String ref;

    @Mixin
    private GitSourceOption source;

    @Option(names = "--no-baseline",
            description = {"Judge every finding as new, ignoring the checklist's baseline file",
                "(DIR/.ascent-baseline.json by default; written by 'ascent baseline')."})
    private boolean noBaseline;

    @Option(names = "--allow-url", paramLabel = "PREFIX",
            description = {"Allow remote schema locations (kubernetes.schemaLocations) under this URL prefix;",
                "repeatable, added to ASCENT_ALLOWED_URLS. Without it a checklist's URL is never asked",
                "(docs/security.md)."})
    private List<String> allowUrls = new ArrayList<>();

    @Option(names = "--time-limit", paramLabel = "DURATION",
            description = {"Stop a run that takes longer (90s, 10m, 1h): the repository decides how much work a run",
                "has. Default: ASCENT_TIME_LIMIT, else 10m. A stopped run exits 2 with what it checked."})
    private String timeLimit;

    @Mixin
    private OutputOptions output;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path directory = application.directory();
        boolean noGit = source.noGit();
        Map<Format, Path> destinations;
        try {
            destinations = output.destinations(directory);
            output.checkVerbosity(verbose);
        } catch (OutputOptions.UsageException e) {
            err.println("ascent validate: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        if (ref != null && repository == null) {
            err.println("ascent validate: --ref names a branch or tag of --repository URL; add --repository");
            return ExitCodes.INVALID_INPUT;
        }
        if (noGit && repository != null) {
            err.println("ascent validate: --no-git and --repository cannot be combined: a clone is a git repository");
            return ExitCodes.INVALID_INPUT;
        }
        Map<String, String> environment = System.getenv();
        EngineConfig.Builder engine;
        try {
            engine = EngineConfig.builderFromEnvironment(environment)
                    .allowedUrls(UrlAllowList.fromEnvironment(environment).plus(UrlAllowList.of(allowUrls)));
        } catch (IllegalArgumentException e) {
            boolean fromEnvironment = e.getMessage().startsWith(UrlAllowList.ENVIRONMENT_VARIABLE)
                    || e.getMessage().startsWith(EngineConfig.TIME_LIMIT_VARIABLE);
            err.println("ascent validate: " + (fromEnvironment ? "" : UrlAllowList.OPTION + ": ") + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        if (timeLimit != null) {
            try {
                engine.timeLimit(RunBudget.parse(timeLimit));
            } catch (IllegalArgumentException e) {
                err.println("ascent validate: --time-limit: " + e.getMessage());
                return ExitCodes.INVALID_INPUT;
            }
        }
        EngineConfig config = engine.build();
        ValidateOptions options = ValidateOptions.builder(directory).checklist(application.checklist().orElse(null))
                .kubernetesVersion(application.kubernetesVersion().orElse(null)).noGit(noGit).repository(repository).ref(ref)
                .noBaseline(noBaseline).excerpts(destinations.containsKey(Format.HTML)).build();
        Report report = new Ascent(config)
                .validate(options, verbose ? new StderrProgress(err) : ProgressListener.SILENT);
        return output.writeAndSummarize("validate", report, destinations, verbose, out, err);
    }
}

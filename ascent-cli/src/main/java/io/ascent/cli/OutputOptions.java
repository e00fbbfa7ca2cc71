package io.ascent.cli;

import io.ascent.core.report.FailOn;
import io.ascent.core.report.Report;
import io.ascent.core.report.render.Detail;
import io.ascent.core.report.render.Format;
import io.ascent.core.report.render.RenderOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --format}, {@code --output}, {@code --quiet}, {@code --fail-on} and {@code --markdown-limit}, shared by every
 * command that produces a report. Formats without an
 * output go to standard output; one output directory takes every format under its default file name; otherwise
 * each {@code --output} pairs with the {@code --format} at the same position.
 */
final class OutputOptions {

    private final OptionBinding<List<Format>> formats = OptionBinding.initially(new ArrayList<>());
    // strings: Path drops the trailing '/' that marks a directory
    private final OptionBinding<List<String>> outputs = OptionBinding.initially(new ArrayList<>());
    private final OptionBinding<Boolean> quiet = OptionBinding.initially(false);
    private final OptionBinding<FailOn> failOn = OptionBinding.initially(FailOn.ERROR);
    private final OptionBinding<Integer> markdownLimit = OptionBinding.initially(RenderOptions.DEFAULT_MARKDOWN_LIMIT);

    /** The options, for {@code CommandSpec.addMixin}; built in code (see {@link OptionBinding}). */
    CommandSpec mixin() {
        CommandSpec mixin = CommandSpec.create();
        mixin.addOption(formats.bind(OptionSpec.builder("-f", "--format"), List.class)
                .auxiliaryTypes(Format.class).paramLabel("FORMAT").converters(new FormatConverter())
                .completionCandidates(new FormatConverter.Candidates())
                .description("Report format: ${COMPLETION-CANDIDATES} (default: text). Repeatable.").build());
        mixin.addOption(outputs.bind(OptionSpec.builder("-o", "--output"), List.class)
                .auxiliaryTypes(String.class).paramLabel("PATH")
                .description("Where to write: one file per --format, in the same order ('-' for standard output), or "
                        + "one directory (existing, or ending in '/') for all of them. Default: standard output.")
                .build());
        mixin.addOption(quiet.bind(OptionSpec.builder("-q", "--quiet"), boolean.class)
                .description("Text and Markdown show only what fails the build and the verdict.").build());
        mixin.addOption(failOn.bind(OptionSpec.builder("--fail-on"), FailOn.class)
                .paramLabel("LEVEL").converters(new FailOnConverter())
                .completionCandidates(new FailOnConverter.Candidates())
                .description("What fails the run (exit 1): error (failed items, the default) or warning (warnings"
                        + " too).", "Info items never do.").build());
        mixin.addOption(markdownLimit.bind(OptionSpec.builder("--markdown-limit"), int.class)
                .paramLabel("CHARS")
                .description("Most characters the Markdown report may have; the longest sections are cut to fit",
                        "(default: ${DEFAULT-VALUE}, what a GitHub comment holds).").build());
        return mixin;
    }

    /** Thrown for a --format/--output combination that cannot be paired. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    /**
     * Where each format goes, as the user named it (relative to the run's directory); a {@code null} path means
     * standard output.
     *
     * @param repository the application directory, whose repository must not redirect a report through a link
     * @throws UsageException when formats and outputs cannot be paired, two formats share one file, or an output
     *                        inside the repository passes through a symbolic link
     */
    Map<Format, Path> destinations(Invocation invocation, Path repository) throws UsageException {
        int markdownLimit = this.markdownLimit.value();
        if (markdownLimit < RenderOptions.MIN_MARKDOWN_LIMIT) {
            throw new UsageException("--markdown-limit must be at least " + RenderOptions.MIN_MARKDOWN_LIMIT
                    + " characters, not " + markdownLimit);
        }
        List<Format> chosen = formats.value().isEmpty() ? List.of(Format.TEXT) : formats.value();
        List<String> outputs = this.outputs.value();
        if (chosen.stream().distinct().count() != chosen.size()) {
            throw new UsageException("each --format may be given once");
        }
        Map<Format, Path> destinations = new LinkedHashMap<>();
        if (outputs.isEmpty()) {
            chosen.forEach(format -> destinations.put(format, null));
        } else if (outputs.size() == 1 && isDirectory(invocation, outputs.get(0))) {
            chosen.forEach(format -> destinations.put(format, Path.of(outputs.get(0)).resolve(format.fileName())));
        } else if (outputs.size() == chosen.size()) {
            for (int i = 0; i < chosen.size(); i++) {
                destinations.put(chosen.get(i), STANDARD_OUTPUT.equals(outputs.get(i)) ? null
                        : Path.of(outputs.get(i)));
            }
        } else {
            throw new UsageException("got " + chosen.size() + " --format and " + outputs.size()
                    + " --output; give one --output per --format, or a single output directory");
        }
        Map<Path, Format> seen = new HashMap<>();
        for (Map.Entry<Format, Path> entry : destinations.entrySet()) {
            if (entry.getValue() == null) {
                continue;
            }
            Path target = invocation.path(entry.getValue()).toAbsolutePath().normalize();
            Format other = seen.putIfAbsent(target, entry.getKey());
            if (other != null) {
                throw new UsageException("--output " + entry.getValue() + " is given for both " + other.label()
                        + " and " + entry.getKey().label() + "; each format needs its own file");
            }
            Optional<Path> link = linkInside(repositoryRoot(repository), target);
            if (link.isPresent()) {
                throw new UsageException("--output " + entry.getValue() + " goes through the symbolic link "
                        + link.get() + " inside the repository, which could send the report anywhere; write it "
                        + "to a path without links");
            }
        }
        return destinations;
    }

    /** {@code -} as an output: standard output. */
    private static final String STANDARD_OUTPUT = "-";

    private static boolean isDirectory(Invocation invocation, String path) {
        return path.endsWith("/") || path.endsWith("\\") || Files.isDirectory(invocation.path(path));
    }

    /** The git repository holding {@code directory} (the nearest folder above with {@code .git}), else itself. */
    private static Path repositoryRoot(Path directory) {
        Path start = directory.toAbsolutePath().normalize();
        for (Path folder = start; folder != null; folder = folder.getParent()) {
            if (Files.exists(folder.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
                return folder;
            }
        }
        return start;
    }

    /**
     * The first symbolic link on the way from {@code root} to {@code target}, when {@code target} is inside
     * {@code root}: a committed link ({@code reports -> /etc}) must not decide where Ascent writes. Outside the
     * repository, links are the operator's ({@code /dev/stdout}).
     */
    static Optional<Path> linkInside(Path root, Path target) {
        if (!target.startsWith(root) || target.equals(root)) {
            return Optional.empty();
        }
        Path current = root;
        for (Path name : root.relativize(target)) {
            current = current.resolve(name);
            if (Files.isSymbolicLink(current)) {
                return Optional.of(current);
            }
        }
        return Optional.empty();
    }

    /**
     * Writes the report everywhere it is wanted: standard output first, then every file at once through
     * {@link ReportFiles}, so an interrupted run never leaves half a report or formats from two runs.
     *
     * @return the files written
     */
    List<Path> write(Invocation invocation, Report report, Map<Format, Path> destinations, PrintWriter stdout,
            boolean verbose) throws IOException {
        RenderOptions options = new RenderOptions(
                quiet.value() ? Detail.QUIET : verbose ? Detail.VERBOSE : Detail.NORMAL, markdownLimit.value());
        Map<Path, byte[]> files = new LinkedHashMap<>();
        for (Map.Entry<Format, Path> entry : destinations.entrySet()) {
            if (entry.getValue() == null) {
                entry.getKey().renderer(options).render(report, stdout);
                stdout.flush();
            } else {
                StringWriter buffer = new StringWriter();
                entry.getKey().renderer(options).render(report, buffer);
                files.put(entry.getValue(), buffer.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        Map<Path, byte[]> resolved = new LinkedHashMap<>();
        files.forEach((path, bytes) -> resolved.put(invocation.path(path), bytes));
        ReportFiles.write(resolved);
        return List.copyOf(files.keySet()); // as the user named them
    }

    /** A command's engine call, run once the output options are known to be usable. */
    @FunctionalInterface
    interface ReportRun {
        Report run() throws InterruptedException;
    }

    /**
     * The body every report-producing command shares: checks these options (exit 2), runs the engine, writes the
     * report everywhere it is wanted (exit 3 when it cannot be written) and returns the report's exit status.
     *
     * @param directory the directory the command works on, whose repository must not redirect a report through a
     *                  link (the current directory for commands that read none)
     */
    int runAndWrite(Invocation invocation, String command, Path directory, boolean verbose, PrintWriter out,
            PrintWriter err, ReportRun engine) throws InterruptedException {
        Map<Format, Path> destinations;
        try {
            destinations = destinations(invocation, directory);
            checkVerbosity(verbose);
        } catch (UsageException e) {
            err.println("ascent " + command + ": " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
        return writeAndSummarize(invocation, command, engine.run(), destinations, verbose, out, err);
    }

    /** {@code --quiet} and {@code --verbose} ask for opposite things. */
    void checkVerbosity(boolean verbose) throws UsageException {
        if (quiet.value() && verbose) {
            throw new UsageException("--quiet and --verbose cannot be combined");
        }
    }

    /**
     * Judges the report by {@code --fail-on}, writes it everywhere it is wanted and, when every format went to a
     * file, prints one summary line naming them.
     *
     * @return the exit status: the report's verdict, or 3 when it cannot be written
     */
    int writeAndSummarize(Invocation invocation, String command, Report engineReport, Map<Format, Path> destinations,
            boolean verbose, PrintWriter stdout, PrintWriter err) {
        if (invocation.stop().abandoned()) {
            return engineReport.exitStatus(); // its stop was answered already, without a report
        }
        Report judged = engineReport.failingOn(failOn.value());
        // A run a signal interrupted says the status the process ends with: 143 after SIGTERM, not the verdict's 130.
        OptionalInt stopped = invocation.stop().status();
        Report report = stopped.isPresent() ? judged.interruptedWith(stopped.getAsInt()) : judged;
        try {
            List<Path> written = write(invocation, report, destinations, stdout, verbose);
            if (!destinations.containsValue(null)) {
                stdout.printf("ascent: %s: %s; wrote %s%n", report.verdict().name().replace('_', ' '),
                        report.summary().describe(), String.join(", ", written.stream().map(Path::toString).toList()));
            }
        } catch (IOException e) {
            err.println("ascent " + command + ": cannot write the report: " + e.getMessage());
            return ExitCodes.ENVIRONMENT;
        }
        stdout.flush();
        return report.exitStatus();
    }
}

package io.ascent.core.manifest.render;

import io.ascent.core.checklist.RenderSetting;
import io.ascent.core.manifest.LoadedFile;
import io.ascent.core.manifest.ManifestFile;
import io.ascent.core.manifest.ManifestLoader;
import io.ascent.core.manifest.Resource;
import io.ascent.core.manifest.api.KubernetesVersion;
import io.ascent.core.report.ErrorKind;
import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import io.ascent.core.report.Severity;
import io.ascent.core.workspace.Workspace;
import io.ascent.core.yaml.SafeYamlLoader;
import io.ascent.core.yaml.YamlInputException;
import io.ascent.core.yaml.YamlLimits;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Renders one {@code kubernetes.render} entry with its tool, found on {@code PATH}, and reads the output as
 * manifests. A missing tool is an environment error (exit 3) with how to install it; a render that fails, times out
 * or prints more than {@link #MAX_OUTPUT_BYTES} is an input error (exit 2) with the tool's message, bounded.
 *
 * <p>The tool runs in a fresh folder inside the application directory, removed afterwards, with its home and
 * configuration folders there and every proxy variable pointing at a closed local port, so that it writes nowhere
 * else and reaches no network (Kustomize's remote bases are refused before it runs, Helm is never asked to update
 * dependencies).
 */
public final class ManifestRenderer {
    /** Kustomize's words for a source file that is not YAML, with the file as the kustomization names it. */
    private static final Pattern MALFORMED = Pattern.compile(
            "MalformedYAMLError: yaml: line \\d+: [^\\n]*? in File: ([^\\s']+)");
    /** The id of every item about rendering, and of the SKIP items for sources left unrendered. */
    public static final String ID = "manifest.render";
    public static final String TITLE = "Kustomize and Helm sources render";
    /** How long one render may take. */
    public static final Duration TIMEOUT = Duration.ofMinutes(2);
    /** The most output one render may print: the size of the largest manifest file Ascent reads. */
    public static final int MAX_OUTPUT_BYTES = YamlLimits.MANIFEST.maxBytes();
    /** How much of a failed tool's message a report carries. */
    static final int MAX_MESSAGE_CHARS = 2000;

    /** Variables that send every HTTP(S) request to a closed port, and keep git from cloning over the network. */
    private static final Map<String, String> OFFLINE = offline();

    private final ToolRunner commands;
    private final Duration timeout;

    /**
     * @param commands runs the tool, or {@code null} for an embedding that runs no external program (each render is
     *                 then an environment error saying so); its capture limit must exceed {@link #MAX_OUTPUT_BYTES}
     */
    public ManifestRenderer(ToolRunner commands, Duration timeout) {
        this.commands = commands;
        this.timeout = timeout;
    }

    /** A renderer for an embedding that runs no external program: every render is an environment error. */
    public static ManifestRenderer unavailable() {
        return new ManifestRenderer(null, TIMEOUT);
    }

    /**
     * Renders {@code setting}.
     *
     * @param release the Helm release name when the entry sets none (the checklist's {@code metadata.name})
     * @param target  the target Kubernetes version, or {@code null}
     * @param at      where the entry is in the checklist, for problems that concern it
     * @throws InterruptedException when the run is cancelled; the tool is killed and the work folder removed
     */
    public Rendered render(Workspace workspace, RenderSetting setting, String release, KubernetesVersion target,
            Location at) throws InterruptedException {
        ManifestLoader.Collector objects = new ManifestLoader.Collector();
        Rendered rendered = render(workspace, setting, release, target, at, objects);
        return rendered.origins().isEmpty() ? rendered : rendered.withObjects(objects.loaded(new ManifestFile(
                Path.of(rendered.origins().get().renderedPath()), rendered.origins().get().renderedPath())));
    }

    /**
     * Renders {@code setting}, handing each object of the output to {@code sink} as it is read and keeping none
     * (the returned {@link Rendered#objects()} is empty): a render's objects need the memory of one at a time.
     * Close the result once its origins have mapped the findings back.
     *
     * @param release the Helm release name when the entry sets none (the checklist's {@code metadata.name})
     * @param target  the target Kubernetes version, or {@code null}
     * @param at      where the entry is in the checklist, for problems that concern it
     * @throws InterruptedException when the run is cancelled; the tool is killed and the work folder removed
     */
    public Rendered render(Workspace workspace, RenderSetting setting, String release, KubernetesVersion target,
            Location at, ManifestLoader.Sink sink) throws InterruptedException {
        String folder = setting.path();
        if (commands == null) {
            return Rendered.failed(error(ErrorKind.ENVIRONMENT, "cannot render '" + folder + "': this embedding of "
                    + "Ascent runs no external program", at, folder, "run ascent validate (the CLI or the Jenkins "
                    + "step), which renders with the tools on PATH"));
        }
        Optional<Path> root = workspace.resolveInside(folder).map(p -> p.toAbsolutePath().normalize());
        if (root.isEmpty() || !Files.isDirectory(root.get())) {
            return Rendered.failed(error(ErrorKind.INPUT, "'" + folder + "' is not a folder inside the repository",
                    at, folder, null));
        }
        List<Path> values = new ArrayList<>();
        for (String file : setting.values()) {
            Optional<Path> resolved = workspace.resolveInside(file);
            if (resolved.isEmpty() || !Files.isRegularFile(resolved.get())) {
                return Rendered.failed(error(ErrorKind.INPUT, "values file '" + file
                        + "' is not a file inside the repository", at, folder, null));
            }
            values.add(resolved.get());
        }
        RenderTool tool = setting.tool() == RenderSetting.Tool.KUSTOMIZE ? new KustomizeBuild()
                : new HelmTemplate(setting.releaseName().orElse(release), setting.namespace(), values,
                        setting.values(), target);
        Optional<String> refused = tool.refuse(workspace, root.get());
        if (refused.isPresent()) {
            return Rendered.failed(error(ErrorKind.INPUT, refused.get() + "; Ascent renders only what the repository "
                    + "holds", at, folder, "vendor what it needs into the repository"));
        }
        Path work;
        Path spool;
        try {
            work = Files.createTempDirectory(workspace.applicationDir(), ".ascent-render-");
        } catch (IOException e) {
            return Rendered.failed(error(ErrorKind.ENVIRONMENT, "cannot create a work folder in "
                    + workspace.displayPath(workspace.applicationDir()) + " to render '" + folder + "': "
                    + e.getMessage(), at, folder, "let the user running Ascent write to the workspace"));
        }
        try {
            // The output's own folder outlives the tool's: findings are mapped back to Helm templates from it once
            // every check has run (Rendered#close removes it).
            spool = Files.createTempDirectory(workspace.applicationDir(), ".ascent-render-output-");
        } catch (IOException e) {
            delete(work);
            return Rendered.failed(error(ErrorKind.ENVIRONMENT, "cannot create a work folder in "
                    + workspace.displayPath(workspace.applicationDir()) + " to render '" + folder + "': "
                    + e.getMessage(), at, folder, "let the user running Ascent write to the workspace"));
        }
        Rendered rendered = null;
        try {
            rendered = render(workspace, tool, folder, root.get(), work, spool, at, sink);
            return rendered;
        } finally {
            delete(work);
            if (rendered == null || rendered.spool() == null) {
                delete(spool);
            }
        }
    }

    private Rendered render(Workspace workspace, RenderTool tool, String folder, Path root, Path work, Path spool,
            Location at, ManifestLoader.Sink sink) throws InterruptedException {
        Path output = spool.resolve("output.yaml");
        try {
            tool.prepare(work, root);
        } catch (IOException e) {
            return Rendered.failed(error(ErrorKind.ENVIRONMENT, "cannot write in the work folder to render '"
                    + folder + "': " + e.getMessage(), at, folder, null));
        }
        Map<String, String> environment = new HashMap<>(OFFLINE);
        environment.putAll(tool.environment(work));
        long started = System.nanoTime();
        ToolRunner.ToolRun result = null;
        String program = null;
        String refused = null;
        for (List<String> argv : tool.commands(work, root)) {
            try {
                result = commands.runTo(argv, environment, timeout, output, MAX_OUTPUT_BYTES);
            } catch (UncheckedIOException e) {
                return Rendered.failed(error(ErrorKind.ENVIRONMENT, "cannot write the output of rendering '" + folder
                        + "': " + e.getCause().getMessage(), at, folder, "let the user running Ascent write to the "
                        + "workspace"));
            }
            program = argv.get(0) + (argv.get(0).equals("kubectl") ? " kustomize" : "");
            if (!result.notFound()) {
                break;
            }
            if (refused == null && !result.stderr().isEmpty()) {
                refused = result.stderr(); // found through a relative PATH entry: said if no other tool runs
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (result == null || result.notFound()) {
            return Rendered.failed(error(ErrorKind.ENVIRONMENT, "cannot render '" + folder + "': "
                    + (refused != null ? refused : tool.reproduce(folder).split(" ")[0]
                            + " is not installed (not found on PATH)"), at, folder,
                    refused != null ? null : tool.installHint()));
        }
        if (result.timedOut()) {
            return Rendered.failed(error(ErrorKind.INPUT, program + " did not finish rendering '" + folder
                    + "' within " + timeout.toSeconds() + " s", at, folder, "run '" + tool.reproduce(folder)
                    + "' to see why it takes so long"));
        }
        long printed = size(output);
        // Before the exit status: a tool stopped for printing too much exits by a signal.
        if (printed > MAX_OUTPUT_BYTES) {
            return Rendered.failed(error(ErrorKind.INPUT, program + " printed more than "
                    + MAX_OUTPUT_BYTES / (1024 * 1024) + " MiB rendering '" + folder + "'; Ascent reads at most that",
                    at, folder, "render smaller parts: one kubernetes.render entry per overlay or chart"));
        }
        if (result.exitCode() != 0) {
            String message = bounded(clean(result.stderr().isBlank() ? head(workspace, output) : result.stderr(), workspace,
                    work));
            Optional<Item> malformed = malformedSource(workspace, root, message, program, folder);
            if (malformed.isPresent()) {
                return Rendered.failed(malformed.get());
            }
            Optional<RenderTool.FailedAt> source = tool.failedAt(workspace, root, message);
            return Rendered.failed(error(ErrorKind.INPUT, program + " failed to render '" + folder + "' (exit "
                    + result.exitCode() + "): " + message, source.map(RenderTool.FailedAt::location).orElse(at),
                    folder, source.map(RenderTool.FailedAt::remediation).or(() -> tool.failureHint(message))
                            .orElse("run '" + tool.reproduce(folder) + "' and fix what it says")));
        }
        String renderedPath = tool.renderedPath(workspace.displayPath(root));
        var confined = workspace.files(YamlLimits.MANIFEST.maxBytes());
        Function<Resource, Path> sources;
        try (var lines = new BufferedReader(new InputStreamReader(confined.open(output),
                StandardCharsets.UTF_8))) {
            sources = tool.sources(lines, work, root);
        } catch (IOException e) {
            return Rendered.failed(error(ErrorKind.ENVIRONMENT, "cannot read the output of rendering '" + folder
                    + "': " + e.getMessage(), at, folder, null));
        }
        RenderedOutput kept = new RenderedOutput(confined, output);
        RenderOrigins origins = new RenderOrigins(renderedPath, tool.reproduce(folder),
                tool.plainSources() ? new SourceLines(confined, kept) : new TemplateLines(confined, kept));
        int[] count = {0};
        String namespace = tool.releaseNamespace();
        // Document by document from the file, through the workspace's gate and the manifests' limits: each object
        // goes on to the sink as it is read; only where it came from is kept.
        new ManifestLoader().stream(confined, new ManifestFile(output, renderedPath), new ManifestLoader.Sink() {
            @Override
            public void resource(Resource resource) {
                Resource placed = namespace.isEmpty() ? resource : resource.inRelease(namespace);
                count[0]++;
                Path file = sources.apply(placed);
                origins.add(placed, file, file != null && file.startsWith(workspace.repositoryRoot())
                        && !file.startsWith(work) ? workspace.displayPath(file) : null);
                sink.resource(placed);
            }

            @Override
            public void problem(Item problem) {
                sink.problem(problem);
            }
        });
        int files = origins.sourceFiles();
        Item pass = Item.builder(ID, TITLE)
                .message("rendered " + folder + " with " + program + " in " + took.toMillis() + " ms: " + count[0]
                        + (count[0] == 1 ? " object" : " objects") + " from " + files
                        + (files == 1 ? " source file" : " source files"))
                .location(at)
                .key(folder)
                .build();
        return new Rendered(pass, Optional.of(origins), spool);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // nothing was written: the tool printed nothing
        }
    }

    /**
     * Kustomize names a source file that is not YAML by a line of the document inside it ({@code MalformedYAMLError:
     * yaml: line 20: … in File: deploy.yaml}), not of the file: ingress-nginx's one-file {@code deploy.yaml} broken at
     * its line 386 was reported as 'line 20'. The file (beside the kustomization) is read with Ascent's own loader,
     * which says where and what, at the file's own line.
     */
    private static Optional<Item> malformedSource(Workspace workspace, Path root, String message, String program,
            String folder) {
        Matcher m = MALFORMED.matcher(message);
        if (!m.find()) {
            return Optional.empty();
        }
        Path file = root.resolve(m.group(1)).normalize();
        String relative = workspace.applicationDir().relativize(file).toString().replace('\\', '/');
        if (!file.startsWith(root) || workspace.resolveInside(relative).isEmpty() || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            new SafeYamlLoader(YamlLimits.MANIFEST).stream(
                    workspace.files(YamlLimits.MANIFEST.maxBytes()), file, workspace.displayPath(file), document -> { });
            return Optional.empty(); // Ascent reads it: kustomize's own words are all there is
        } catch (YamlInputException e) {
            return Optional.of(error(ErrorKind.INPUT, program + " failed to render '" + folder + "': "
                    + e.getMessage() + " (" + program + " says: " + m.group(0) + ")", e.location(), folder,
                    "fix the file so that it is valid YAML, then run '" + (program.startsWith("kubectl") ? "kubectl"
                            + " kustomize " : "kustomize build ") + folder + "'"));
        }
    }

    /** The start of what the tool printed, for a failure that said nothing on standard error. */
    private static String head(Workspace workspace, Path output) {
        try (var in = workspace.files(YamlLimits.MANIFEST.maxBytes() + 1L).open(output)) {
            return new String(in.readNBytes(MAX_MESSAGE_CHARS * 4), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The tool's message without the work folder's and the repository's absolute paths. */
    private static String clean(String message, Workspace workspace, Path work) {
        return message.replace(work.toString(), "<render>")
                .replace(workspace.repositoryRoot().toString() + "/", "")
                .replace(workspace.repositoryRoot().toString(), ".")
                .strip();
    }

    private static String bounded(String message) {
        return message.length() <= MAX_MESSAGE_CHARS ? message
                : message.substring(0, MAX_MESSAGE_CHARS) + " … (" + (message.length() - MAX_MESSAGE_CHARS)
                        + " more characters)";
    }

    private static Item error(ErrorKind kind, String message, Location at, String folder, String remediation) {
        return Item.builder(ID, TITLE)
                .error(kind, message)
                .severity(Severity.ERROR)
                .location(at)
                .remediation(remediation)
                .key(folder)
                .build();
    }

    private static Map<String, String> offline() {
        Map<String, String> variables = new HashMap<>();
        for (String name : List.of("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY")) {
            variables.put(name, "http://127.0.0.1:9");
            variables.put(name.toLowerCase(Locale.ROOT), "http://127.0.0.1:9");
        }
        variables.put("NO_PROXY", "");
        variables.put("no_proxy", "");
        variables.put("GIT_ALLOW_PROTOCOL", "file");
        variables.put("GIT_TERMINAL_PROMPT", "0");
        return Map.copyOf(variables);
    }

    static void delete(Path work) {
        try (Stream<Path> paths = Files.walk(work)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // best effort: a leftover hidden folder is harmless, and ManifestSet skips hidden folders
        }
    }
}

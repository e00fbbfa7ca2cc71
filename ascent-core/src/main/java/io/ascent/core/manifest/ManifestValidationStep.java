package io.ascent.core.manifest;

import io.ascent.core.checklist.KubernetesSettings;
import io.ascent.core.checklist.KubernetesSettings.CheckSetting;
import io.ascent.core.jsonschema.NearestName;
import io.ascent.core.manifest.api.ApiLifecycleTable;
import io.ascent.core.manifest.api.KubernetesVersion;
import io.ascent.core.manifest.api.KubernetesVersions;
import io.ascent.core.checklist.RenderSetting;
import io.ascent.core.manifest.check.Finding;
import io.ascent.core.manifest.render.ManifestRenderer;
import io.ascent.core.manifest.render.RenderOrigins;
import io.ascent.core.manifest.render.Rendered;
import io.ascent.core.manifest.render.SourceFiles;
import io.ascent.core.manifest.check.Findings;
import io.ascent.core.manifest.check.ManifestCheck;
import io.ascent.core.manifest.check.ManifestChecks;
import io.ascent.core.manifest.check.PodSecurityRequirement;
import io.ascent.core.manifest.check.UnreadParts;
import io.ascent.core.manifest.schema.ClusterApiSchemaBundle;
import io.ascent.core.manifest.schema.SchemaFetcher;
import io.ascent.core.manifest.schema.UncompilableSchemaException;
import io.ascent.core.report.ErrorKind;
import io.ascent.core.manifest.schema.SchemaLocation;
import io.ascent.core.network.UrlAllowList;
import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import io.ascent.core.report.Severity;
import io.ascent.core.report.Status;
import io.ascent.core.run.RunSink;
import io.ascent.core.validation.ValidationContext;
import io.ascent.core.validation.ValidationStep;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import io.ascent.core.workspace.ConfinedFiles;
import io.ascent.core.yaml.YamlLimits;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The manifest checks of {@code ascent validate}: reads the files the checklist's {@code kubernetes.manifests}
 * names (and the kind config of {@code provision.cluster.config}, and what the provision section applies beyond
 * them: {@link ProvisionedManifests}), runs every enabled check on every object, and
 * turns the findings into report items: one PASS item per check that found nothing, one item per finding
 * otherwise, SKIP for findings on objects that exempt themselves by annotation.
 *
 * <p>Files are parsed on up to two threads, a bounded number ahead of the checks, and each document is released
 * once checked, so memory stays flat in the number of files; a large file is read one document at a time, so
 * memory stays flat in the size of one file too. Checks run on the calling thread in file order,
 * which keeps the report's order stable. With every check on, the parsing threads also build each object's JSON copy
 * and validate its schema ({@link ManifestCheck#prepare}), handing the result over with the file.
 */
public final class ManifestValidationStep implements ValidationStep {
    /** Files parsed ahead of the checks, per thread: enough to keep both cores busy, few enough to stay small. */
    private static final int AHEAD_PER_THREAD = 4;
    /** How long closing a run waits for its loader threads to end; they end within a parse of one file. */
    private static final Duration LOADERS_STOP = Duration.ofSeconds(30);
    /**
     * Files larger than this are read one document at a time on the calling thread rather than parsed whole ahead:
     * a parsed document takes tens of times its text, and a whole big file would take hundreds of megabytes.
     */
    private static final long STREAMED_BYTES = 1024 * 1024;

    private static final String SCHEMA_ID = "manifest.schema";

    /** Id of the warning for a {@code kubernetes.checks} entry that names no check. */
    public static final String UNKNOWN_CHECK_ID = ManifestChecks.SETTINGS_ID;

    /** Id of the warning for a target newer than every release Ascent has data for. */
    public static final String TARGET_VERSION_ID = ManifestChecks.TARGET_VERSION_ID;

    /** The table, read on the first manifest check: a run without manifests never reads it. */
    private final Supplier<ApiLifecycleTable> table;
    private final int threads;
    private final SchemaFetcher fetcher;
    private final UrlAllowList allowedUrls;
    private final ManifestRenderer renderer;
    /** What tests observe of where and in which order the work runs. */
    private final Probe probe;

    /** What tests observe of the step's work, through seams, never timings; every method does nothing by default. */
    interface Probe {
        /** Each object on the checking thread as it is handed to the checks, before any check. */
        default void handedOver(Resource resource) {
        }

        /** A file handed to the loader threads while the set was still being expanded, on the expanding thread. */
        default void readEarly(ManifestFile file) {
        }

        /** The files to read, expanded and sorted: the order the checks receive them in. */
        default void expanded(List<ManifestFile> files) {
        }
    }

    /** The built-in table, two parsing threads, and no URL allowed for remote schema locations. */
    public ManifestValidationStep() {
        this(ApiLifecycleTable.builtIn(), Math.min(2, Runtime.getRuntime().availableProcessors()));
    }

    /** For tests and benchmarks: a chosen table and number of parsing threads (1 parses on the caller's). */
    public ManifestValidationStep(ApiLifecycleTable table, int threads) {
        this(table, threads, null, UrlAllowList.none());
    }

    /**
     * @param threads     parsing threads (1 parses on the caller's)
     * @param fetcher     fetches {@code http(s)} schema locations; {@code null} for a caching HTTP client over the
     *                    default cache folder
     * @param allowedUrls the URLs the operator allows remote schema locations to be fetched from: a location
     *                    outside them is one SKIP item and is never asked (give {@code fetcher} the same list)
     *                    Runs no external program: each {@code kubernetes.render} entry is an environment error
     *                    ({@link io.ascent.core.ValidationSteps} gives the renderer that runs the tools on PATH).
     */
    public ManifestValidationStep(ApiLifecycleTable table, int threads, SchemaFetcher fetcher,
            UrlAllowList allowedUrls) {
        this(table, threads, fetcher, allowedUrls, ManifestRenderer.unavailable());
    }

    /** @param renderer renders {@code kubernetes.render} entries (tests give one over a scripted command runner) */
    public ManifestValidationStep(ApiLifecycleTable table, int threads, SchemaFetcher fetcher,
            UrlAllowList allowedUrls, ManifestRenderer renderer) {
        this(() -> table, threads, fetcher, allowedUrls, renderer);
    }

    /**
     * @param table gives the table when the first manifest is checked; a run whose checklist names no manifests
     *              never asks (reading the built-in table was a tenth of the main thread of a short run that checks
     *              only files: docs/performance.md, "Start-up cuts")
     */
    public ManifestValidationStep(Supplier<ApiLifecycleTable> table, int threads, SchemaFetcher fetcher,
            UrlAllowList allowedUrls, ManifestRenderer renderer) {
        this.table = table;
        this.threads = Math.max(1, threads);
        this.fetcher = fetcher;
        this.allowedUrls = allowedUrls;
        this.renderer = renderer;
        this.probe = new Probe() { };
    }

    /** For tests: {@code handedOver} sees each object on the checking thread as it reaches the checks. */
    ManifestValidationStep(ApiLifecycleTable table, int threads, SchemaFetcher fetcher, UrlAllowList allowedUrls,
            Consumer<Resource> handedOver) {
        this(table, threads, fetcher, allowedUrls, new Probe() {
            @Override
            public void handedOver(Resource resource) {
                handedOver.accept(resource);
            }
        });
    }

    /** For tests: {@code probe} observes the step's work. */
    ManifestValidationStep(ApiLifecycleTable table, int threads, SchemaFetcher fetcher, UrlAllowList allowedUrls,
            Probe probe) {
        this.table = () -> table;
        this.threads = Math.max(1, threads);
        this.fetcher = fetcher;
        this.allowedUrls = allowedUrls;
        this.renderer = ManifestRenderer.unavailable();
        this.probe = probe;
    }

    @Override
    public String name() {
        return "manifests";
    }

    @Override
    public void run(ValidationContext context, RunSink sink) throws InterruptedException {
        List<Rendered> rendered = new ArrayList<>();
        try {
            sink.items(items(context, sink, rendered));
        } finally {
            rendered.forEach(Rendered::close); // the outputs kept on disk until findings were mapped back
        }
    }

    /** @param rendered receives what each {@code kubernetes.render} entry gave, to be closed by the caller */
    private List<Item> items(ValidationContext context, RunSink sink, List<Rendered> rendered)
            throws InterruptedException {
        KubernetesSettings settings = context.checklist().kubernetes();
        if (!readsManifests(context.checklist())) {
            // No manifests named: no check applies, and "no check applied" never fails. But a checklist that names
            // a Kubernetes target and nothing to read (what `ascent init` writes when every source is a render it
            // leaves commented out) would otherwise PASS with no manifest looked at, which reads as a clean bill.
            return settings.version().isPresent() ? List.of(nothingNamed(settings.version().get(), context))
                    : List.of();
        }
        KubernetesVersions targets;
        try {
            targets = context.kubernetesVersion().map(KubernetesVersions::parse).orElse(null);
        } catch (IllegalArgumentException e) {
            // The facade and the checklist schema check the version with this same grammar (KubernetesVersion
            // .PATTERN); a caller that builds a context by hand could still pass anything.
            return List.of(Item.builder(ManifestChecks.API_VERSION_ID, "Target Kubernetes version")
                    .status(Status.ERROR)
                    .message(e.getMessage())
                    .location(Location.of(context.checklist().path()))
                    .build());
        }


        List<ManifestCheck> checks = new ArrayList<>();
        List<Item> checkErrors = new ArrayList<>();
        List<Item> settingItems = new ArrayList<>();
        Map<String, KubernetesVersion> fileTargets;
        try {
            fileTargets = kindNodeVersion(context);
        } catch (IllegalArgumentException e) {
            return List.of(Item.builder(ManifestChecks.API_VERSION_ID, "Cluster Kubernetes version")
                    .status(Status.ERROR)
                    .message("provision.cluster.kubernetesVersion: " + e.getMessage())
                    .location(Location.of(context.checklist().path()))
                    .build());
        }
        KubernetesVersion clusterApiRelease;
        try {
            clusterApiRelease = settings.clusterApiVersion().map(KubernetesVersion::parse).orElse(null);
        } catch (IllegalArgumentException e) {
            return List.of(Item.builder(ManifestChecks.API_VERSION_ID, "ClusterAPI release")
                    .status(Status.ERROR)
                    .message("kubernetes.clusterApi.version: " + e.getMessage().replace("Kubernetes", "ClusterAPI"))
                    .location(Location.of(context.checklist().path()))
                    .build());
        }
        List<String> locations = new ArrayList<>();
        settingItems.addAll(notAllowedLocations(settings.schemaLocations(), locations, context));
        ManifestChecks.SchemaSettings schemas = new ManifestChecks.SchemaSettings(locations, settings.strict(),
                context.workspace().applicationDir(), context.workspace().repositoryRoot(), allowedUrls, fetcher);
        // With several targets, the checks whose findings depend on the version run once per later version too.
        KubernetesVersion target = targets == null ? null : targets.oldest();
        List<ManifestCheck> all;
        Map<String, List<ManifestCheck>> laterVersions = new HashMap<>();
        try {
            PodSecurityRequirement podSecurity = PodSecurityRequirement.of(context.checklist()).orElse(null);
            all = ManifestChecks.create(table.get(), target, fileTargets, schemas, clusterApiRelease, podSecurity);
            for (KubernetesVersion later : targets == null ? List.<KubernetesVersion>of()
                    : targets.versions().subList(1, targets.versions().size())) {
                for (ManifestCheck check : ManifestChecks.create(table.get(), later, fileTargets, schemas,
                        clusterApiRelease, podSecurity)) {
                    if (check.judgedPerVersion()) {
                        laterVersions.computeIfAbsent(check.id(), id -> new ArrayList<>()).add(check);
                    }
                }
            }
        } catch (IllegalArgumentException badLocation) {
            return List.of(Item.builder(SCHEMA_ID, "Schema locations are readable")
                    .status(Status.ERROR)
                    .message(badLocation.getMessage())
                    .location(Location.of(context.checklist().path()))
                    .remediation("write 'default', a folder inside the repository, or an http(s) URL template")
                    .build());
        }
        settingItems.addAll(unknownCheckIds(settings, all, context));
        beyondKnownReleases(targets == null ? null : targets.newest(), context).ifPresent(settingItems::add);
        beyondBundledClusterApi(clusterApiRelease, context).ifPresent(settingItems::add);
        for (ManifestCheck check : all) {
            Optional<CheckSetting> setting = Optional.ofNullable(settings.checks().get(check.id()));
            if (setting.isPresent() && !setting.get().enabled()) {
                settingItems.add(skip(check, "switched off in the checklist (kubernetes.checks." + check.id()
                        + ".enabled: false)", context));
            } else if (check.notAsked().isPresent()) {
                // Not asked for: nothing to judge and nothing to say, unless the checklist names the check.
                setting.ifPresent(named -> settingItems.add(skip(check, check.notAsked().get(), context)));
            } else if (check.lacksTarget()) {
                settingItems.add(skip(check, "no target Kubernetes version: set kubernetes.version in "
                        + context.checklist().path() + " or pass --kubernetes-version X.Y", context));
                if (check.judgesWithoutTarget()) {
                    checks.add(check);
                }
            } else {
                checks.add(check);
            }
        }
        // When a check reads every object's JSON copy, this thread runs the costly checks and is the one the loader
        // threads wait for: they then also build the copies and do what the checks can do ahead (schema validation).
        // Otherwise the loader threads are the busier side already, and work moved to them only costs more CPU
        // (docs/performance.md, "Schema validation on the loader threads").
        boolean checkingIsBusier = checks.stream().anyMatch(ManifestCheck::readsEveryCopy);
        List<ManifestCheck> preparing = new ArrayList<>();
        for (ManifestCheck check : checkingIsBusier ? checks : List.<ManifestCheck>of()) {
            preparing.add(check);
            preparing.addAll(laterVersions.getOrDefault(check.id(), List.of()));
        }
        // The checks are made before the files are known (they depend on the checklist only), so that the loader
        // threads can parse the first files while this thread is still expanding and sorting the set: the first
        // file's parse is the cold one (classes, schemas), which this thread would otherwise wait for
        // (docs/performance.md, "The loaders start during the walk").
        List<String> paths = new ArrayList<>(settings.manifests());
        context.checklist().provision().cluster().config().ifPresent(paths::add);
        Loading loading = new Loading(context.workspace().files(YamlLimits.MANIFEST.maxBytes()),
                new Ahead(checkingIsBusier, preparing));
        try {
            ManifestSet set;
            try {
                set = ManifestSet.expand(context.workspace(), paths, settings.exclude(), loading::early);
            } catch (CancellationException e) {
                Thread.interrupted(); // said by the exception from here on
                throw new InterruptedException("manifest checks cancelled");
            }
            SourceFiles sources = SourceFiles.sort(context.workspace(), set.files(), settings.render());
            // What the provision applies beyond the list (a job test's manifest) is judged with it, each file once.
            ManifestSet provisioned = ProvisionedManifests.beyond(context.workspace(), context.checklist(),
                    set.files());
            List<ManifestFile> toRead = new ArrayList<>(sources.manifests());
            toRead.addAll(provisioned.files());
            toRead.sort(java.util.Comparator.comparing(ManifestFile::displayPath));
            probe.expanded(toRead);
            List<Item> parseProblems = new ArrayList<>(set.problems());
            parseProblems.addAll(provisioned.problems());
            Findings[] findings = new Findings[checks.size()];
            List<List<Findings>> laterFindings = new ArrayList<>();
            for (int i = 0; i < findings.length; i++) {
                findings[i] = new Findings();
                List<Findings> later = new ArrayList<>();
                laterVersions.getOrDefault(checks.get(i).id(), List.of()).forEach(check -> later.add(new Findings()));
                laterFindings.add(later);
            }
            int[] counts = new int[2]; // files, resources
            ManifestLoader.Sink toChecks = new ManifestLoader.Sink() {
                @Override
                public void resource(Resource resource) {
                    probe.handedOver(resource);
                    counts[1]++;
                    settingItems.addAll(unknownExemptions(resource, all));
                    for (int i = 0; i < checks.size(); i++) {
                        inspect(checks.get(i), resource, findings[i], checkErrors);
                        List<ManifestCheck> later = laterVersions.getOrDefault(checks.get(i).id(), List.of());
                        for (int v = 0; v < later.size(); v++) {
                            inspect(later.get(v), resource, laterFindings.get(i).get(v), checkErrors);
                        }
                    }
                }

                @Override
                public void problem(Item problem) {
                    parseProblems.add(problem);
                }
            };
            loading.load(toRead, toChecks);
            // Each render's objects go to the checks as they are read from its output, as a large file's do.
            // Helm is told one cluster version: the newest of a range, the release a cluster would be upgraded to.
            KubernetesVersion renderTarget = targets == null ? null : targets.newest();
            for (RenderSetting setting : settings.render()) {
                rendered.add(renderer.render(context.workspace(), setting, context.checklist().metadata().name(),
                        renderTarget, setting.location(), toChecks));
            }
            counts[0] = toRead.size();
            // What no check saw, known per file: the checks that conclude from absence say SKIP rather than FAIL.
            List<Item> notRead = new ArrayList<>(parseProblems);
            rendered.forEach(render -> notRead.add(render.item()));
            UnreadParts unread = UnreadParts.of(notRead, ManifestLoader.PARSE_ID, ManifestRenderer.ID,
                    sources.unrendered());
            for (int i = 0; i < checks.size(); i++) {
                finish(checks.get(i), findings[i], checkErrors, context, unread);
                List<ManifestCheck> later = laterVersions.getOrDefault(checks.get(i).id(), List.of());
                for (int v = 0; v < later.size(); v++) {
                    finish(later.get(v), laterFindings.get(i).get(v), checkErrors, context, unread);
                }
                if (!later.isEmpty()) {
                    List<Findings> perVersion = new ArrayList<>();
                    perVersion.add(findings[i]);
                    perVersion.addAll(laterFindings.get(i));
                    findings[i] = VersionedFindings.merge(targets, perVersion);
                }
            }
            if (Thread.interrupted()) { // finish() validates the objects that waited for their CRDs
                throw new InterruptedException("manifest checks cancelled");
            }
            sink.debug("checked " + counts[1] + " resources in " + counts[0] + " manifest files");

            List<Item> out = new ArrayList<>();
            // Files that hold no object at all (comments, an empty list) leave every check with nothing to judge: a
            // PASS of "0 containers" would let a checklist whose manifests are placeholders pass unseen.
            boolean nothingRead = counts[1] == 0 && parseProblems.isEmpty();
            if (parseProblems.isEmpty()) {
                String read = counts[0] + (counts[0] == 1 ? " file" : " files")
                        + (rendered.isEmpty() ? "" : " and " + rendered.size()
                                + (rendered.size() == 1 ? " render" : " renders"))
                        + " read: " + counts[1] + (counts[1] == 1 ? " resource" : " resources");
                out.add(nothingRead
                        ? Item.builder(ManifestLoader.PARSE_ID, ManifestLoader.PARSE_TITLE).severity(Severity.WARNING)
                                .problem(read + "; what kubernetes.manifests names holds no Kubernetes object, so no "
                                        + "manifest check had anything to judge")
                                .location(Location.of(context.checklist().path()))
                                .remediation("point kubernetes.manifests at the files that hold the application's "
                                        + "objects (or add kubernetes.render for charts and Kustomize folders)")
                                .key("no-objects")
                                .build()
                        : Item.builder(ManifestLoader.PARSE_ID, ManifestLoader.PARSE_TITLE).message(read).build());
            }
            out.addAll(parseProblems);
            rendered.forEach(render -> out.add(render.item()));
            out.addAll(sources.items());
            out.addAll(checkErrors);
            out.addAll(settingItems);
            for (int i = 0; i < checks.size(); i++) {
                String passScope = laterVersions.containsKey(checks.get(i).id()) ? " (on each of " + targets.describe()
                        + ")" : "";
                List<Item> items = itemsOf(checks.get(i), findings[i], settings, passScope);
                if (checks.get(i).lacksTarget()) {
                    // its SKIP item stands for what it could not judge
                    items.removeIf(item -> item.status() == Status.PASS);
                }
                if (nothingRead) {
                    items.replaceAll(item -> item.status() != Status.PASS ? item : Item.builder(item.id(), item.title())
                            .severity(item.severity()).status(Status.SKIP)
                            .message("no Kubernetes object was read from the manifests: nothing to judge").build());
                }
                out.addAll(items);
            }
            List<RenderOrigins> origins = rendered.stream().flatMap(render -> render.origins().stream()).toList();
            return origins.isEmpty() ? out : out.stream().map(item -> relocate(item, origins)).toList();
        } finally {
            loading.close();
        }
    }

    /** An item located in a render's output, pointed at the source file the object came from. */
    private static Item relocate(Item item, List<RenderOrigins> origins) {
        for (RenderOrigins origin : origins) {
            item = origin.relocate(item);
        }
        return item;
    }

    /**
     * Whether the step reads anything for this checklist: {@code kubernetes.manifests}, {@code kubernetes.render}, or
     * a manifest the provision section applies ({@link ProvisionedManifests}). The kind configuration is read only
     * with them.
     */
    public static boolean readsManifests(io.ascent.core.checklist.Checklist checklist) {
        KubernetesSettings settings = checklist.kubernetes();
        return !settings.manifests().isEmpty() || !settings.render().isEmpty() || ProvisionedManifests.any(checklist);
    }

    /** A check that throws on odd input reports it as an ERROR on that object instead of ending the run. */
    private static void inspect(ManifestCheck check, Resource resource, Findings findings, List<Item> items) {
        try {
            check.inspect(resource, findings);
        } catch (RuntimeException e) {
            items.add(Item.builder(check.id(), check.title())
                    .status(Status.ERROR)
                    .message(resource.displayName() + ": the check could not read this object ("
                            + e.getClass().getSimpleName() + "); please report it with the manifest")
                    .location(resource.location())
                    .key(resource.displayName())
                    .build());
        }
    }

    /**
     * The loader threads of one run and the files handed to them while the set was still being expanded
     * ({@link #early}). Small files are parsed ahead on the pool; a file of more than {@link #STREAMED_BYTES} is read
     * document by document on the checking thread, each object checked and released before the next is read, so
     * memory stays flat in the size of one file too.
     */
    private final class Loading {
        private final ConfinedFiles repository;
        /** What the pool does to each object it parsed, beside the checks. */
        private final Ahead ahead;
        private final ManifestLoader loader = new ManifestLoader();
        /** Created with the first file; its threads start with the first task. {@code null} with one thread. */
        private ExecutorService pool;
        /** Files submitted during the expansion, by display path, until {@link #load} takes them in sorted order. */
        private final Map<String, Future<LoadedFile>> early = new HashMap<>();

        Loading(ConfinedFiles repository, Ahead ahead) {
            this.repository = repository;
            this.ahead = ahead;
        }

        /**
         * A file of the set, as the expansion finds it: the first {@code threads * AHEAD_PER_THREAD} go to the pool
         * at once. The walk's order is not the report's, so what they give waits in {@link #early} for its turn
         * (at most that many files, so memory stays as flat as before); a file the set's sorting leaves out (a
         * kustomization, a chart's template) is parsed for nothing and dropped, never reported.
         */
        void early(ManifestFile file) {
            if (Thread.currentThread().isInterrupted()) {
                // Cancelled while the set is expanded: walk no further, sort nothing (items() says interrupted).
                throw new CancellationException("manifest checks cancelled");
            }
            if (threads == 1 || early.size() >= threads * AHEAD_PER_THREAD || isLarge(file)) {
                return;
            }
            probe.readEarly(file);
            early.put(file.displayPath(), submit(file));
        }

        private Future<LoadedFile> submit(ManifestFile file) {
            if (pool == null) {
                pool = Executors.newFixedThreadPool(threads, runnable -> {
                    Thread thread = new Thread(runnable, "ascent-manifest-loader");
                    thread.setDaemon(true);
                    return thread;
                });
            }
            return pool.submit(() -> ahead.apply(loader.load(repository, file)));
        }

        /** Hands every object of every file to {@code sink}, in the order of {@code files}. */
        void load(List<ManifestFile> files, ManifestLoader.Sink sink) throws InterruptedException {
            boolean parallel = threads > 1 && (files.size() >= 2 || !early.isEmpty());
            try {
                Deque<Future<LoadedFile>> loading = new ArrayDeque<>();
                int next = 0;
                while (next < files.size() || !loading.isEmpty()) {
                    if (Thread.interrupted()) {
                        throw new InterruptedException("manifest checks cancelled");
                    }
                    while (parallel && next < files.size() && loading.size() < threads * AHEAD_PER_THREAD
                            && (early.containsKey(files.get(next).displayPath()) || !isLarge(files.get(next)))) {
                        ManifestFile file = files.get(next++);
                        Future<LoadedFile> started = early.remove(file.displayPath());
                        loading.add(started != null ? started : submit(file));
                    }
                    if (!loading.isEmpty()) {
                        LoadedFile loaded = loading.poll().get();
                        loaded.problems().forEach(sink::problem);
                        loaded.resources().forEach(sink::resource);
                    } else {
                        loader.stream(repository, files.get(next++), sink);
                    }
                }
                if (Thread.interrupted()) { // a schema fetch that was interrupted leaves the flag set
                    throw new InterruptedException("manifest checks cancelled");
                }
            } catch (ExecutionException e) {
                // load() catches everything its input can cause; what is left is an error or a bug, not bad input.
                throw new IllegalStateException("loading manifests failed", e.getCause());
            }
        }

        /**
         * Stops the pool and waits (at most {@link #LOADERS_STOP}) for its threads to end; what was read early for a
         * file the set's sorting left out is dropped unread. A cancelled run so returns with no loader still parsing
         * beside the caller's next work (a resident engine's next run).
         */
        void close() {
            early.values().forEach(future -> future.cancel(true));
            if (pool == null) {
                return;
            }
            pool.shutdownNow();
            boolean interrupted = Thread.interrupted(); // a cancelled run's flag would end the wait at once
            try {
                // Each loader stops at its next file or interrupt check: within one bounded parse.
                pool.awaitTermination(LOADERS_STOP.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                interrupted = true; // asked again: stop waiting
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /**
     * What a loader thread does to each object of the file it parsed, before handing the file over.
     *
     * @param copies whether it builds each document's JSON copy ({@link ManifestCheck#readsEveryCopy}); a copy that
     *               fails is left for its reader, who reports it on its object as without the copy built ahead
     * @param checks the checks whose {@link ManifestCheck#prepare} it calls (the schema check validates there)
     */
    private record Ahead(boolean copies, List<ManifestCheck> checks) {
        LoadedFile apply(LoadedFile loaded) {
            for (Resource resource : loaded.resources()) {
                if (copies) {
                    try {
                        resource.document().json();
                    } catch (RuntimeException e) {
                        // The checks ask again and report it on their object.
                    }
                }
                for (ManifestCheck check : checks) {
                    try {
                        check.prepare(resource);
                    } catch (RuntimeException e) {
                        // left to inspect, which reports it
                    }
                }
            }
            return loaded;
        }
    }

    private static boolean isLarge(ManifestFile file) {
        try {
            return Files.size(file.file()) > STREAMED_BYTES;
        } catch (IOException e) {
            return false; // the loader reports why it cannot read the file
        }
    }

    private static void finish(ManifestCheck check, Findings findings, List<Item> checkErrors,
            ValidationContext context, UnreadParts unread) {
        try {
            if (!unread.isEmpty()) {
                check.partialSet(unread);
            }
            check.finish(findings);
        } catch (UncompilableSchemaException e) {
            // Ascent's bug, said as such (exit 4), while every other check's results are kept.
            checkErrors.add(Item.builder(check.id(), check.title())
                    .error(ErrorKind.INTERNAL, e.getMessage())
                    .location(Location.of(context.checklist().path()))
                    .build());
        }
    }

    /** @param passScope what follows the PASS message: the versions it holds on, or the empty string */
    private static List<Item> itemsOf(ManifestCheck check, Findings findings, KubernetesSettings settings,
            String passScope) {
        Severity severity = Optional.ofNullable(settings.checks().get(check.id()))
                .flatMap(CheckSetting::severity).orElse(check.defaultSeverity());
        List<Item> items = new ArrayList<>();
        for (Finding skipped : findings.skipped()) {
            items.add(Item.builder(check.id(), check.title())
                    .severity(severity)
                    .status(Status.SKIP)
                    .message(skipped.message())
                    .location(skipped.location())
                    .key(skipped.key())
                    .build());
        }
        if (findings.skippedOmitted() > 0) {
            items.add(Item.builder(check.id(), check.title()).severity(severity).status(Status.SKIP)
                    .message(findings.skippedOmitted() + " more objects this check could not judge are not listed "
                            + "one by one (the first " + Findings.LIMIT + " are)")
                    .build());
        }
        if (findings.found().isEmpty() && findings.lookedCount() == 0 && !items.isEmpty()) {
            return items; // it judged nothing: a PASS beside the SKIPs saying why would claim what was not checked
        }
        if (findings.found().isEmpty()) {
            items.add(0, Item.builder(check.id(), check.title())
                    .severity(severity)
                    .message(check.passMessage(findings.lookedCount()) + passScope)
                    .build());
            return items;
        }
        for (Finding finding : findings.found()) {
            Severity weight = finding.ceiling() == null || finding.ceiling().compareTo(severity) < 0
                    ? severity : finding.ceiling();
            boolean exempt = finding.resource() != null && finding.resource().exemptions().contains(check.id());
            items.add(Item.builder(check.id(), check.title())
                    .severity(weight)
                    .status(exempt ? Status.SKIP : weight.problemStatus())
                    .message(exempt ? "exempted by annotation " + Resource.EXEMPT_ANNOTATION + ": "
                            + finding.message() : finding.message())
                    .location(finding.location())
                    .remediation(finding.remediation())
                    .key(finding.key())
                    .build());
        }
        if (findings.foundOmitted() > 0) {
            Severity ceiling = findings.omittedCeiling();
            items.add(Item.builder(check.id(), check.title())
                    .severity(ceiling == null || ceiling.compareTo(severity) < 0 ? severity : ceiling)
                    .problem(findings.foundOmitted() + " more findings of this check are not listed one by one "
                            + "(the first " + Findings.LIMIT + " are)")
                    .build());
        }
        return items;
    }

    /**
     * The kind config describes the nodes of the test cluster: its kubeadm patches must suit
     * {@code provision.cluster.kubernetesVersion} when that is set, whatever the manifests target.
     */
    private static Map<String, KubernetesVersion> kindNodeVersion(ValidationContext context) {
        var cluster = context.checklist().provision().cluster();
        if (cluster.config().isEmpty() || cluster.kubernetesVersion().isEmpty()) {
            return Map.of();
        }
        String path = context.workspace().displayPath(context.workspace().applicationDir()
                .resolve(cluster.config().get()));
        return Map.of(path, KubernetesVersion.parse(cluster.kubernetesVersion().get()));
    }

    /**
     * A target newer than the newest release Ascent's API table was generated from is judged as that release:
     * said once, so that "served by Kubernetes 1.99" is never read as a promise.
     */
    private Optional<Item> beyondKnownReleases(KubernetesVersion target, ValidationContext context) {
        Optional<KubernetesVersion> newest = table.get().newestRelease();
        if (target == null || newest.isEmpty() || !newest.get().isBefore(target)) {
            return Optional.empty();
        }
        boolean bundled = context.checklist().kubernetes().schemaLocations().contains("default");
        return Optional.of(Item.builder(TARGET_VERSION_ID, "Ascent knows the target Kubernetes version")
                .severity(Severity.WARNING)
                .problem("Kubernetes " + target + " is newer than " + newest.get() + ", the newest release Ascent"
                        + " knows: API versions are judged" + (bundled ? " and built-in kinds validated" : "")
                        + " as Kubernetes " + newest.get() + " serves them, so an API removed after "
                        + newest.get() + " is not caught")
                .location(Location.of(context.checklist().path()))
                .remediation("use a release of Ascent that knows Kubernetes " + target + ", or target "
                        + newest.get() + " (kubernetes.version or --kubernetes-version)")
                .key("target/" + target)
                .build());
    }

    /**
     * A ClusterAPI release newer than the newest whose CRDs Ascent bundles: its objects are validated against the
     * newest bundled release's CRDs, said once, as for a Kubernetes target newer than the bundled schemas.
     */
    private static Optional<Item> beyondBundledClusterApi(KubernetesVersion release, ValidationContext context) {
        if (release == null) {
            return Optional.empty();
        }
        List<KubernetesVersion> bundled = ClusterApiSchemaBundle.builtIn().releases();
        KubernetesVersion newest = bundled.get(bundled.size() - 1);
        if (!newest.isBefore(release)) {
            return Optional.empty();
        }
        return Optional.of(Item.builder(TARGET_VERSION_ID, "Ascent knows the target Kubernetes version")
                .severity(Severity.WARNING)
                .problem("ClusterAPI " + release + " is newer than " + newest + ", the newest ClusterAPI release whose"
                        + " CRDs Ascent bundles: ClusterAPI's objects are validated against ClusterAPI " + newest
                        + "'s CRDs, so a field added after " + newest + " is reported as unknown")
                .location(Location.of(context.checklist().path()))
                .remediation("use a release of Ascent that knows ClusterAPI " + release + ", or add the CRDs of ClusterAPI "
                        + release + " to the manifests or a schemaLocation")
                .key("clusterapi/" + release)
                .build());
    }

    /**
     * Remote schema locations the operator has not allowed: one SKIP item each, and they are left out of the run,
     * so that no request is sent. The network is the operator's to open, never the repository's.
     *
     * @param used receives the locations the run may use, in order
     */
    private List<Item> notAllowedLocations(List<String> written, List<String> used, ValidationContext context) {
        List<Item> items = new ArrayList<>();
        for (String text : written) {
            SchemaLocation location;
            try {
                location = SchemaLocation.parse(text, null);
            } catch (IllegalArgumentException unreadable) {
                used.add(text); // reported as unreadable when the checks are built
                continue;
            }
            if (location.type() != SchemaLocation.Type.REMOTE || allowedUrls.allows(location.root())) {
                used.add(text);
                continue;
            }
            items.add(Item.builder(SCHEMA_ID, "Remote schema locations are allowed by the operator")
                    .status(Status.SKIP)
                    .severity(Severity.WARNING)
                    .message("schema location " + location.text() + " was not used: remote locations are fetched "
                            + "only from URLs the person running Ascent allows, and this one is not allowed; no "
                            + "request was sent")
                    .location(Location.of(context.checklist().path()))
                    .remediation("if you run Ascent and trust this server, allow it with " + UrlAllowList.OPTION
                            + " " + location.root() + " or " + UrlAllowList.ENVIRONMENT_VARIABLE + "="
                            + location.root() + " (in Jenkins: the global configuration); see docs/security.md")
                    .key(location.text())
                    .build());
        }
        return items;
    }

    /** A misspelt id under {@code kubernetes.checks} would otherwise change nothing, silently. */
    private static List<Item> unknownCheckIds(KubernetesSettings settings, List<ManifestCheck> checks,
            ValidationContext context) {
        List<String> known = new ArrayList<>();
        checks.forEach(check -> known.add(check.id()));
        List<Item> items = new ArrayList<>();
        for (String id : new java.util.TreeSet<>(settings.checks().keySet())) {
            if (!known.contains(id)) {
                String nearest = NearestName.of(id, known);
                items.add(Item.builder(UNKNOWN_CHECK_ID, "Check settings name known checks")
                        .severity(Severity.WARNING)
                        .problem("kubernetes.checks names '" + id + "', which is no manifest check"
                                + (nearest == null ? "" : "; did you mean '" + nearest + "'?"))
                        .location(Location.of(context.checklist().path()))
                        .remediation("use an id from docs/checks.md")
                        .key(id)
                        .build());
            }
        }
        return items;
    }

    /** A misspelt id in the exemption annotation would exempt nothing, silently. */
    private static List<Item> unknownExemptions(Resource resource, List<ManifestCheck> checks) {
        Set<String> exemptions = resource.exemptions();
        if (exemptions.isEmpty()) {
            return List.of();
        }
        List<String> known = new ArrayList<>();
        checks.forEach(check -> known.add(check.id()));
        List<Item> items = new ArrayList<>();
        for (String id : exemptions) {
            if (!known.contains(id)) {
                String nearest = NearestName.of(id, known);
                items.add(Item.builder(UNKNOWN_CHECK_ID, "Check settings name known checks")
                        .severity(Severity.WARNING)
                        .problem(resource.displayName() + ": " + Resource.EXEMPT_ANNOTATION + " names '" + id
                                + "', which is no manifest check"
                                + (nearest == null ? "" : "; did you mean '" + nearest + "'?"))
                        .location(resource.locationAt(List.of("metadata", "annotations", Resource.EXEMPT_ANNOTATION)))
                        .remediation("use an id from docs/checks.md")
                        .key(resource.displayName() + "/" + id)
                        .build());
            }
        }
        return items;
    }

    /** The WARN of a checklist whose {@code kubernetes.version} is set while it names no manifest to read. */
    private static Item nothingNamed(String version, ValidationContext context) {
        return Item.builder(ManifestLoader.PARSE_ID, ManifestLoader.PARSE_TITLE).severity(Severity.WARNING)
                .problem("kubernetes.version names Kubernetes " + version + ", but neither kubernetes.manifests nor"
                        + " kubernetes.render names anything to read, so no manifest check ran")
                .location(Location.of(context.checklist().path()))
                .remediation("name the folders that hold the application's objects in kubernetes.manifests, or add"
                        + " (uncomment) a kubernetes.render entry for its charts and Kustomize folders; if the"
                        + " application has no Kubernetes objects, remove kubernetes.version")
                .key("nothing-named")
                .build();
    }

    private static Item skip(ManifestCheck check, String message, ValidationContext context) {
        return Item.builder(check.id(), check.title())
                .status(Status.SKIP)
                .severity(check.defaultSeverity())
                .message(message)
                .location(Location.of(context.checklist().path()))
                .build();
    }
}

package io.ascent.core.provision;

import io.ascent.core.ValidateOptions;
import io.ascent.core.checklist.Checklist;
import io.ascent.core.checklist.ChecklistLoader;
import io.ascent.core.checklist.LoadedChecklist;
import io.ascent.core.checklist.ProvisionSettings;
import io.ascent.core.checklist.ProvisionSettings.SmokeTest;
import io.ascent.core.manifest.LoadedFile;
import io.ascent.core.manifest.ManifestFile;
import io.ascent.core.manifest.ManifestLoader;
import io.ascent.core.manifest.ManifestSet;
import io.ascent.core.manifest.Resource;
import io.ascent.core.manifest.api.KubernetesVersion;
import io.ascent.core.provision.command.RenderToolRunner;
import io.ascent.core.manifest.render.Rendered;
import io.ascent.core.manifest.render.SourceFiles;
import io.ascent.core.checklist.RenderSetting;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.provision.deploy.ApplyOrder;
import io.ascent.core.provision.deploy.PodReferences;
import io.ascent.core.provision.deploy.ServerSideApplier;
import io.ascent.core.provision.existing.ExistingClusterDriver;
import io.ascent.core.provision.kind.KindDriver;
import io.ascent.core.provision.kind.NodeImagePolicy;
import io.ascent.core.provision.kube.ApiDiscovery;
import io.ascent.core.provision.kube.KubeConnections;
import io.ascent.core.provision.kube.KubeConnection;
import io.ascent.core.provision.kube.KubeException;
import io.ascent.core.provision.kube.ResourceType;
import io.ascent.core.provision.preflight.Probes;
import io.ascent.core.provision.smoke.ProvisionSectionCheck;
import io.ascent.core.provision.smoke.SmokeTestRunner;
import io.ascent.core.provision.wait.FailureDetails;
import io.ascent.core.provision.wait.ProblemLocation;
import io.ascent.core.provision.wait.RolloutJudge;
import io.ascent.core.provision.wait.RolloutWaiter;
import io.ascent.core.provision.wait.WaitResult;
import io.ascent.core.provision.wait.WaitTarget;
import io.ascent.core.report.ErrorKind;
import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import io.ascent.core.report.Report;
import io.ascent.core.report.Status;
import io.ascent.core.report.Verdict;
import io.ascent.core.run.Phase;
import io.ascent.core.run.RunRecorder;
import io.ascent.core.run.RunRule;
import io.ascent.core.workspace.Workspace;
import io.ascent.core.yaml.SafeYamlLoader;
import io.ascent.core.yaml.YamlDocument;
import io.ascent.core.yaml.YamlInputException;
import io.ascent.core.yaml.YamlLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One provisioning run: static validation, preflight, cluster, deploy, tests, teardown, in that order, each phase a
 * {@link ProvisionRule#PHASE} item with its duration and every object applied, waited for or tested an item of its
 * own. Teardown always runs (success, failure, interruption, JVM shutdown) unless {@link Keep} says otherwise.
 */
public final class Provisioner {

    /** The id of the item for a failure that is Ascent's bug (as {@code Ascent.INTERNAL_ERROR_ID}). */
    static final String INTERNAL_ERROR_ID = RunRule.INTERNAL.id();

    /** How long CRDs of the run may take to become Established. */
    static final Duration CRD_TIMEOUT = Duration.ofSeconds(60);

    /**
     * How long creating a cluster may take at least; a longer {@code --timeout} (or {@code provision.deploy.timeout})
     * raises it. kind pulls a node image of about 400 MB on a fresh agent.
     */
    static final Duration CLUSTER_TIMEOUT = Duration.ofMinutes(5);

    private final Clock clock;
    private final StaticValidation validation;
    private final Probes probes;

    /**
     * @param probes the agent the kind driver and its preflight run commands on and read (tests give a fake kind), with
     *               the run's environment: where the kubeconfig is, the {@code PATH} and the variables every child
     *               process gets ({@link Probes#of}); never the JVM's unless that is the run's
     */
    public Provisioner(Clock clock, StaticValidation validation, Probes probes) {
        this.clock = clock;
        this.validation = validation;
        this.probes = probes;
    }

    /**
     * Runs the whole scenario. Bad input, a failing environment and an interruption are all reported in the
     * returned report; after an interruption the thread's interrupt flag is set again.
     */
    public Report run(ProvisionOptions options, ProgressListener progress) {
        return run(options, progress, new KubeConnections(probes.environment()));
    }

    /**
     * As {@link #run(ProvisionOptions, ProgressListener)}, talking to clusters through {@code connections}: a
     * connection the run needs is taken from them when it is open or being opened there (a {@link
     * KubeConnections#warmUp} the caller started before it had the options), else opened there. The run closes
     * them at its end, whatever happens: nothing of it may outlive it.
     */
    public Report run(ProvisionOptions options, ProgressListener progress, KubeConnections connections) {
        Run run = new Run(options, progress, connections);
        try {
            run.execute();
        } catch (InterruptedException e) {
            run.interrupted(e);
        } catch (RuntimeException | StackOverflowError e) {
            // Ascent's bug, not the input's or the cluster's: exit 4, after teardown (the finally in execute).
            run.internalError(e);
        } finally {
            run.removeWork();
        }
        return run.report();
    }

    /** What the validate phase found and named: the checklist, the run's name, what it will apply. */
    private record Validated(Workspace workspace, Checklist checklist, String driverName, boolean ownsNamespaceOnly,
            RunName name, List<Resource> resources, Map<String, Resource> jobs) {
    }

    /** What the validate phase and the request's checks decided: all the live phases need to know. */
    private record Plan(Checklist checklist, ProvisionSettings settings, ClusterDrivers.Choice choice,
            ClusterRequest request, List<Resource> ordered, Map<String, Resource> jobs, boolean ownsNamespaceOnly,
            Duration timeout) {
        ClusterDriver driver() {
            return choice.driver();
        }
    }

    /** The cluster or namespace made for the run, and the means to act on it. */
    private record Live(ProvisionedCluster cluster, KubeConnection connection, ApiDiscovery discovery,
            ServerSideApplier applier, FailureDetails details) {
    }

    /** The state of one run. */
    private final class Run {
        private final ProvisionOptions options;
        private final ProgressListener progress;
        private final KubeConnections connections;
        private final RunRecorder report;
        private Phase current;
        private final List<Item> items = new ArrayList<>();
        private String phase = "validate";
        private long phaseStart;
        private boolean interrupted;
        private boolean failed;
        private Teardown teardown;
        private List<Location> testLocations = List.of();
        private Optional<Location> testsLocation = Optional.empty();
        private Optional<Location> configLocation = Optional.empty();
        private Optional<Location> nodeImageLocation = Optional.empty();
        private ProvisionSettings.Teardown teardownSetting = ProvisionSettings.Teardown.ALWAYS;
        private Path work;
        private boolean ownsWork;
        private boolean keptCluster;
        /** Whether the static validation judged the kind configuration ({@code KindConfigStep}). */
        private boolean kindHostJudged;
        private RolloutWaiter waiter;
        private List<Resource> applied = List.of();

        Run(ProvisionOptions options, ProgressListener progress, KubeConnections connections) {
            this.options = options;
            this.progress = progress;
            this.connections = connections;
            this.report = new RunRecorder(options.directory().toString(), progress, clock);
        }

        void execute() throws InterruptedException {
            // nothing of the run may outlive it, a warm-up that never reached preflight included
            try (KubeConnections open = connections) {
                execute(open);
            }
        }

        private void execute(KubeConnections connections) throws InterruptedException {
            // An existing cluster chosen on the command line is connected to while validation runs (reads only):
            // --kubeconfig, else KUBECONFIG or ~/.kube/config as the driver will pick them. Nothing is created
            // before validation and preflight pass.
            if (!options.dryRun() && options.driver().filter(ExistingClusterDriver.NAME::equals).isPresent()) {
                ExistingClusterDriver.kubeconfigFiles(options.kubeconfig(), probes.environment())
                        .ifPresent(kubeconfigs -> connections.warmUp(kubeconfigs, options.context()));
            }
            Optional<Plan> planned = prepare(connections);
            if (planned.isEmpty()) {
                return;
            }
            Plan plan = planned.get();
            if (options.dryRun()) {
                plan(plan.driver(), plan.request(), plan.ordered(), plan.settings(), plan.timeout());
                return;
            }
            if (!preflight(plan)) {
                return;
            }
            teardown = new Teardown(plan.driver(), progress);
            teardown.arm();
            try {
                Optional<Live> live = createCluster(plan);
                if (live.isPresent() && deploy(plan, live.get())) {
                    runTests(plan, live.get());
                }
            } catch (InterruptedException e) {
                record(e); // before teardown becomes the current phase
                throw e;
            } finally {
                tearDown();
            }
        }

        /**
         * The validate phase ({@link #validate()}), then the checks of the cluster request that need no cluster (the
         * driver, the kind configuration, the node image, the driver's own judgement): the plan of the run, or empty
         * when something stops it before anything is created (its items are recorded).
         */
        /**
         * The validate phase: the static validation, then what only a provision asks of the checklist (the
         * rendered sources, the provision section's names, {@code --test}, pod references), all before anything is
         * created; empty when the run stops here (its items are recorded).
         */
        private Optional<Validated> validate() throws InterruptedException {
            // validate: the checklist and manifests must pass before anything is created
            begin("validate");
            // The kind host policy is part of it (KindConfigStep), with the operator's folders: as validate judges it.
            ValidateOptions validate = new ValidateOptions(options.directory(), options.checklist(),
                    options.kubernetesVersion()).toBuilder().noGit(options.noGit()).kindMounts(options.kindMounts())
                    // and the node image policy, with the repositories this run accepts (environment and options)
                    .kindNodeImages(acceptedNodeImages())
                    .build();
            Report validated = validation.validate(validate, progress);
            items.addAll(validated.items());
            kindHostJudged = validated.items().stream()
                    .anyMatch(item -> item.id().equals(ProvisionRule.KIND_HOST.id()));
            validated.log().forEach(entry -> report.log(entry.level(), entry.message()));
            if (validated.checklist() != null) {
                report.checklist(validated.checklist());
            }
            report.header(header -> validated.header()); // the repository, commit and version it deploys
            if (validated.interrupted()) {
                throw new InterruptedException("during static validation");
            }
            if (validated.verdict() != Verdict.PASSED) {
                if (validated.environmentFailed()) {
                    report.environmentFailed("static validation: the environment cannot run it");
                }
                end(Status.FAIL, "static validation did not pass (" + validated.verdict().name().toLowerCase()
                        .replace('_', ' ') + "); nothing was created");
                return Optional.empty();
            }
            Workspace workspace = Workspace.of(options.directory());
            LoadedChecklist loaded = new ChecklistLoader(clock).load(workspace, options.checklist());
            Checklist checklist = loaded.checklist().orElseThrow();
            ProvisionSettings settings = checklist.provision();
            teardownSetting = settings.teardown();
            String driverName = options.driver().orElse(settings.cluster().driver().name().toLowerCase());
            boolean ownsNamespaceOnly = !driverOwnsCluster(driverName);
            // A namespace takes the checklist's prefix; a kind cluster keeps "ascent-", the only mark gc finds it by.
            // Named before rendering: a Helm chart renders into the namespace the run deploys to.
            RunName name = RunName.next(clock, ownsNamespaceOnly ? settings.cluster().namespacePrefix()
                    : RunName.PREFIX);
            String runNamespace = ownsNamespaceOnly ? name.value() : KindDriver.NAMESPACE;
            List<Item> renderProblems = new ArrayList<>();
            List<Resource> resources = deployResources(workspace, checklist, runNamespace, renderProblems);
            if (!renderProblems.isEmpty()) {
                items.addAll(renderProblems);
                end(Status.FAIL, "a Kustomize or Helm source did not render; nothing was created");
                return Optional.empty();
            }
            List<Item> unnamed = unnamed(resources);
            if (!unnamed.isEmpty()) {
                items.addAll(unnamed);
                end(Status.FAIL, "objects that server-side apply cannot address; nothing was created");
                return Optional.empty();
            }
            Map<String, Resource> jobs = new LinkedHashMap<>();
            List<Item> problems = sectionProblems(workspace, checklist, resources, jobs);
            if (!problems.isEmpty()) {
                items.addAll(problems);
                end(Status.FAIL, "the provision section names what the manifests do not define; nothing was created");
                return Optional.empty();
            }
            List<Item> unknownTests = unknownTests(checklist);
            if (!unknownTests.isEmpty()) {
                items.addAll(unknownTests);
                end(Status.FAIL, "--test names a smoke test the checklist does not have; nothing was created");
                return Optional.empty();
            }
            List<Resource> toCreate = new ArrayList<>(resources);
            toCreate.addAll(jobs.values());
            List<Item> references = PodReferences.check(toCreate, runNamespace);
            items.addAll(references);
            if (references.stream().anyMatch(item -> item.status().isGating())) {
                end(Status.FAIL, "pods refer to what the run does not create; nothing was created");
                return Optional.empty();
            }
            end(Status.PASS, "checklist and manifests are valid; " + resources.size() + " objects to apply");
            return Optional.of(new Validated(workspace, checklist, driverName, ownsNamespaceOnly, name, resources,
                    jobs));
        }

        private Optional<Plan> prepare(KubeConnections connections) throws InterruptedException {
            Optional<Validated> valid = validate();
            if (valid.isEmpty()) {
                return Optional.empty();
            }
            Workspace workspace = valid.get().workspace();
            Checklist checklist = valid.get().checklist();
            ProvisionSettings settings = checklist.provision();
            String driverName = valid.get().driverName();
            RunName name = valid.get().name();
            List<Resource> resources = valid.get().resources();

            Optional<ClusterDrivers.Choice> choice = ClusterDrivers.forName(driverName, connections,
                    options.kindExecutable().map(probes::withKind).orElse(probes), clock);
            if (choice.isEmpty()) {
                items.add(ProvisionRule.CLUSTER.item()
                        .error(ErrorKind.ENVIRONMENT, "the " + driverName + " driver is not available in this build")
                        .remediation("use --driver existing with a kubeconfig").build());
                return Optional.empty();
            }
            ClusterDriver driver = choice.get().driver();
            Duration timeout = options.timeout().orElse(settings.deploy().timeout());
            Optional<KindConfigFile> kindConfig;
            try {
                kindConfig = ClusterRequests.kindConfig(workspace, settings, options.kindMounts());
            } catch (ProvisionException e) {
                items.add(ProvisionRule.CLUSTER.item().error(ErrorKind.INPUT, e.getMessage())
                        .location(configLocation.orElse(Location.of(checklist.path())))
                        .remediation(e.remediation().orElse(null)).build());
                return Optional.empty();
            }
            work = workDirectory(name);
            ClusterRequest request = ClusterRequests.of(name, options, settings, checklist, kindConfig, work,
                    timeout.compareTo(CLUSTER_TIMEOUT) > 0 ? timeout : CLUSTER_TIMEOUT);
            Optional<String> refusedImage = driverOwnsCluster(driverName) ? request.nodeImage().flatMap(image ->
                    NodeImagePolicy.refusal(image, acceptedNodeImages()))
                    : Optional.empty();
            if (refusedImage.isPresent()) {
                items.add(ProvisionRule.KIND_HOST.item().error(ErrorKind.INPUT, refusedImage.get())
                        .location(nodeImageLocation.orElse(Location.of(checklist.path())))
                        .remediation(NodeImagePolicy.REMEDIATION).build());
                return Optional.empty();
            }
            try {
                // The driver's own judgement (kind: the host policy), at the kind configuration's lines. The static
                // validation judged the kind configuration already (its items are in the report); only a validation
                // without that step (one a caller composed) leaves it to the driver here, so it is never said twice.
                List<Item> judged = kindHostJudged ? List.of() : driver.checkRequest(request);
                items.addAll(judged);
                if (judged.stream().anyMatch(item -> item.status() == Status.ERROR)) {
                    return Optional.empty();
                }
            } catch (ProvisionException e) {
                items.add(ProvisionRule.CLUSTER.item().error(ErrorKind.INPUT, e.getMessage())
                        .location(configLocation.orElse(Location.of(checklist.path())))
                        .remediation(e.remediation().orElse(null)).build());
                return Optional.empty();
            }
            List<Resource> ordered = ApplyOrder.sort(resources);
            applied = ordered;
            return Optional.of(new Plan(checklist, settings, choice.get(), request, ordered, valid.get().jobs(),
                    valid.get().ownsNamespaceOnly(), timeout));
        }

        /** The preflight phase: whether it let the run go on (nothing is created before it passes). */
        private boolean preflight(Plan plan) throws InterruptedException {
            begin("preflight");
            List<Item> preflight = plan.choice().preflight().check(plan.request(), progress);
            items.addAll(preflight);
            if (preflight.stream().anyMatch(i -> i.status() == Status.ERROR)) {
                report.environmentFailed("preflight: the environment cannot run the provisioning");
                end(Status.FAIL, "preflight found what stops the run; nothing was created");
                return false;
            }
            if (preflight.stream().anyMatch(i -> i.status() == Status.FAIL)) {
                end(Status.FAIL, "preflight failed; nothing was created");
                return false;
            }
            end(Status.PASS, preflight.size() + " checks");
            return true;
        }

        /**
         * The cluster phase: the driver makes the cluster (or namespace), the run connects to it and makes sure its
         * PodSecurity level holds; empty when that failed (its items are recorded).
         */
        private Optional<Live> createCluster(Plan plan) throws InterruptedException {
            begin("cluster");
            ProvisionedCluster cluster;
            try {
                cluster = plan.driver().create(plan.request(), progress);
            } catch (ProvisionException e) {
                Path exported = plan.request().workDirectory().resolve("kind-logs");
                Optional<Path> logs = keptLogs(exported);
                items.add(ProvisionRule.CLUSTER.item().error(e.kind() == ProvisionException.Kind.ENVIRONMENT
                                ? ErrorKind.ENVIRONMENT : ErrorKind.INPUT, e.getMessage()
                                + logs.map(path -> "\nkind's exported logs: " + path).orElse(""))
                        .remediation(e.remediation().map(r -> logs.map(path -> r.replace(exported.toString(),
                                path.toString())).orElse(r)).orElse(null))
                        .duration(elapsed()).build());
                end(Status.FAIL, "the cluster could not be made");
                return Optional.empty();
            }
            teardown.cluster(cluster);
            Map<String, String> podSecurity = podSecurity(plan.request());
            items.add(ProvisionRule.CLUSTER.item().status(Status.PASS).message(cluster.driver() + ": "
                    + (cluster.ownsCluster() ? "cluster " + cluster.name() : "namespace " + cluster.namespace()
                    + " (" + cluster.name() + ")") + (podSecurity.isEmpty() ? "" : "; namespace "
                    + cluster.namespace() + " enforces PodSecurity " + PodSecurityLabels.describe(podSecurity)))
                    .duration(elapsed()).build());
            end(Status.PASS, "namespace " + cluster.namespace());

            KubeConnection connection;
            try {
                connection = connections.connect(Optional.of(cluster.kubeconfig()), cluster.context());
            } catch (ProvisionException e) {
                items.add(ProvisionRule.CLUSTER.item().error(ErrorKind.ENVIRONMENT, e.getMessage())
                        .remediation(e.remediation().orElse(null)).build());
                return Optional.empty();
            }
            if (cluster.ownsCluster() && !podSecurity.isEmpty()
                    && !enforcePodSecurity(connection, cluster.namespace(), podSecurity)) {
                return Optional.empty();
            }
            if (!podSecurity.isEmpty() && !podSecurityEnforced(connection, cluster.namespace(), podSecurity)) {
                return Optional.empty();
            }
            ApiDiscovery discovery = new ApiDiscovery(connection);
            ServerSideApplier applier = new ServerSideApplier(connection, discovery, progress);
            waiter = new RolloutWaiter(connection, progress);
            return Optional.of(new Live(cluster, connection, discovery, applier, new FailureDetails(connection)));
        }

        /** The deploy phase: applies in order and waits; whether everything became ready. */
        private boolean deploy(Plan plan, Live live) throws InterruptedException {
            begin("deploy");
            boolean deployed = applyAndWait(plan.ordered(), live.cluster().namespace(), plan.ownsNamespaceOnly(),
                    plan.timeout(), live.applier(), waiter, live.details(), live.discovery());
            end(deployed ? Status.PASS : Status.FAIL, deployed ? plan.ordered().size() + " objects applied and ready"
                    : "the deployment failed");
            return deployed;
        }

        /** The tests phase: the smoke tests asked for, one item each; the others are SKIP items. */
        private void runTests(Plan plan, Live live) throws InterruptedException {
            begin("tests");
            SmokeTestRunner runner = new SmokeTestRunner(live.connection(), live.applier(), waiter, progress);
            int passed = 0;
            int run = 0;
            List<SmokeTest> tests = plan.settings().tests();
            for (int i = 0; i < tests.size(); i++) {
                SmokeTest test = tests.get(i);
                Location at = testLocation(plan.checklist(), i);
                if (!selected(test)) {
                    items.add(ProvisionRule.TEST.item().status(Status.SKIP).key(test.name()).location(at)
                            .message(test.name() + ": not run: only " + String.join(", ", options.tests())
                                    + " asked for (--test)").build());
                    continue;
                }
                run++;
                progress.info("tests: " + test.name() + " ...");
                Item item = test.http().isPresent()
                        ? runner.http(test, test.http().get(), live.cluster().namespace(), at)
                        : runner.job(test, plan.jobs().get(test.name()), live.cluster().namespace(), at);
                items.add(item);
                passed += item.status() == Status.PASS ? 1 : 0;
            }
            end(passed == run ? Status.PASS : Status.FAIL, passed + " of " + run + " tests passed"
                    + (run < tests.size() ? "; " + (tests.size() - run) + " not asked for (--test)" : ""));
        }

        /** The node image repositories this run accepts: kind's, the environment's and the caller's options. */
        private List<String> acceptedNodeImages() {
            return NodeImagePolicy.allowed(probes.env(NodeImagePolicy.ENVIRONMENT), options.kindNodeImages());
        }

        /** The PodSecurity labels of the request ({@link PodSecurityLabels}), or none. */
        private Map<String, String> podSecurity(ClusterRequest request) {
            Map<String, String> labels = new java.util.TreeMap<>();
            request.labels().forEach((key, value) -> {
                if (key.startsWith("pod-security.kubernetes.io/")) {
                    labels.put(key, value);
                }
            });
            return labels;
        }

        /**
         * Labels the namespace a kind cluster's run deploys to so that it enforces the checklist's PodSecurity level
         * (the existing driver's namespace is created with the labels). False, with a failed item, when the server
         * refuses.
         */
        private boolean enforcePodSecurity(KubeConnection connection, String namespace, Map<String, String> labels)
                throws InterruptedException {
            try {
                connection.apply(ResourceType.NAMESPACE.objectPath(null, namespace), new org.json.JSONObject()
                        .put("apiVersion", "v1").put("kind", "Namespace").put("metadata", new org.json.JSONObject()
                                .put("name", namespace).put("labels", new org.json.JSONObject(labels))),
                        ServerSideApplier.FIELD_MANAGER, true);
                progress.info("cluster: namespace " + namespace + " enforces PodSecurity "
                        + PodSecurityLabels.describe(labels));
                return true;
            } catch (KubeException e) {
                items.add(ProvisionRule.CLUSTER.item().error(ErrorKind.ENVIRONMENT, "cannot label namespace "
                        + namespace + " to enforce PodSecurity " + PodSecurityLabels.describe(labels) + ": "
                        + e.serverMessage()).remediation("check the cluster").build());
                return false;
            }
        }

        /**
         * Whether the namespace really enforces its PodSecurity labels ({@link PodSecurityProbe}). Not enforced: a
         * failed item, and the run stops, since it would pass what production refuses. Unknown: a warning.
         */
        private boolean podSecurityEnforced(KubeConnection connection, String namespace, Map<String, String> labels)
                throws InterruptedException {
            String level = PodSecurityLabels.describe(labels);
            PodSecurityProbe.Answer answer = PodSecurityProbe.probe(connection, namespace,
                    labels.get(PodSecurityLabels.ENFORCE));
            switch (answer.outcome()) {
                case ENFORCED -> {
                    progress.info("cluster: the API server enforces PodSecurity " + level + " in " + namespace);
                    return true;
                }
                case NOT_ENFORCED -> {
                    items.add(ProvisionRule.CLUSTER.item().status(Status.FAIL).message("namespace " + namespace
                                    + " is labelled to enforce PodSecurity " + level + ", but the API server admitted a "
                                    + "privileged pod (server-side dry run, nothing created): a pod that breaks the "
                                    + "level would pass here and be refused in production")
                            .remediation("use a cluster whose API server runs the PodSecurity admission plugin (on "
                                    + "by default since Kubernetes 1.25), or remove provision.cluster.podSecurity")
                            .build());
                    return false;
                }
                default -> {
                    items.add(ProvisionRule.CLUSTER.item().status(Status.WARN).message("could not make sure that "
                                    + "namespace " + namespace + " enforces PodSecurity " + level + ": the dry run of a "
                                    + "privileged pod was refused for another reason: " + answer.detail())
                            .remediation("let the credentials create pods in the run's namespace, so that Ascent can "
                                    + "ask the server").build());
                    return true;
                }
            }
        }

        private boolean applyAndWait(List<Resource> ordered, String namespace, boolean ownNamespaceOnly,
                Duration timeout, ServerSideApplier applier, RolloutWaiter waiter, FailureDetails details,
                ApiDiscovery discovery)
                throws InterruptedException {
            // Namespaces and CRDs first; custom resources can only be applied once their CRDs are Established.
            List<Resource> first = ordered.stream().filter(r -> ApplyOrder.rank(r.kind()) <= 1).toList();
            List<Resource> rest = ordered.stream().filter(r -> ApplyOrder.rank(r.kind()) > 1).toList();
            List<WaitTarget> targets = new ArrayList<>();
            if (!first.isEmpty()) {
                ServerSideApplier.Outcome outcome = applier.apply(first, namespace, ownNamespaceOnly);
                items.addAll(outcome.items());
                if (outcome.failed()) {
                    return false;
                }
                if (!outcome.targets().isEmpty() && !waitFor(outcome.targets(), CRD_TIMEOUT, waiter, details)) {
                    return false;
                }
                first.stream().filter(r -> "CustomResourceDefinition".equals(r.kind()))
                        .forEach(crd -> crdVersions(crd).forEach(discovery::forget));
            }
            ServerSideApplier.Outcome outcome = applier.apply(rest, namespace, ownNamespaceOnly);
            items.addAll(outcome.items());
            if (outcome.failed()) {
                return false;
            }
            targets.addAll(outcome.targets());
            return targets.isEmpty() || waitFor(targets, timeout, waiter, details);
        }

        private boolean waitFor(List<WaitTarget> targets, Duration timeout, RolloutWaiter waiter,
                FailureDetails details) throws InterruptedException {
            boolean ok = true;
            for (WaitResult result : waiter.await(targets, timeout)) {
                String message = result.target().displayName() + ": " + result.verdict().message();
                if (result.succeeded()) {
                    items.add(ProvisionRule.ROLLOUT.item().status(Status.PASS).message(message)
                            .location(result.target().location()).key(result.target().displayName())
                            .duration(result.elapsed()).build());
                } else {
                    ok = false;
                    items.add(ProvisionRule.ROLLOUT.item().status(Status.FAIL)
                            .message(message + "\n" + details.describe(result))
                            .location(failureLocation(result)).key(result.target().displayName())
                            .remediation(remediation(result))
                            .duration(result.elapsed()).build());
                }
            }
            return ok;
        }

        /** Where to fix a failed wait: the field of its pod problem in the manifest, else the object. */
        private Location failureLocation(WaitResult result) {
            WaitTarget target = result.target();
            return result.problem().flatMap(problem -> applied.stream()
                    .filter(r -> r.kind().equals(target.type().kind()) && target.location().equals(r.location()))
                    .findFirst().map(resource -> ProblemLocation.of(resource, problem)))
                    .orElse(target.location());
        }

        private void tearDown() {
            if (teardown == null) {
                return;
            }
            boolean wasInterrupted = Thread.interrupted() || interrupted;
            begin("teardown");
            long teardownStart = System.nanoTime();
            Optional<ProvisionedCluster> cluster = teardown.cluster();
            Keep keep = keep();
            boolean somethingFailed = failed || wasInterrupted
                    || items.stream().anyMatch(i -> i.status().isGating());
            if (cluster.isPresent() && (keep == Keep.ALWAYS || (keep == Keep.ON_FAILURE && somethingFailed))) {
                ProvisionedCluster kept = cluster.get();
                String reach = "kubectl --kubeconfig " + kept.kubeconfig() + kept.context().map(c -> " --context " + c)
                        .orElse("") + " -n " + kept.namespace() + " get all";
                // INFO, not SKIP: a kept cluster keeps running and costing until someone deletes it, so it shows in
                // the default text, and as a note in SARIF and JUnit, not among the skipped items counted away.
                items.add(ProvisionRule.TEARDOWN.item().status(Status.INFO)
                        .message("kept (--keep " + keep.label() + "): reach it with " + reach)
                        .remediation("delete it when done: " + (kept.ownsCluster() ? "kind delete cluster --name "
                                + kept.name() : "kubectl --kubeconfig " + kept.kubeconfig() + kept.context()
                                .map(c -> " --context " + c).orElse("") + " delete namespace " + kept.namespace()))
                        .build());
                progress.info("teardown: kept; reach it with " + reach);
                keptCluster = true;
                end(Status.PASS, "kept");
            } else {
                Optional<ProvisionException> problem = teardown.release();
                if (problem.isPresent()) {
                    // "delete it by hand: kubectl --kubeconfig WORK/kubeconfig ..." must stay true: keep the folder
                    keptCluster = cluster.isPresent() && work != null
                            && cluster.get().kubeconfig().toAbsolutePath().startsWith(work.toAbsolutePath());
                    items.add(ProvisionRule.TEARDOWN.item().status(Status.FAIL).message(problem.get().getMessage())
                            .remediation(problem.get().remediation().orElse(null)).duration(elapsed()).build());
                    end(Status.FAIL, "teardown failed");
                } else if (cluster.isPresent()) {
                    items.add(ProvisionRule.TEARDOWN.item().status(Status.PASS)
                            .message(cluster.get().ownsCluster() ? "cluster " + cluster.get().name() + " deleted"
                                    : "namespace " + cluster.get().namespace() + " deleted")
                            .duration(elapsed()).build());
                    end(Status.PASS, "released");
                } else {
                    end(Status.PASS, "nothing to release");
                }
            }
            Duration released = Duration.ofNanos(System.nanoTime() - teardownStart);
            Duration waited = waiter == null ? Duration.ZERO : waiter.waited();
            // What the cluster took, apart from Ascent's own work (docs/performance.md, "overhead").
            report.debug("waited for the cluster " + waited.plus(released).toMillis() + " ms: rollouts and tests "
                    + waited.toMillis() + " ms, teardown " + released.toMillis() + " ms");
            if (Thread.interrupted() && !wasInterrupted) {
                // Ctrl-C, SIGTERM or an abort arrived while tearing down: the teardown went on to its end, and
                // the report says the run was interrupted, as the process's exit status will
                wasInterrupted = true;
                record(new InterruptedException(null));
            }
            teardown.finished();
            if (wasInterrupted) {
                Thread.currentThread().interrupt();
            }
        }

        void interrupted(InterruptedException e) {
            record(e);
            Thread.currentThread().interrupt();
        }

        /** Notes the interruption once, naming the phase it cut short. */
        private void record(InterruptedException e) {
            if (interrupted) {
                return;
            }
            interrupted = true;
            report.interrupted();
            report.error("interrupted during " + phase + "; the run was cancelled"
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
            items.add(ProvisionRule.PHASE.item().status(Status.FAIL).key(phase).duration(elapsed())
                    .message("interrupted during " + phase).build());
            if (current != null) {
                current.interrupted();
                current.close();
                current = null;
            }
        }

        void internalError(Throwable e) {
            items.add(Item.builder(INTERNAL_ERROR_ID, "Ascent itself failed")
                    .error(ErrorKind.INTERNAL, "provisioning failed during " + phase + " with "
                            + e.getClass().getName() + "; this is a bug in Ascent, please report it")
                    .build());
            java.io.StringWriter trace = new java.io.StringWriter();
            e.printStackTrace(new java.io.PrintWriter(trace));
            report.debug(trace.toString());
        }

        Report report() {
            report.items(items);
            return report.report();
        }

        private void plan(ClusterDriver driver, ClusterRequest request, List<Resource> ordered,
                ProvisionSettings settings, Duration timeout) {
            List<String> lines = new ArrayList<>();
            lines.add("dry run: nothing is created");
            lines.add("driver " + driver.name() + ":");
            driver.plan(request).forEach(line -> lines.add("  " + line));
            Map<String, String> podSecurity = podSecurity(request);
            if (!podSecurity.isEmpty()) {
                lines.add("pods must meet PodSecurity " + PodSecurityLabels.describe(podSecurity) + ": "
                        + (driverOwnsCluster(driver.name()) ? "namespace " + KindDriver.NAMESPACE + " is labelled "
                        + "once the cluster is ready" : "the namespace is created with the labels"));
            }
            lines.add("apply (server-side, field manager " + ServerSideApplier.FIELD_MANAGER + ", in this order):");
            int n = 1;
            for (Resource resource : ordered) {
                lines.add("  " + n++ + ". " + resource.displayName() + " (" + resource.location() + ")"
                        + (resource.namespace().isEmpty() ? "" : " in " + resource.namespace()));
            }
            lines.add("wait (watches, at most " + timeout.toSeconds() + "s, failing fast on image pull, crash loop, "
                    + "config errors and unschedulable pods, and on pods the API server refuses for "
                    + RolloutWaiter.CREATION_GRACE.toSeconds() + "s):");
            ordered.stream().filter(r -> RolloutJudge.waitsFor(r.kind()))
                    .forEach(r -> lines.add("  " + r.displayName()));
            lines.add("tests:");
            for (SmokeTest test : settings.tests()) {
                if (!selected(test)) {
                    lines.add("  " + test.name() + ": not run (only " + String.join(", ", options.tests())
                            + " asked for with --test)");
                    continue;
                }
                lines.add("  " + test.name() + ": " + test.http().map(h -> h.method() + " " + h.path() + " on service "
                        + h.service() + ":" + h.port() + " expecting " + h.expectStatus()
                        + h.expectBody().map(b -> " and '" + b + "'").orElse(""))
                        .orElseGet(() -> "job " + test.job().orElseThrow().manifest())
                        + " (timeout " + test.timeout().toSeconds() + "s)");
            }
            lines.add("teardown: " + (keep() == Keep.NEVER ? "always" : "keep " + keep().label()));
            lines.forEach(report::info);
        }

        /**
         * What to apply: {@code provision.deploy.manifests}, else what {@code ascent validate} checked (the
         * manifests without {@code kubernetes.exclude}, Kustomize and Helm files left to their tools, and the
         * {@code kubernetes.render} output). Static validation rendered the same sources a moment ago; a render that
         * fails now is the problem returned.
         *
         * <p>A Helm chart whose entry names no namespace renders into {@code runNamespace}, as {@code helm install
         * --namespace} would: {@code .Release.Namespace} is then the run's wherever the chart writes it (an object's
         * {@code metadata.namespace}, a DNS name, a RoleBinding's subject), so that the chart's objects land where the
         * run deploys and still reach each other. Static validation rendered it into Helm's {@code default}.
         */
        private List<Resource> deployResources(Workspace workspace, Checklist checklist, String runNamespace,
                List<Item> problems) throws InterruptedException {
            boolean ownList = !checklist.provision().deploy().manifests().isEmpty();
            List<String> written = ownList ? checklist.provision().deploy().manifests()
                    : checklist.kubernetes().manifests();
            ManifestSet set = ManifestSet.expand(workspace, written,
                    ownList ? List.of() : checklist.kubernetes().exclude());
            List<RenderSetting> render = ownList ? List.of() : checklist.kubernetes().render();
            ManifestLoader loader = new ManifestLoader();
            List<Resource> resources = new ArrayList<>();
            for (ManifestFile file : SourceFiles.sort(workspace, set.files(), render).manifests()) {
                LoadedFile loaded = loader.load(workspace.files(YamlLimits.MANIFEST.maxBytes()), file);
                resources.addAll(loaded.resources());
            }
            KubernetesVersion target = options.kubernetesVersion().or(() -> checklist.kubernetes().version())
                    .map(KubernetesVersion::parse).orElse(null);
            for (RenderSetting entry : render) {
                RenderSetting setting = entry.tool() == RenderSetting.Tool.HELM && entry.namespace().isEmpty()
                        ? entry.inNamespace(runNamespace) : entry;
                try (Rendered rendered = RenderToolRunner.renderer(probes.environment()).render(workspace, setting,
                        checklist.metadata().name(), target, setting.location())) {
                    rendered.objects().ifPresentOrElse(objects -> resources.addAll(objects.resources()),
                            () -> problems.add(rendered.item()));
                }
            }
            return resources;
        }

        private List<Item> sectionProblems(Workspace workspace, Checklist checklist, List<Resource> resources,
                Map<String, Resource> jobs) {
            YamlDocument document;
            try {
                document = ChecklistDocument.read(workspace, options.checklist(), options.directory(),
                        checklist.path());
            } catch (YamlInputException e) {
                return List.of(ProvisionRule.SECTION.item().status(Status.ERROR).message(e.getMessage())
                        .location(e.location()).build());
            }
            ProvisionSectionCheck check = new ProvisionSectionCheck(document, workspace);
            List<Item> problems = new ArrayList<>(check.check(checklist.provision(), resources));
            List<SmokeTest> tests = checklist.provision().tests();
            for (int i = 0; i < tests.size() && problems.isEmpty(); i++) {
                if (tests.get(i).job().isPresent()) {
                    int index = i;
                    check.jobOf(tests.get(i).job().get().manifest(), List.of("provision", "tests", String.valueOf(i)),
                            problems).ifPresent(job -> jobs.put(tests.get(index).name(), job));
                }
            }
            configLocation = Optional.of(document.locationOf(document.nodeAt(List.of("provision", "cluster",
                    "config"))));
            nodeImageLocation = Optional.of(document.locationOf(document.nodeAt(List.of("provision", "cluster",
                    "nodeImage"))));
            testsLocation = Optional.of(document.locationOf(document.nodeAt(List.of("provision", "tests"))));
            testLocations = new ArrayList<>();
            for (int i = 0; i < tests.size(); i++) {
                testLocations.add(document.locationOf(document.nodeAt(List.of("provision", "tests",
                        String.valueOf(i)))));
            }
            return problems;
        }

        /**
         * Objects without {@code metadata.name} (a {@code generateName} meant for {@code kubectl create}): server-side
         * apply addresses an object by its name, so each is refused at its file:line before any cluster exists, not
         * after a namespace was made for it.
         */
        private static List<Item> unnamed(List<Resource> resources) {
            List<Item> refused = new ArrayList<>();
            for (Resource resource : resources) {
                org.json.JSONObject metadata = resource.json().optJSONObject("metadata", new org.json.JSONObject());
                if (metadata.optString("name").isEmpty()) {
                    boolean generated = metadata.has("generateName");
                    refused.add(ProvisionRule.APPLY.item().error(ErrorKind.INPUT, resource.displayName()
                                    + " has no metadata.name" + (generated ? " (only generateName)" : "")
                                    + "; server-side apply addresses an object by its name")
                            .location(resource.location())
                            .remediation("give it a metadata.name; generateName works only with kubectl create")
                            .build());
                }
            }
            return refused;
        }

        /** Whether {@code --test} asks for {@code test}: all tests are asked for when it names none. */
        private boolean selected(SmokeTest test) {
            return options.tests().isEmpty() || options.tests().contains(test.name());
        }

        /**
         * The {@code --test} names no smoke test of the checklist has: bad input (exit 2), found before anything is
         * created, at the checklist's {@code provision.tests}.
         */
        private List<Item> unknownTests(Checklist checklist) {
            List<String> names = checklist.provision().tests().stream().map(SmokeTest::name).toList();
            List<Item> unknown = new ArrayList<>();
            for (String name : options.tests()) {
                if (!names.contains(name)) {
                    unknown.add(ProvisionRule.TEST.item().key(name).error(ErrorKind.INPUT, "--test " + name
                                    + ": the checklist has no smoke test of that name" + (names.isEmpty()
                                    ? " (it has none)" : "; its tests: " + String.join(", ", names)))
                            .location(testsLocation.orElse(Location.of(checklist.path())))
                            .remediation("name a test of the checklist's provision.tests").build());
                }
            }
            return unknown;
        }

        private Location testLocation(Checklist checklist, int index) {
            return index < testLocations.size() ? testLocations.get(index) : Location.of(checklist.path());
        }

        /**
         * After a failed create: where kind's exported logs ({@code WORK/kind-logs}) are kept. The work folder is
         * removed at the end of the run, so they move to {@code TMP/ascent-work.RUN-NNN-kind-logs}; empty when kind
         * exported none.
         */
        private Optional<Path> keptLogs(Path logs) {
            if (!Files.isDirectory(logs)) {
                return Optional.empty();
            }
            if (!ownsWork) {
                return Optional.of(logs);
            }
            Path kept = Path.of(System.getProperty("java.io.tmpdir"), work.getFileName() + "-kind-logs");
            try {
                Files.move(logs, kept);
                return Optional.of(kept);
            } catch (IOException e) {
                ownsWork = false; // keep the whole work folder rather than lose the logs
                return Optional.of(logs);
            }
        }

        /**
         * Removes the run's own temporary work folder (the kind cluster's kubeconfig, with its credentials), unless
         * the cluster was kept and a person still needs that kubeconfig. A folder given by the caller is left alone.
         */
        void removeWork() {
            if (work == null || !ownsWork || keptCluster) {
                return;
            }
            try (java.util.stream.Stream<Path> paths = Files.walk(work)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                report.warn("could not remove the work folder " + work + ": " + e.getMessage());
            }
        }

        /** The caller's folder, else a fresh private one; a dry run only names it and creates nothing. */
        private Path workDirectory(RunName name) {
            if (options.workDirectory().isPresent()) {
                return options.workDirectory().get();
            }
            Path temp = Path.of(System.getProperty("java.io.tmpdir"), RunName.WORK_FOLDER_PREFIX + name.value());
            if (options.dryRun()) {
                return temp;
            }
            try {
                // Named with Ascent's fixed start, whatever the namespace prefix: how `ascent gc` knows it as a run's.
                Path created = Files.createTempDirectory(name.workFolderPrefix());
                ownsWork = true;
                return created;
            } catch (IOException e) {
                return temp;
            }
        }

        /** {@code --keep}, else the checklist's {@code provision.teardown} ({@code on-success} keeps on failure). */
        private Keep keep() {
            return options.keep().orElse(teardownSetting == ProvisionSettings.Teardown.ON_SUCCESS ? Keep.ON_FAILURE
                    : Keep.NEVER);
        }

        private void begin(String name) {
            phase = name;
            phaseStart = System.nanoTime();
            current = report.phase(name);
        }

        private void end(Status status, String message) {
            Duration took = elapsed();
            failed |= status.isGating();
            items.add(ProvisionRule.PHASE.item().status(status).key(phase).message(phase + ": " + message)
                    .duration(took).build());
            if (current != null) {
                if (status.isGating()) {
                    current.failed();
                }
                current.close();
                current = null;
            }
        }

        private Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - phaseStart);
        }
    }

    private static boolean driverOwnsCluster(String driverName) {
        return !ExistingDriverNames.isExisting(driverName);
    }

    private static String remediation(WaitResult result) {
        String reason = result.problem().map(p -> p.reason()).orElse("");
        return switch (reason) {
            case "ImagePullBackOff", "ErrImagePull", "InvalidImageName" ->
                    "check the image name and tag, and that the cluster can pull it (registry credentials)";
            // the kubelet may not give the log (a kubelet the API server cannot reach): say what to do then too
            case "CrashLoopBackOff" -> "the application exits at start: read the container's last state and log "
                    + "above; where no log could be read, keep the run (--keep on-failure) and run kubectl logs "
                    + "--previous";
            case "CreateContainerConfigError", "CreateContainerError" ->
                    "a ConfigMap, Secret or key the container refers to is missing";
            case "Unschedulable" -> "no node can take the pod: lower its requests or relax its node selector";
            case "FailedCreate" -> "the API server refuses the pod template: give the pods what the message names "
                    + "(a ServiceAccount, requests within the namespace's quota or LimitRange, a securityContext the "
                    + "namespace's PodSecurity level allows)";
            default -> "read the events and pod states above";
        };
    }

    /** The versions a CRD manifest serves, as {@code group/version}. */
    private static List<String> crdVersions(Resource crd) {
        org.json.JSONObject spec = crd.json().optJSONObject("spec", new org.json.JSONObject());
        String group = spec.optString("group");
        org.json.JSONArray versions = spec.optJSONArray("versions");
        List<String> out = new ArrayList<>();
        for (int i = 0; versions != null && i < versions.length(); i++) {
            org.json.JSONObject version = versions.optJSONObject(i);
            if (version != null) {
                out.add(group + "/" + version.optString("name"));
            }
        }
        return out;
    }

    /** Driver names, kept in one place. */
    private static final class ExistingDriverNames {
        static boolean isExisting(String name) {
            return io.ascent.core.provision.existing.ExistingClusterDriver.NAME.equals(name);
        }
    }
}

package io.ascent.core.provision.gc;

import io.ascent.core.GcOptions;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.provision.RunName;
import io.ascent.core.provision.command.CommandFailedException;
import io.ascent.core.provision.command.CommandResult;
import io.ascent.core.provision.command.CommandRunner;
import io.ascent.core.report.CheckDescription;
import io.ascent.core.report.ErrorKind;
import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import io.ascent.core.run.Phase;
import io.ascent.core.run.RunRecorder;
import io.ascent.core.report.Severity;
import io.ascent.core.report.Status;
import io.ascent.core.provision.ProvisionException;
import io.ascent.core.provision.kube.ClusterConnector;
import io.ascent.core.provision.kube.KubeConnection;
import io.ascent.core.provision.kube.KubeException;
import io.ascent.core.provision.kube.KubeconfigFiles;
import org.json.JSONArray;
import org.json.JSONObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds and deletes Ascent's leftovers: kind clusters ({@code kind get clusters}), the work folders runs left in the
 * temporary folder ({@link WorkFolders}) and, given a kubeconfig, namespaces labelled {@value RunName#RUN_LABEL} and
 * {@value RunName#CREATED_LABEL}. A cluster name that
 * {@link RunName#parse} does not recognise, or a run label that {@link RunName#parseLabelled} does not (a namespace
 * may carry the checklist's {@code namespacePrefix}), is not Ascent's and is never deleted; neither is anything
 * younger than {@link GcOptions#olderThan()}.
 */
public final class GarbageCollector {

    static final String CLUSTER_ID = "gc.kind-cluster";
    static final String NAMESPACE_ID = "gc.namespace";

    /** What {@code ascent gc} reports, in its own words, for {@code ascent checks}. */
    public static List<CheckDescription> descriptions() {
        List<String> control = List.of("reported by 'ascent gc' only; --dry-run lists (SKIP) instead of deleting, "
                + "--older-than spares recent runs");
        return List.of(
                new CheckDescription(CLUSTER_ID, "gc", "Ascent's kind clusters", Severity.ERROR,
                        new CheckDescription.Explanation(
                                "kind clusters named by an Ascent run, older than --older-than: one item per deletion",
                                "a cluster left by an aborted run holds memory and disk on the agent",
                                "when a deletion fails, run the 'kind delete cluster' the item names"), control),
                new CheckDescription(WorkFolders.ID, "gc", "Ascent's work folders", Severity.ERROR,
                        new CheckDescription.Explanation(
                                "work folders of Ascent runs in the temporary folder (TMP/ascent-work.RUN-NNN, "
                                        + "and the kind logs TMP/ascent-work.RUN-NNN-kind-logs a failed run "
                                        + "exported), owned by you, older than --older-than: one item per removal",
                                "a killed run leaves its folder, with the kubeconfig of its cluster, in the "
                                        + "temporary folder",
                                "when a removal fails, remove the folder the item names by hand"), control),
                new CheckDescription(NAMESPACE_ID, "gc", "Ascent's namespaces", Severity.ERROR,
                        new CheckDescription.Explanation(
                                "namespaces labelled by an Ascent run in the kubeconfig's cluster, older than "
                                        + "--older-than: one item per deletion",
                                "a namespace left by an aborted run keeps its workloads running on a shared cluster",
                                "check that the cluster answers and that you may list and delete namespaces"),
                        control));
    }
    private static final String KUBECONFIG_FIX = "check --kubeconfig and --context (`kubectl config get-contexts`)";
    private static final Duration KIND_TIMEOUT = Duration.ofMinutes(2);

    private final Clock clock;
    private final CommandRunner commands;
    private final String kind;
    private final WorkFolders workFolders;
    private final java.util.Map<String, String> environment;

    /**
     * A collector in this process's environment: for a caller outside an engine run (tests); {@code ascent gc}
     * gives its run's.
     */
    public GarbageCollector(Clock clock, CommandRunner commands, String kind, java.nio.file.Path temporary) {
        this(clock, commands, kind, temporary, System.getenv());
    }

    /**
     * @param clock       decides ages
     * @param commands    runs {@code kind}
     * @param kind        the {@code kind} executable
     * @param temporary   the folder runs make their work folders in: the JVM's {@code java.io.tmpdir}
     * @param environment the run's: where the kubeconfig is ({@code KUBECONFIG}) and the proxy to reach it
     */
    public GarbageCollector(Clock clock, CommandRunner commands, String kind, java.nio.file.Path temporary,
            java.util.Map<String, String> environment) {
        this(clock, commands, kind, new WorkFolders(temporary), environment);
    }

    GarbageCollector(Clock clock, CommandRunner commands, String kind, WorkFolders workFolders,
            java.util.Map<String, String> environment) {
        this.clock = clock;
        this.commands = commands;
        this.kind = kind;
        this.workFolders = workFolders;
        this.environment = java.util.Map.copyOf(environment);
    }

    /**
     * Collects. Every cluster and namespace deleted (or, with {@code dryRun}, that would be) is an item; one that
     * could not be deleted is a FAIL with how to delete it by hand; a cluster that cannot be reached is an ERROR of
     * kind ENVIRONMENT (exit 3). A cancelled run returns the partial report marked interrupted.
     */
    public Report run(GcOptions options, ProgressListener progress) {
        RunRecorder report = new RunRecorder("leftovers of Ascent runs", progress, clock);
        Instant cutoff = clock.instant().minus(options.olderThan()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        report.info("collecting what Ascent created before " + cutoff + " (older than " + options.olderThan()
                .toString().substring(2).toLowerCase(java.util.Locale.ROOT) + ")" + (options.dryRun()
                ? "; dry run: nothing is deleted" : ""));
        try (Phase phase = report.phase("gc")) {
            Set<String> clustersLeft = kindClusters(options, cutoff, report);
            workFolders.collect(cutoff, options.dryRun(), clustersLeft, this::age, report);
            if (options.kubeconfig().isPresent() || options.context().isPresent()) {
                namespaces(options, cutoff, report);
            }
        } catch (InterruptedException e) {
            report.interrupted();
            report.warn("interrupted: the run was cancelled; this report is partial");
            Thread.currentThread().interrupt();
        }
        return report.report();
    }

    /** Collects kind clusters; returns the names of those that could not be deleted. */
    private Set<String> kindClusters(GcOptions options, Instant cutoff, RunRecorder report)
            throws InterruptedException {
        CommandResult listed = commands.run(List.of(kind, "get", "clusters"), KIND_TIMEOUT);
        if (listed.notFound()) {
            // Not "nothing to collect": clusters a kind since removed made would still run. Say what was not done.
            report.item(Item.builder(CLUSTER_ID, "Ascent's kind clusters").status(Status.SKIP)
                    .message((listed.refusal().isEmpty() ? "'" + kind + "' is not installed"
                            : listed.refusal()) + ": kind clusters were not looked for")
                    .remediation("install kind (or name it in ASCENT_KIND) to collect Ascent's kind clusters; "
                            + "`docker ps --filter label=io.x-k8s.kind.cluster` lists any that still run")
                    .build());
            return Set.of();
        }
        if (!listed.succeeded()) {
            report.item(Item.builder(CLUSTER_ID, "Ascent's kind clusters").status(Status.FAIL)
                    .message("cannot list kind clusters: " + new CommandFailedException(listed).getMessage())
                    .remediation("check that the container engine answers (`ascent doctor`)").build());
            return Set.of();
        }
        Set<String> left = new java.util.HashSet<>();
        int kept = 0;
        for (String name : listed.stdout().lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            Optional<RunName> run = RunName.parse(name);
            if (run.isEmpty() || !run.get().createdAt().isBefore(cutoff)) {
                kept += run.isPresent() ? 1 : 0;
                continue;
            }
            String age = age(run.get().createdAt());
            if (options.dryRun()) {
                report.item(Item.builder(CLUSTER_ID, "Ascent's kind clusters").status(Status.INFO).key(name)
                        .message("would delete kind cluster " + name + " (created " + age + " ago)").build());
                continue;
            }
            report.info("gc: deleting kind cluster " + name);
            CommandResult deleted = commands.run(List.of(kind, "delete", "cluster", "--name", name), KIND_TIMEOUT);
            if (!deleted.succeeded()) {
                left.add(name);
            }
            report.item(deleted.succeeded()
                    ? Item.builder(CLUSTER_ID, "Ascent's kind clusters").status(Status.PASS).key(name)
                            .message("deleted kind cluster " + name + " (created " + age + " ago)").build()
                    : Item.builder(CLUSTER_ID, "Ascent's kind clusters").status(Status.FAIL).key(name)
                            .message("could not delete kind cluster " + name + ": "
                                    + new CommandFailedException(deleted).getMessage())
                            .remediation("`kind delete cluster --name " + name + "`; if that fails too, remove its "
                                    + "containers: `docker rm -f $(docker ps -aq --filter label=io.x-k8s.kind.cluster="
                                    + name + ")`").build());
        }
        if (kept > 0) {
            report.info("kept " + kept + " Ascent kind cluster(s) younger than asked");
        }
        return left;
    }

    private void namespaces(GcOptions options, Instant cutoff, RunRecorder report) throws InterruptedException {
        KubeConnection connection;
        try {
            // the connection a provision makes: kubectl's merge and context choice, exec plugins checked and run as
            // kubectl runs them (their tokens and certificates renewed), the run's proxy, retries and time bounds
            connection = ClusterConnector.fromKubeconfigs(KubeconfigFiles.locate(options.kubeconfig(), environment),
                    options.context(), environment);
        } catch (ProvisionException | RuntimeException e) {
            // a parser's message may quote the file, and the file holds credentials: only our own messages pass
            String why = e instanceof ProvisionException ? e.getMessage() : "not a kubeconfig Ascent can use ("
                    + e.getClass().getSimpleName() + ")";
            report.item(Item.builder(NAMESPACE_ID, "Ascent's namespaces")
                    .error(ErrorKind.ENVIRONMENT, "cannot use " + options.kubeconfig().map(Object::toString)
                            .orElse("the kubeconfig") + options.context().map(c -> " (context " + c + ")").orElse("")
                            + ": " + why)
                    .remediation(e instanceof ProvisionException p ? p.remediation().orElse(KUBECONFIG_FIX)
                            : KUBECONFIG_FIX).build());
            return;
        }
        try {
            namespaces(connection, options, cutoff, report);
        } finally {
            connection.close(); // an open connection's reader thread would hold the JVM's exit up by 300 ms
        }
    }

    private void namespaces(KubeConnection connection, GcOptions options, Instant cutoff, RunRecorder report)
            throws InterruptedException {
        JSONArray labelled;
        try {
            labelled = connection.get("/api/v1/namespaces?labelSelector=" + RunName.RUN_LABEL).optJSONArray("items");
        } catch (KubeException e) {
            report.item(Item.builder(NAMESPACE_ID, "Ascent's namespaces")
                    .error(ErrorKind.ENVIRONMENT, "cannot list namespaces at " + connection.route() + ": "
                            + (e.code() == 0 ? describe(e) : "HTTP " + e.code()))
                    .remediation("check that the cluster answers and that you may list and delete namespaces")
                    .build());
            return;
        }
        if (labelled == null || labelled.isEmpty()) {
            report.info("no namespace of an Ascent run on this cluster");
            return;
        }
        int kept = 0;
        for (int i = 0; i < labelled.length(); i++) {
            JSONObject namespace = labelled.optJSONObject(i);
            JSONObject metadata = namespace == null ? null : namespace.optJSONObject("metadata");
            JSONObject labels = metadata == null ? null : metadata.optJSONObject("labels");
            if (labels == null) {
                continue;
            }
            String name = metadata.optString("name");
            String run = labels.optString(RunName.RUN_LABEL);
            Instant created = creation(metadata);
            JSONObject status = namespace.optJSONObject("status");
            boolean terminating = status != null && "Terminating".equals(status.optString("phase"));
            // Labelled by Ascent: the run label may carry the checklist's namespacePrefix instead of "ascent-".
            boolean ours = RunName.parseLabelled(run).isPresent() && labels.has(RunName.CREATED_LABEL);
            if (!ours || created == null || !created.isBefore(cutoff) || terminating) {
                kept += ours && !terminating ? 1 : 0;
                continue;
            }
            String what = "namespace " + name + " (run " + run + ", created " + age(created) + " ago)";
            if (options.dryRun()) {
                report.item(Item.builder(NAMESPACE_ID, "Ascent's namespaces").status(Status.INFO).key(name)
                        .message("would delete " + what).build());
                continue;
            }
            report.info("gc: deleting namespace " + name);
            try {
                connection.delete("/api/v1/namespaces/" + name, new JSONObject());
                report.item(Item.builder(NAMESPACE_ID, "Ascent's namespaces").status(Status.PASS).key(name)
                        .message("deleted " + what).build());
            } catch (KubeException e) {
                if (e.code() == 404) {
                    continue; // deleted meanwhile by its own run's teardown
                }
                report.item(Item.builder(NAMESPACE_ID, "Ascent's namespaces").status(Status.FAIL).key(name)
                        .message("could not delete " + what + ": "
                                + (e.code() == 0 ? describe(e) : "HTTP " + e.code()))
                        .remediation("`kubectl delete namespace " + name + "` with an account that may").build());
            }
        }
        if (kept > 0) {
            report.info("kept " + kept + " Ascent namespace(s) younger than asked");
        }
    }

    /** The namespace's creationTimestamp, or null when it has none Ascent can read (then it is never deleted). */
    private static Instant creation(JSONObject metadata) {
        try {
            return Instant.parse(metadata.optString("creationTimestamp"));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private String age(Instant created) {
        Duration age = Duration.between(created, clock.instant());
        return age.toHours() > 0 ? age.toHours() + "h" + age.toMinutesPart() + "m" : age.toMinutes() + "m";
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
    }
}

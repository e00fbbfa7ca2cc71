package io.ascent.core.provision.preflight;

import io.ascent.core.DoctorOptions;
import io.ascent.core.checklist.Checklist;
import io.ascent.core.checklist.ChecklistLoader;
import io.ascent.core.checklist.ChecklistRule;
import io.ascent.core.checklist.LoadedChecklist;
import io.ascent.core.checklist.ProvisionSettings;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.provision.ClusterRequest;
import io.ascent.core.provision.ChecklistDocument;
import io.ascent.core.provision.kind.NodeImagePolicy;
import io.ascent.core.yaml.YamlDocument;
import io.ascent.core.yaml.YamlInputException;
import io.ascent.core.provision.ProvisionRule;
import io.ascent.core.provision.RunName;
import io.ascent.core.provision.existing.ExistingClusterDriver;
import io.ascent.core.provision.existing.ExistingClusterPreflight;
import io.ascent.core.provision.kind.KindConfigStep;
import io.ascent.core.provision.kube.KubeConnections;
import io.ascent.core.report.ErrorKind;
import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import io.ascent.core.report.Report;
import io.ascent.core.run.Phase;
import io.ascent.core.run.RunRecorder;
import io.ascent.core.report.Status;
import io.ascent.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code ascent doctor}: preflight alone. Reads the checklist (when the directory has one) for the cluster it asks
 * for, runs the driver's preflight checks, and changes nothing: no cluster, no file, no pulled image.
 */
public final class Doctor {

    private final Clock clock;
    private final Probes probes;

    public Doctor(Clock clock, Probes probes) {
        this.clock = clock;
        this.probes = probes;
    }

    /**
     * Checks the agent for the cluster the options describe. A cancelled run returns the partial report marked
     * interrupted, with the thread's interrupt flag set again.
     */
    public Report run(DoctorOptions options, ProgressListener progress) {
        RunRecorder run = new RunRecorder(options.directory().toString(), progress, clock);
        try {
            check(options, run);
        } catch (InterruptedException e) {
            run.interrupted();
            run.warn("interrupted: the run was cancelled; this report is partial");
            Thread.currentThread().interrupt();
        }
        return run.report();
    }

    /**
     * Judges the checklist's kind configuration as {@code ascent provision} does before preflight (the host policy:
     * host paths, addresses, ports), its items at the configuration's lines; false when it is refused.
     */
    private static boolean kindConfigAccepted(Workspace workspace, Checklist checklist, DoctorOptions options,
            RunRecorder run) {
        try (Phase phase = run.phase(KindConfigStep.NAME)) {
            // validate's judgement, items and all; doctor reads no manifests, so it reports a file that is not YAML
            List<Item> items = KindConfigStep.judge(workspace, checklist, options.kindMounts(), () -> false);
            run.items(items);
            boolean accepted = items.stream().noneMatch(item -> item.status() == Status.ERROR);
            if (!accepted) {
                phase.failed();
            }
            return accepted;
        }
    }

    /**
     * Judges the checklist's {@code nodeImage} as {@code ascent provision} does ({@link NodeImagePolicy}: kind's
     * images, or the operator's); false, with an item at its line, when it is refused.
     */
    private boolean nodeImageAccepted(Workspace workspace, Checklist checklist, Optional<String> nodeImage,
            DoctorOptions options, RunRecorder run) {
        Optional<String> refused = nodeImage.flatMap(image -> NodeImagePolicy.refusal(image,
                NodeImagePolicy.allowed(probes.env(NodeImagePolicy.ENVIRONMENT))));
        if (refused.isEmpty()) {
            return true;
        }
        Location at;
        try {
            YamlDocument document = ChecklistDocument.read(workspace, options.checklist(), options.directory(),
                    checklist.path());
            at = document.locationOf(document.nodeAt(List.of("provision", "cluster", "nodeImage")));
        } catch (YamlInputException e) {
            at = Location.of(checklist.path()); // it loaded a moment ago; the field's name is in the message
        }
        run.item(ProvisionRule.KIND_HOST.item().error(ErrorKind.INPUT, refused.get()).location(at)
                .remediation(NodeImagePolicy.REMEDIATION).build());
        return false;
    }

    private void check(DoctorOptions options, RunRecorder run) throws InterruptedException {
        if (!Files.isDirectory(options.directory())) {
            run.item(ChecklistRule.OPTIONS.item().status(Status.ERROR)
                    .message("'" + options.directory() + "' is not a directory")
                    .location(Location.of(options.directory().toString())).build());
            return;
        }
        Optional<String> driver = options.driver().map(d -> d.toLowerCase(Locale.ROOT));
        if (driver.isPresent() && !driver.get().equals("kind") && !driver.get().equals("existing")) {
            run.item(ChecklistRule.OPTIONS.item().status(Status.ERROR)
                    .message("--driver " + options.driver().get() + ": expected kind or existing")
                    .location(Location.of(options.directory().toString())).build());
            return;
        }
        Optional<String> version = options.kubernetesVersion();
        Optional<String> nodeImage = Optional.empty();
        Optional<String> context = options.context();
        Workspace workspace = Workspace.of(options.directory());
        Optional<Checklist> read = Optional.empty();
        if (ChecklistLoader.locate(workspace, options.checklist()).isPresent()) {
            LoadedChecklist loaded;
            try (Phase phase = run.phase("checklist")) {
                loaded = new ChecklistLoader(clock).load(workspace, options.checklist());
            }
            if (!loaded.usable()) {
                run.items(loaded.items());
                return;
            }
            Checklist checklist = loaded.checklist().orElseThrow();
            read = Optional.of(checklist);
            run.checklist(checklist.path());
            ProvisionSettings.Cluster cluster = checklist.provision().cluster();
            driver = driver.or(() -> Optional.of(cluster.driver().name().toLowerCase(Locale.ROOT)));
            version = version.or(cluster::kubernetesVersion).or(() -> checklist.kubernetes().clusterVersion());
            nodeImage = cluster.nodeImage().filter(image -> options.kubernetesVersion().isEmpty());
            context = context.or(cluster::context);
        } else {
            run.info("no checklist in " + options.directory() + ": checking " + driver.map(d -> "the " + d
                    + " driver's prerequisites").orElse("for kind's default cluster"));
        }
        String chosen = driver.orElse("kind");
        String asked = version.map(v -> ", Kubernetes " + v).orElse("");
        run.info("cluster: " + chosen + asked);
        if (chosen.equals("kind") && read.isPresent() && !kindConfigAccepted(workspace, read.get(), options, run)) {
            run.info("preflight not run: the kind configuration would be refused before any cluster exists");
            return;
        }
        if (chosen.equals("kind") && read.isPresent() && !nodeImageAccepted(workspace, read.get(), nodeImage, options,
                run)) {
            run.info("preflight not run: the node image would be refused before any cluster exists");
            return;
        }
        RunName name = RunName.next(clock);
        ClusterRequest request = new ClusterRequest(name.value(), version, nodeImage, Optional.empty(),
                options.kubeconfig(), context, Path.of(System.getProperty("java.io.tmpdir"), name.value()),
                Duration.ZERO, name.labels());
        if (chosen.equals(ExistingClusterDriver.NAME)) {
            // The existing driver's own checks, as `ascent provision` runs them: kubeconfig, /version, version
            // against the target, SelfSubjectAccessReview. Read-only: the review creates nothing.
            try (Phase phase = run.phase("preflight");
                    KubeConnections connections = new KubeConnections(probes.environment())) {
                run.items(new ExistingClusterPreflight(connections).check(request, ProgressListener.SILENT));
            }
        } else {
            PreflightChecks.forDriver(chosen).run(request, probes, run);
        }
        if (options.kubeconfig().isPresent()) {
            // A kubeconfig given to doctor may be a ClusterAPI management cluster: compare clusterctl with its
            // providers (SKIP when clusterctl or the provider inventory is absent, so a plain cluster is fine).
            try (Phase phase = run.phase("clusterctl")) {
                run.items(new ClusterctlProviderSkew(probes.commands(), "kubectl", Duration.ofSeconds(30))
                        .check(options.kubeconfig().get(), context.orElse(null),
                        "clusterctl"));
            }
        }
    }
}

package io.ascent.jenkins.agent;

import io.ascent.core.checklist.Checklist;
import io.ascent.core.checklist.ChecklistLoader;
import io.ascent.core.checklist.LoadedChecklist;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.provision.ClusterRequest;
import io.ascent.core.provision.ClusterRequests;
import io.ascent.core.provision.KindConfigFile;
import io.ascent.core.provision.ProvisionException;
import io.ascent.core.provision.ProvisionOptions;
import io.ascent.core.provision.RunName;
import io.ascent.core.provision.kind.KindConfig;
import io.ascent.core.provision.kind.NodeImagePolicy;
import io.ascent.core.report.Item;
import io.ascent.core.report.Status;
import io.ascent.core.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@link ClusterRequest} of {@code ascentProvision}'s block form, built on the agent as {@code ascent provision}
 * builds its own ({@link ClusterRequests}): the checklist's {@code provision.cluster} (kind configuration, version,
 * node image, context, PodSecurity level) under the same host policy, with the operator's mount folders and node
 * image repositories. The step's {@code kubernetesVersion} and {@code nodeImage} come first, as the command line's
 * do. Without a checklist in the application directory (and none named) the cluster is kind's default one.
 */
final class BlockClusterRequest {

    private BlockClusterRequest() {
    }

    /**
     * @param workspace   the workspace on the agent
     * @param kubeconfig  an existing cluster's kubeconfig (from a credential): the {@code existing} driver, for
     *                    which neither the kind configuration nor the node image applies
     * @param work        the run's private folder
     * @param environment the run's on the agent ({@link BuildEnvironment#onAgent}), whose operator variables are
     *                    the agent process's: where the operator of the agent may allow more
     * @param progress    where the host policy's warnings go
     * @throws ProvisionException (input) when a path leaves the workspace, the checklist is not usable, its kind
     *                            configuration cannot be read or the host policy refuses it, or the node image is
     *                            not one the operators allow
     */
    static ClusterRequest of(Path workspace, ProvisionRequest request, Optional<Path> kubeconfig, Path work,
            Map<String, String> environment, ProgressListener progress) throws ProvisionException, IOException {
        Path root = workspace.toAbsolutePath().normalize();
        Path directory = WorkspaceReports.inside(root, request.directory()).orElseThrow(() ->
                refused("dir '" + request.directory() + "' leaves the workspace"));
        Optional<Path> named = Optional.empty();
        if (!request.checklist().isEmpty()) {
            named = Optional.of(WorkspaceReports.inside(root, directory.resolve(request.checklist()).toString())
                    .orElseThrow(() -> refused("checklist '" + request.checklist() + "' leaves the workspace")));
        }
        Workspace checkout = Workspace.of(directory);
        boolean kind = kubeconfig.isEmpty();
        Optional<String> stepImage = optional(request.nodeImage());
        ClusterRequest cluster;
        if (named.isEmpty() && ChecklistLoader.locate(checkout, Optional.empty()).isEmpty()) {
            cluster = new ClusterRequest(request.runName(), optional(request.kubernetesVersion()), stepImage,
                    Optional.empty(), kubeconfig, Optional.empty(), work, request.timeout(),
                    CreateClusterCallable.labels(request.runName()));
        } else {
            Checklist checklist = usable(new ChecklistLoader(Clock.systemUTC()).load(checkout, named));
            Optional<KindConfigFile> config = kind ? ClusterRequests.kindConfig(checkout, checklist.provision(),
                    request.kind().mountFolders(environment)) : Optional.empty();
            ProvisionOptions options = ProvisionOptions.builder(directory).kubeconfig(kubeconfig.orElse(null))
                    .kubernetesVersion(optional(request.kubernetesVersion()).orElse(null)).build();
            RunName name = RunName.parse(request.runName()).orElseThrow(() -> new IllegalArgumentException(
                    "'" + request.runName() + "' is not a run name"));
            cluster = ClusterRequests.of(name, options, checklist.provision(), checklist, config, work,
                    request.timeout());
            if (stepImage.isPresent()) {
                cluster = new ClusterRequest(cluster.runName(), cluster.kubernetesVersion(), stepImage,
                        cluster.kindConfig(), cluster.kubeconfig(), cluster.context(), work, cluster.timeout(),
                        cluster.labels());
            }
        }
        if (kind) {
            checkNodeImage(cluster, stepImage.isPresent(), request.kind(), environment);
            judgeKindConfig(cluster, progress);
        }
        return cluster;
    }

    /**
     * The host policy on the kind configuration, as {@code ascent provision} applies it before preflight (the kind
     * driver's {@code checkRequest}): a refusal stops the block with the item at its file:line:col; a warning goes
     * to the log.
     */
    private static void judgeKindConfig(ClusterRequest cluster, ProgressListener progress)
            throws ProvisionException {
        List<Item> judged = KindConfig.check(cluster.kindConfig());
        judged.stream().filter(item -> item.status() == Status.WARN)
                .forEach(item -> progress.info("warning: " + located(item)));
        List<Item> refused = judged.stream().filter(item -> item.status() == Status.ERROR).toList();
        if (!refused.isEmpty()) {
            throw new ProvisionException(ProvisionException.Kind.INPUT, refused.stream()
                    .map(BlockClusterRequest::located).collect(Collectors.joining("; ")),
                    refused.stream().map(Item::remediation).filter(Objects::nonNull).distinct()
                            .collect(Collectors.joining("; ")));
        }
    }

    /** {@code file:line:col: message}, as the command line prints an item. */
    private static String located(Item item) {
        return item.optionalLocation().map(at -> at + ": ").orElse("") + item.message();
    }

    /** The node image runs as a privileged container on the agent: kind's own, or a repository an operator allows. */
    private static void checkNodeImage(ClusterRequest cluster, boolean fromStep, KindOperatorSettings settings,
            Map<String, String> environment) throws ProvisionException {
        // The Jenkinsfile's argument is as much the repository's as the checklist's field.
        String field = fromStep ? "ascentProvision's nodeImage" : "provision.cluster.nodeImage";
        Optional<String> refusal = cluster.nodeImage().flatMap(image -> NodeImagePolicy.refusal(field, image,
                settings.allowedNodeImages(environment)));
        if (refusal.isPresent()) {
            throw new ProvisionException(ProvisionException.Kind.INPUT, refusal.get(), NodeImagePolicy.REMEDIATION);
        }
    }

    /** The checklist, or its first error at file:line:col. */
    private static Checklist usable(LoadedChecklist loaded) throws ProvisionException {
        if (loaded.usable()) {
            return loaded.checklist().orElseThrow();
        }
        Item error = loaded.items().stream().filter(item -> item.status() == Status.ERROR).findFirst()
                .orElseThrow();
        throw new ProvisionException(ProvisionException.Kind.INPUT, error.optionalLocation().map(at -> at + ": ")
                .orElse("") + error.message(), error.optionalRemediation().orElse(null));
    }

    private static ProvisionException refused(String message) {
        return new ProvisionException(ProvisionException.Kind.INPUT, message, "use a path inside the workspace");
    }

    private static Optional<String> optional(String value) {
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}

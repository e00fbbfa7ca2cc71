package io.ascent.core.provision;

import io.ascent.core.checklist.Checklist;
import io.ascent.core.checklist.ProvisionSettings;
import io.ascent.core.workspace.ConfinedFiles;
import io.ascent.core.workspace.Workspace;
import io.ascent.core.yaml.YamlLimits;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Builds the {@link ClusterRequest} of a run from the command line and the checklist's {@code provision.cluster}. */
public final class ClusterRequests {

    private ClusterRequests() {
    }

    /**
     * The request: the command line wins over the checklist ({@code --kubernetes-version} over
     * {@code provision.cluster.kubernetesVersion} over {@code kubernetes.version}; {@code --context} over
     * {@code provision.cluster.context}), a {@code nodeImage} pin is dropped when {@code --kubernetes-version} asks
     * for another version, and the labels are the run name's, with the PodSecurity level the checklist asks for
     * ({@link PodSecurityLabels}, at the checklist's target version). Public for the Jenkins plugin's block form,
     * which builds the request on the agent as {@code ascent provision} does.
     */
    public static ClusterRequest of(RunName name, ProvisionOptions options, ProvisionSettings settings,
            Checklist checklist, Optional<KindConfigFile> kindConfig, Path work, Duration timeout) {
        ProvisionSettings.Cluster cluster = settings.cluster();
        Optional<String> version = options.kubernetesVersion().or(cluster::kubernetesVersion)
                .or(() -> checklist.kubernetes().clusterVersion());
        // A pinned image is for the checklist's version; --kubernetes-version asks for another cluster (as doctor).
        Optional<String> nodeImage = cluster.nodeImage().filter(image -> options.kubernetesVersion().isEmpty());
        Map<String, String> labels = new TreeMap<>(name.labels());
        cluster.podSecurity().ifPresent(level -> labels.putAll(PodSecurityLabels.of(level,
                checklist.kubernetes().clusterVersion())));
        return new ClusterRequest(name.value(), version, nodeImage, kindConfig, options.kubeconfig(),
                options.context().or(cluster::context), work, timeout, labels);
    }

    /**
     * {@code provision.cluster.config} resolved inside the repository and checked readable through
     * {@link ConfinedFiles} (no link out, a regular file, within the checklist's size limit), with the repository and
     * the folders outside it the operator allows host paths under ({@code operatorMounts}).
     *
     * @throws ProvisionException of kind INPUT when it leaves the repository, is missing or cannot be read
     */
    public static Optional<KindConfigFile> kindConfig(Workspace workspace, ProvisionSettings settings,
            List<Path> operatorMounts) throws ProvisionException {
        Optional<String> written = settings.cluster().config();
        if (written.isEmpty()) {
            return Optional.empty();
        }
        String field = "provision.cluster.config '" + written.get() + "'";
        Path path = workspace.resolveInside(written.get()).orElseThrow(() -> new ProvisionException(
                ProvisionException.Kind.INPUT, field + " leaves the repository; Ascent reads only files inside it",
                "write a path relative to the application directory, inside the repository"));
        ConfinedFiles files = workspace.files(YamlLimits.CHECKLIST.maxBytes());
        try {
            return Optional.of(new KindConfigFile(files.check(path), workspace.displayPath(path),
                    workspace.repositoryRoot(), workspace.applicationDir(), operatorMounts));
        } catch (NoSuchFileException e) {
            throw new ProvisionException(ProvisionException.Kind.INPUT, field + " does not exist",
                    "commit the kind configuration file or remove provision.cluster.config");
        } catch (IOException e) {
            throw new ProvisionException(ProvisionException.Kind.INPUT, field + " " + e.getMessage(),
                    "point provision.cluster.config at a kind configuration file inside the repository");
        }
    }
}

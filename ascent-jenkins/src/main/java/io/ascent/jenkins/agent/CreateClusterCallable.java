package io.ascent.jenkins.agent;

import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.ascent.core.provision.ClusterRequest;
import io.ascent.core.provision.ProvisionException;
import io.ascent.core.provision.ProvisionedCluster;
import io.ascent.core.provision.RunName;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import jenkins.MasterToSlaveFileCallable;

/**
 * Creates the run's cluster on the agent (a kind API server listens on the agent's loopback), given the workspace.
 * The cluster is the one the checklist of the application directory asks for ({@link BlockClusterRequest}: its kind
 * configuration under the host policy, as {@code ascent provision} makes it). The run's files (its kubeconfig, an
 * existing cluster's kubeconfig from a credential, made here for a token) go into a private folder under the workspace's temporary folder
 * {@code <workspace>@tmp}, readable by the agent's user only.
 */
public final class CreateClusterCallable extends MasterToSlaveFileCallable<ClusterHandle> {

    private static final long serialVersionUID = 1L;

    private final ProvisionRequest request;
    private final ProvisionCall call;
    private final TaskListener listener;
    /** An existing cluster's credential, or null; only its id is ever shown. */
    private final ClusterCredential credential;
    private final BuildEnvironment environment;

    /** @param environment the build's; its operator variables (mount folders, node images) are the agent's */
    public CreateClusterCallable(ProvisionRequest request, ProvisionCall call, TaskListener listener,
            ClusterCredential credential, BuildEnvironment environment) {
        this.environment = java.util.Objects.requireNonNull(environment, "environment");
        this.request = request;
        this.call = call;
        this.listener = listener;
        this.credential = credential;
    }

    /**
     * @throws AbortException       when the provisioner refuses (its message and remediation, never a secret)
     * @throws InterruptedException when the build is aborted while the cluster is being created
     */
    @Override
    public ClusterHandle invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        Path root = workspace.toPath().toAbsolutePath().normalize();
        // <workspace>@tmp, as WorkspaceList.tempDir names it; the run's kubeconfigs live there, never in the workspace.
        Path work = PrivateFiles.directory(root.resolveSibling(root.getFileName() + "@tmp")
                .resolve(request.runName()));
        try {
            Optional<Path> kubeconfig = Optional.empty();
            if (credential != null) {
                kubeconfig = Optional.of(credential.writeTo(work.resolve("credential-kubeconfig")));
            }
            LogProgress progress = new LogProgress(listener.getLogger());
            Map<String, String> build = environment.onThisAgent();
            ClusterRequest cluster = BlockClusterRequest.of(root, request, kubeconfig, work, build, progress);
            ProvisionedCluster created = call.create(cluster, build, progress);
            PrivateFiles.restrict(created.kubeconfig());
            return new ClusterHandle(created, work);
        } catch (ProvisionException e) {
            PrivateFiles.deleteTree(work);
            throw new AbortException("[ascent] " + e.getMessage()
                    + e.remediation().map(r -> " (" + r + ")").orElse(""));
        } catch (IOException | InterruptedException | RuntimeException e) {
            PrivateFiles.deleteTree(work);
            throw e;
        }
    }

    /**
     * The run's {@link RunName#labels()} ({@code ascent gc} ages a namespace by them); a name of another shape gets
     * the run label alone.
     */
    static Map<String, String> labels(String runName) {
        return RunName.parse(runName).map(RunName::labels).orElse(Map.of(RunName.RUN_LABEL, runName));
    }

    /** Files only the agent's user may read; the kubeconfig of a cluster is a credential. */
    static final class PrivateFiles {
        private PrivateFiles() {
        }

        static Path directory(Path path) throws IOException {
            Files.createDirectories(path);
            posix(path, "rwx------");
            return path;
        }

        static Path write(Path path, byte[] content) throws IOException {
            Files.deleteIfExists(path);
            Files.createFile(path);
            posix(path, "rw-------");
            Files.write(path, content);
            return path;
        }

        static void restrict(Path path) throws IOException {
            if (Files.exists(path)) {
                posix(path, "rw-------");
            }
        }

        private static void posix(Path path, String permissions) throws IOException {
            try {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
            } catch (UnsupportedOperationException e) {
                // Windows agents: the folder under <workspace>@tmp inherits the workspace's ACL.
            }
        }

        static void deleteTree(Path root) throws IOException {
            if (!Files.exists(root)) {
                return;
            }
            try (var paths = Files.walk(root)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}

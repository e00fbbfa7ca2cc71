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
 * Creates the run's cluster on the agent (a kind API server listens on the agent's loopback), given the workspace's
 * temporary folder {@code <workspace>@tmp}. The run's files (its kubeconfig, an existing cluster's kubeconfig from a
 * credential) go into a private folder there, readable by the agent's user only.
 */
public final class CreateClusterCallable extends MasterToSlaveFileCallable<ClusterHandle> {

    private static final long serialVersionUID = 1L;

    private final ProvisionRequest request;
    private final ProvisionCall call;
    private final TaskListener listener;
    /** An existing cluster's kubeconfig from a file credential, or null; never logged, never in toString. */
    private final byte[] credentialKubeconfig;

    public CreateClusterCallable(ProvisionRequest request, ProvisionCall call, TaskListener listener,
            byte[] credentialKubeconfig) {
        this.request = request;
        this.call = call;
        this.listener = listener;
        this.credentialKubeconfig = credentialKubeconfig == null ? null : credentialKubeconfig.clone();
    }

    /**
     * @throws AbortException       when the provisioner refuses (its message and remediation, never a secret)
     * @throws InterruptedException when the build is aborted while the cluster is being created
     */
    @Override
    public ClusterHandle invoke(File temporary, VirtualChannel channel) throws IOException, InterruptedException {
        Path work = PrivateFiles.directory(temporary.toPath().resolve(request.runName()));
        Optional<Path> kubeconfig = Optional.empty();
        if (credentialKubeconfig != null) {
            kubeconfig = Optional.of(PrivateFiles.write(work.resolve("credential-kubeconfig"), credentialKubeconfig));
        }
        ClusterRequest cluster = new ClusterRequest(request.runName(),
                optional(request.kubernetesVersion()), optional(request.nodeImage()), Optional.empty(), kubeconfig,
                Optional.empty(), work, request.timeout(), labels(request.runName()));
        try {
            ProvisionedCluster created = call.create(cluster, new LogProgress(listener.getLogger()));
            PrivateFiles.restrict(created.kubeconfig());
            return new ClusterHandle(created, work);
        } catch (ProvisionException e) {
            PrivateFiles.deleteTree(work);
            throw new AbortException("[ascent] " + e.getMessage()
                    + e.remediation().map(r -> " (" + r + ")").orElse(""));
        } catch (InterruptedException | RuntimeException e) {
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

    private static Optional<String> optional(String value) {
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
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

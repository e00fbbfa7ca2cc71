package io.ascent.core.provision.existing;

import io.ascent.core.provision.ClusterRequest;
import io.ascent.core.provision.ProvisionException;
import io.ascent.core.provision.ProvisionException.Kind;
import io.ascent.core.provision.kube.ClusterConnector;
import io.ascent.core.provision.kube.KubeConnection;
import io.ascent.core.provision.kube.KubeConnections;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which cluster the {@code existing} driver talks to, decided as kubectl decides it: {@code --kubeconfig}, else the
 * first file of {@code KUBECONFIG}, else {@code ~/.kube/config}; and only when none of them exists, the service
 * account of the pod Ascent runs in (a Jenkins agent on Kubernetes).
 *
 * @param kubeconfig the file, or empty for the pod's service account
 * @param context    the context asked for, or empty for the file's current one
 */
record KubeconfigChoice(Optional<Path> kubeconfig, Optional<String> context) {

    static KubeconfigChoice of(ClusterRequest request) throws ProvisionException {
        Optional<Path> file = file(request.kubeconfig());
        if (file.isPresent()) {
            return new KubeconfigChoice(file, request.context());
        }
        if (ClusterConnector.inClusterAvailable()) {
            if (request.context().isPresent()) {
                throw new ProvisionException(Kind.ENVIRONMENT, "--context " + request.context().get()
                        + " names a kubeconfig context, but there is no kubeconfig (only the pod's service account)",
                        "pass --kubeconfig PATH, or drop --context to use the service account");
            }
            return new KubeconfigChoice(Optional.empty(), Optional.empty());
        }
        throw new ProvisionException(Kind.ENVIRONMENT,
                "no kubeconfig: --kubeconfig is not given, KUBECONFIG names no file, ~/.kube/config does not exist "
                        + "and Ascent does not run in a pod",
                "pass --kubeconfig PATH (and --context NAME) for the cluster to deploy to");
    }

    /** {@code given}, else the first file of {@code KUBECONFIG}, else {@code ~/.kube/config}, if it exists. */
    static Optional<Path> file(Optional<Path> given) {
        if (given.isPresent()) {
            return given;
        }
        String fromEnvironment = System.getenv("KUBECONFIG");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            for (String entry : fromEnvironment.split(File.pathSeparator)) {
                if (!entry.isBlank() && Files.isRegularFile(Path.of(entry))) {
                    return Optional.of(Path.of(entry));
                }
            }
        }
        Path home = Path.of(System.getProperty("user.home"), ".kube", "config");
        return Files.isRegularFile(home) ? Optional.of(home) : Optional.empty();
    }

    KubeConnection connect(KubeConnections connections) throws ProvisionException {
        return connections.connect(kubeconfig, context);
    }

    /** How reports name the cluster: the context, or {@code in-cluster}. */
    String displayName() {
        return kubeconfig.map(k -> context.map(c -> "context " + c + " of " + k).orElse("current context of " + k))
                .orElse("the pod's service account");
    }

    /**
     * A kubeconfig file for the run: the user's own when there is one (never rewritten), else one written into
     * {@code workDirectory} that points at the service account's token and CA files (their paths, not their
     * contents).
     */
    Path kubeconfigFor(Path workDirectory) throws ProvisionException {
        if (kubeconfig.isPresent()) {
            return kubeconfig.get().toAbsolutePath();
        }
        Path dir = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");
        String server = "https://" + System.getenv("KUBERNETES_SERVICE_HOST") + ":"
                + Optional.ofNullable(System.getenv("KUBERNETES_SERVICE_PORT")).orElse("443");
        String text = "apiVersion: v1\nkind: Config\nclusters:\n- name: in-cluster\n  cluster:\n    server: " + server
                + "\n    certificate-authority: " + dir.resolve("ca.crt") + "\nusers:\n- name: service-account\n  user:\n"
                + "    tokenFile: " + dir.resolve("token") + "\ncontexts:\n- name: in-cluster\n  context:\n"
                + "    cluster: in-cluster\n    user: service-account\ncurrent-context: in-cluster\n";
        try {
            Files.createDirectories(workDirectory);
            Path file = workDirectory.resolve("kubeconfig");
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new ProvisionException(Kind.ENVIRONMENT, "cannot write " + workDirectory.resolve("kubeconfig")
                    + ": " + e.getMessage(), "make the work directory writable");
        }
    }
}

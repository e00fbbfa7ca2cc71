package io.ascent.core.provision.existing;

import io.ascent.core.provision.ClusterRequest;
import io.ascent.core.provision.ProvisionException;
import io.ascent.core.provision.ProvisionException.Kind;
import io.ascent.core.provision.kube.ClusterConnector;
import io.ascent.core.provision.kube.KubeConnection;
import io.ascent.core.provision.kube.KubeConnections;
import io.ascent.core.provision.kube.KubeconfigFiles;
import io.ascent.core.provision.kube.MergedKubeconfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Which cluster the {@code existing} driver talks to, decided as kubectl decides it: {@code --kubeconfig}, else the
 * files of {@code KUBECONFIG} merged, else {@code ~/.kube/config} ({@link KubeconfigFiles}); and only when none of
 * them exists, the service account of the pod Ascent runs in (a Jenkins agent on Kubernetes).
 *
 * @param kubeconfigs the files, or empty for the pod's service account
 * @param context     the context asked for, or empty for the current one
 */
record KubeconfigChoice(Optional<KubeconfigFiles> kubeconfigs, Optional<String> context) {

    /** The file a run writes when its context came from several files ({@link #kubeconfigFor}). */
    static final String SINGLE_FILE = "kubeconfig";

    static KubeconfigChoice of(ClusterRequest request, Map<String, String> environment) throws ProvisionException {
        KubeconfigFiles files = KubeconfigFiles.locate(request.kubeconfig(), environment);
        if (files.explicit() || !files.existing().isEmpty()) {
            return new KubeconfigChoice(Optional.of(files), request.context());
        }
        if (ClusterConnector.inClusterAvailable(environment)) {
            if (request.context().isPresent()) {
                throw new ProvisionException(Kind.ENVIRONMENT, "--context " + request.context().get()
                        + " names a kubeconfig context, but there is no kubeconfig (only the pod's service account)",
                        "pass --kubeconfig PATH, or drop --context to use the service account");
            }
            return new KubeconfigChoice(Optional.empty(), Optional.empty());
        }
        throw new ProvisionException(Kind.ENVIRONMENT,
                "no kubeconfig: --kubeconfig is not given, " + (environment.containsKey(KubeconfigFiles.VARIABLE)
                        ? files.describe() + " names no file that exists" : "KUBECONFIG is not set, "
                        + files.describe() + " does not exist") + " and Ascent does not run in a pod",
                "pass --kubeconfig PATH (and --context NAME) for the cluster to deploy to");
    }

    KubeConnection connect(KubeConnections connections) throws ProvisionException {
        return kubeconfigs.isPresent() ? connections.connect(kubeconfigs.get(), context)
                : connections.connect(Optional.empty(), Optional.empty());
    }

    /**
     * How reports name the cluster: the context (marked when it is the current one) and the files, or the pod's
     * service account. Reads the files (no network), to name the context a {@code KUBECONFIG} list makes current.
     */
    String displayName() {
        if (kubeconfigs.isEmpty()) {
            return "the pod's service account";
        }
        String files = kubeconfigs.get().describe();
        try {
            String chosen = kubeconfigs.get().load().chooseContext(context);
            return "context " + chosen + (context.isEmpty() ? " (current)" : "") + " of " + files;
        } catch (ProvisionException e) {
            return context.map(c -> "context " + c + " of " + files).orElse("current context of " + files);
        }
    }

    /**
     * The kubeconfig file and context that reach the run's cluster, for the run to name to its user and to connect
     * with again at teardown: the user's own file when the context comes from one file (never rewritten); when it
     * came from several ({@code KUBECONFIG=a:b}), a file of that context alone, written 0600 into the run's private
     * {@code workDirectory} (it may hold a token) and removed with it; for the pod's service account, a file in
     * {@code workDirectory} pointing at the token and CA files (their paths, not their contents), at the address the
     * run's {@code environment} names.
     */
    Single kubeconfigFor(Path workDirectory, Map<String, String> environment) throws ProvisionException {
        if (kubeconfigs.isPresent()) {
            KubeconfigFiles files = kubeconfigs.get();
            if (files.explicit()) {
                // named on purpose; connected already (its contents may have changed since: the run keeps that
                // connection, and the user's file is what they know the cluster by)
                return new Single(files.files().get(0).toAbsolutePath(), context);
            }
            if (files.existing().size() == 1) {
                return new Single(files.existing().get(0).toAbsolutePath(), context);
            }
            MergedKubeconfig merged = files.load();
            String chosen = merged.chooseContext(context);
            Path file = workDirectory.resolve(SINGLE_FILE);
            try {
                Files.createDirectories(workDirectory);
                merged.writeSingle(chosen, file);
            } catch (IOException e) {
                throw cannotWrite(file);
            }
            return new Single(file.toAbsolutePath(), Optional.of(chosen));
        }
        Path dir = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");
        String server = ClusterConnector.serviceAddress(environment);
        String text = "apiVersion: v1\nkind: Config\nclusters:\n- name: in-cluster\n  cluster:\n    server: " + server
                + "\n    certificate-authority: " + dir.resolve("ca.crt") + "\nusers:\n- name: service-account\n  user:\n"
                + "    tokenFile: " + dir.resolve("token") + "\ncontexts:\n- name: in-cluster\n  context:\n"
                + "    cluster: in-cluster\n    user: service-account\ncurrent-context: in-cluster\n";
        Path file = workDirectory.resolve(SINGLE_FILE);
        try {
            Files.createDirectories(workDirectory);
            Files.writeString(file, text);
            return new Single(file, Optional.empty());
        } catch (IOException e) {
            throw cannotWrite(file);
        }
    }

    private static ProvisionException cannotWrite(Path file) {
        return new ProvisionException(Kind.ENVIRONMENT, "cannot write " + file, "make the work directory writable");
    }

    /** One kubeconfig file and the context in it that reach the run's cluster. */
    record Single(Path kubeconfig, Optional<String> context) {
    }
}

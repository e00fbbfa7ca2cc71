package io.ascent.cli;

import io.ascent.core.provision.existing.ExistingClusterDriver;
import io.ascent.core.provision.kube.KubeConnections;
import io.ascent.core.provision.kube.KubeconfigFiles;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The connection warm-up of {@code ascent provision --driver existing}, started from the words of the command line
 * before picocli parses them. The run's own warm-up starts only once picocli has parsed its options and the engine
 * has been set up (0.5 s after the JVM's start in a cold run at load 6, against 0.07 s from here), while the client,
 * the kubeconfig, the TLS handshake and {@code /version} took longer than the static validation they overlap with,
 * so preflight waited for them. Measured, preflight's wait halves; at low load the whole overhead does not move,
 * the two cores being full in the first half second (docs/performance.md, "The connection's warm-up from the first
 * word").
 *
 * <p>The words are only read to warm: picocli still decides what the command means, and the run takes the warm
 * connection only when it asks for the same kubeconfig and context ({@link KubeConnections}); a failure of the
 * warm-up is met again, and reported, by preflight's own connection. Where the words leave any doubt, nothing is
 * warmed: {@code --dry-run} (which touches no cluster), help and version requests, an {@code @file} (picocli
 * expands it into words this scan does not see), an option given twice or without its value.
 *
 * <p>The resident engine does the same for each request ({@link Main#run(Invocation, String...)}), in the request's
 * environment and directory, with connections of the request's own: nothing is shared between requests.
 */
final class ClusterWarmUp {

    /** The options the warm-up reads, each taking a value. */
    private static final Set<String> READ = Set.of("--kubeconfig", "--context", "--driver");

    /** Words after which the command does not provision a cluster (or picocli only prints something). */
    private static final Set<String> NOTHING_TO_WARM = Set.of("--dry-run", "-h", "--help", "-V", "--version");

    /** The cluster a command line's words name: the {@code --kubeconfig} and {@code --context} given, if any. */
    record Target(Optional<Path> kubeconfig, Optional<String> context) {
    }

    private ClusterWarmUp() {
    }

    /**
     * Starts warming the connection when the words are a provision with {@code --driver existing}, reaching the
     * cluster as the run will ({@code --kubeconfig}, else the files of {@code KUBECONFIG} merged, else
     * {@code ~/.kube/config}).
     *
     * @return the connections being warmed, for the run to take over (and close), or empty when nothing was started
     */
    static Optional<KubeConnections> start(String... args) {
        // Deliberately the JVM's: the command line's process environment is the run's (EngineConfig.defaults()).
        return start(System.getenv(), args);
    }

    /** {@link #start(String...)} in {@code environment} (its {@code KUBECONFIG} and {@code HOME}). */
    static Optional<KubeConnections> start(Map<String, String> environment, String... args) {
        return start(environment, Path.of(""), args);
    }

    /**
     * {@link #start(String...)} for {@code invocation}: in its environment, a relative {@code --kubeconfig} resolved
     * against its directory as the run resolves it ({@link Invocation#path(Path)}), so that the run takes over what
     * was warmed. For a request of the resident engine the connections are the request's own: nothing is shared with
     * another request.
     */
    static Optional<KubeConnections> start(Invocation invocation, String... args) {
        return start(invocation.environment(), invocation.directory(), args);
    }

    private static Optional<KubeConnections> start(Map<String, String> environment, Path directory, String... args) {
        try {
            Optional<Target> target = target(List.of(args));
            if (target.isEmpty()) {
                return Optional.empty();
            }
            Optional<KubeconfigFiles> kubeconfig = ExistingClusterDriver.kubeconfigFiles(
                    target.get().kubeconfig().map(directory::resolve), environment);
            if (kubeconfig.isEmpty()) {
                return Optional.empty(); // the pod's service account, or nothing: the run finds out and says so
            }
            KubeConnections connections = new KubeConnections(environment);
            connections.warmUp(kubeconfig.get(), target.get().context());
            return Optional.of(connections);
        } catch (InvalidPathException e) {
            return Optional.empty(); // not a path here (KUBECONFIG's too): picocli or the run says so
        }
    }

    /**
     * The cluster {@code args} provision in with the existing driver, or empty when they do not, or when the words
     * leave any doubt about it (see the class comment). Reads nothing but the words.
     */
    static Optional<Target> target(List<String> args) {
        if (args.isEmpty() || !ProvisionCommand.NAME.equals(args.get(0))) {
            return Optional.empty();
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 1; i < args.size(); i++) {
            String word = args.get(i);
            if ("--".equals(word)) {
                break; // the rest are positional parameters
            }
            if (word.startsWith("@") || NOTHING_TO_WARM.contains(word) || word.startsWith("--dry-run=")) {
                return Optional.empty();
            }
            int equals = word.indexOf('=');
            String name = equals > 0 ? word.substring(0, equals) : word;
            if (!READ.contains(name)) {
                continue;
            }
            String value;
            if (equals > 0) {
                value = word.substring(equals + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                return Optional.empty();
            }
            if (value.isEmpty() || value.startsWith("-") || values.put(name, value) != null) {
                return Optional.empty();
            }
        }
        if (!ExistingClusterDriver.NAME.equals(values.get("--driver"))) {
            return Optional.empty();
        }
        return Optional.of(new Target(Optional.ofNullable(values.get("--kubeconfig")).map(Path::of),
                Optional.ofNullable(values.get("--context"))));
    }
}

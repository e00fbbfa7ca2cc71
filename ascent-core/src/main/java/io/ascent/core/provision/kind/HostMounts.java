package io.ascent.core.provision.kind;

import io.ascent.core.provision.KindConfigFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code nodes[].extraMounts[]}: kind bind-mounts each {@code hostPath} of the build agent into the node container,
 * and any pod with a hostPath volume on that node then reads or writes it. So a host path must resolve inside the
 * repository's checkout, the way the container engine will resolve it: kind makes a relative path absolute against
 * its own working directory ({@code filepath.Abs}, which also cleans {@code ..} lexically), and the engine follows
 * symbolic links. Ascent resolves a relative path against the application directory instead and writes the real,
 * absolute path into the configuration it hands to kind, so what was judged is what gets mounted.
 *
 * <p>Refused: a path outside the checkout (or outside every folder the operator allowed), one whose symbolic links
 * lead out, a dangling link (the engine would create its target), a socket, pipe or device (the engine's own socket
 * is root on the agent), a {@code :} in either path (the engine splits {@code --volume=HOST:CONTAINER:OPTIONS} on
 * it), and {@code propagation: Bidirectional} (mounts made in the node would appear on the agent). Nothing outside
 * the checkout is looked at: a path is judged by its text first, and only a path inside is resolved on disk.
 */
final class HostMounts {

    /** File names of container engine sockets, named in the refusal so it says what it would have given away. */
    private static final Set<String> ENGINE_SOCKETS = Set.of("docker.sock", "podman.sock", "containerd.sock",
            "crio.sock", "nerdctl.sock", "buildkitd.sock");

    private HostMounts() {
    }

    static void judge(Map<String, Object> config, KindConfigFile file, KindHostReview review) {
        List<Object> nodes = KindMaps.list(config.get("nodes"));
        for (int i = 0; i < nodes.size(); i++) {
            List<Object> mounts = KindMaps.list(KindMaps.map(nodes.get(i)).get("extraMounts"));
            for (int j = 0; j < mounts.size(); j++) {
                List<String> at = List.of("nodes", String.valueOf(i), "extraMounts", String.valueOf(j));
                if (mounts.get(j) instanceof Map<?, ?>) {
                    judgeMount(KindMaps.map(mounts.get(j)), at, file, review);
                } else {
                    review.refuse(at, "must be a mount (containerPath, hostPath, ...)",
                            "see https://kind.sigs.k8s.io/docs/user/configuration/#extra-mounts");
                }
            }
        }
    }

    private static void judgeMount(Map<String, Object> mount, List<String> at, KindConfigFile file,
            KindHostReview review) {
        if (mount.get("containerPath") instanceof String container && container.indexOf(':') >= 0) {
            review.refuse(KindMaps.at(at, "containerPath"), "'" + container + "' holds ':', which the container "
                    + "engine reads as the separator of --volume=HOST:CONTAINER:OPTIONS (it could add options such "
                    + "as rshared)", "write a container path without ':'");
        }
        if ("Bidirectional".equals(mount.get("propagation"))) {
            review.refuse(KindMaps.at(at, "propagation"), "Bidirectional makes mounts created inside the node "
                    + "container (it is privileged) appear on the build agent", "use propagation: None (the "
                    + "default) or HostToContainer");
        }
        List<String> hostPathAt = KindMaps.at(at, "hostPath");
        resolve(mount.get("hostPath"), hostPathAt, file, review).ifPresent(real -> {
            if (!real.toString().equals(mount.get("hostPath"))) {
                review.rewrote(hostPathAt, "'" + mount.getOrDefault("hostPath", "") + "' written as " + real
                        + " (resolved against the application directory, links followed)");
            }
            mount.put("hostPath", real.toString());
        });
    }

    /** The real path to mount, or empty after refusing it. */
    private static Optional<Path> resolve(Object written, List<String> at, KindConfigFile file,
            KindHostReview review) {
        String fix = "mount a folder inside the repository (a path relative to the application directory, such as "
                + "./testdata); a folder outside it is the operator's to allow (--kind-mount PATH or "
                + "ASCENT_KIND_MOUNTS; on Jenkins also kindMounts in Ascent's global configuration), never the "
                + "repository's";
        if (written != null && !(written instanceof String)) {
            review.refuse(at, "must be a path", fix);
            return Optional.empty();
        }
        String text = written == null ? "" : (String) written; // kind mounts its working directory for ""
        if (text.indexOf(':') >= 0) {
            review.refuse(at, "'" + text + "' holds ':', which the container engine reads as the separator of "
                    + "--volume=HOST:CONTAINER:OPTIONS, so it would mount another path than the one judged",
                    "write a host path without ':'");
            return Optional.empty();
        }
        Path lexical;
        try {
            Path path = Path.of(text);
            lexical = (path.isAbsolute() ? path : file.baseDirectory().resolve(path)).normalize();
        } catch (InvalidPathException e) {
            review.refuse(at, "'" + text + "' is not a path", fix);
            return Optional.empty();
        }
        Optional<Path> root = allowedRoot(lexical, file);
        if (root.isEmpty()) {
            String name = lexical.getFileName() == null ? "" : lexical.getFileName().toString();
            review.refuse(at, "'" + text + "' " + (ENGINE_SOCKETS.contains(name) ? "is the container engine's "
                    + "socket: a pod that mounts it controls the engine, which is root on the build agent"
                    : "is outside the repository: kind would bind-mount it from the build agent into the node, "
                    + "where any pod with a hostPath volume reads and writes it"), fix);
            return Optional.empty();
        }
        if (!root.get().equals(file.checkout()) && !Files.isDirectory(root.get())) {
            // The operator's setting is wrong on this agent, not the repository's path: say which folder is missing.
            review.refuse(at, "'" + text + "' lies in " + root.get() + ", a folder the operator allowed (--kind-mount, "
                    + "ASCENT_KIND_MOUNTS or Jenkins' kindMounts) that does not exist on this machine",
                    "create " + root.get() + " on the build agent, or correct the operator's setting that names it");
            return Optional.empty();
        }
        try {
            Path real = realLocation(lexical);
            if (!real.startsWith(root.get().toRealPath())) {
                // Where the link leads is not said: the target's name can be as private as its content.
                review.refuse(at, "'" + text + "' leads out of " + (root.get().equals(file.checkout())
                        ? "the repository" : "the folder the operator allowed") + " through a symbolic link", fix);
                return Optional.empty();
            }
            if (Files.exists(real) && !Files.isDirectory(real) && !Files.isRegularFile(real)) {
                review.refuse(at, "'" + text + "' is a socket, pipe or device: a pod could talk to whatever "
                        + "listens on it (a container engine's socket is root on the build agent)", fix);
                return Optional.empty();
            }
            return Optional.of(real);
        } catch (IOException e) {
            review.refuse(at, "'" + text + "' is a symbolic link that leads nowhere (the container engine would "
                    + "create its target, wherever it points) or cannot be examined", fix);
            return Optional.empty();
        }
    }

    /** The checkout or operator folder the path lies in, judged by its text alone (nothing outside is touched). */
    private static Optional<Path> allowedRoot(Path lexical, KindConfigFile file) {
        if (lexical.startsWith(file.checkout())) {
            return Optional.of(file.checkout());
        }
        return file.operatorMounts().stream().filter(lexical::startsWith).findFirst();
    }

    /**
     * The real path the engine would mount: the longest part that exists with its links followed, then the rest,
     * which the engine creates as folders. A link in the existing part that leads nowhere is an IOException.
     */
    private static Path realLocation(Path lexical) throws IOException {
        Path existing = lexical;
        List<Path> missing = new ArrayList<>();
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            missing.add(0, existing.getFileName());
            existing = existing.getParent();
        }
        Path real = existing == null ? lexical.getRoot() : existing.toRealPath();
        for (Path name : missing) {
            real = real.resolve(name);
        }
        return real;
    }
}

package io.ascent.controlplane;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The programs this machine must have to build and run the control plane. The
 * binaries are compiled from Go modules, so Go is the one a developer usually lacks.
 */
public final class HostPrerequisites {

    private HostPrerequisites() {
    }

    /** A sentence naming what is missing, or empty when everything is there. */
    public static Optional<String> missing() {
        List<String> missing = new ArrayList<>();
        if (findGo().isEmpty()) {
            missing.add("'go' (Go >= 1.26, to build etcd, kube-apiserver, kube-controller-manager,"
                    + " kube-scheduler and kwok from the Go module proxy)");
        }
        if (findOnPath("openssl").isEmpty()) {
            missing.add("'openssl' (to issue the control plane's certificates)");
        }
        if (findOnPath("flock").isEmpty()) {
            missing.add("'flock' from util-linux (to guard the build cache)");
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("The Kubernetes control plane for tests needs " + String.join(", ", missing)
                + " on PATH; see docs/control-plane.md.");
    }

    /** On PATH, or where Go's own installer puts it (non-login shells, as in CI, may lack it on PATH). */
    static Optional<Path> findGo() {
        Optional<Path> onPath = findOnPath("go");
        Path installerDefault = Path.of("/usr/local/go/bin/go");
        if (onPath.isEmpty() && Files.isExecutable(installerDefault)) {
            return Optional.of(installerDefault);
        }
        return onPath;
    }

    static Optional<Path> findOnPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            Path candidate = Path.of(directory, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}

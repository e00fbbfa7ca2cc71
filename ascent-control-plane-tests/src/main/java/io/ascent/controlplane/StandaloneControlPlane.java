package io.ascent.controlplane;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A control plane outside JUnit, for {@code testing/control-plane/up.sh DIR} (and the fake {@code kind} built on
 * it): starts the same {@link ControlPlane} the tests use in {@code DIR/cluster}, copies its kubeconfig to
 * {@code DIR/kubeconfig} once the nodes are Ready, writes {@code DIR/ready}, and runs until it is sent SIGTERM
 * ({@code down.sh}), whose shutdown hook stops every component. A JVM killed with SIGKILL takes its components with
 * it too (each runs under {@code setpriv --pdeathsig KILL}).
 *
 * <p>Arguments: {@code BINARIES_DIRECTORY DIR [FAKE_NODES]}.
 */
public final class StandaloneControlPlane {

    private StandaloneControlPlane() {
    }

    public static void main(String[] arguments) throws Exception {
        if (arguments.length < 2) {
            System.err.println("usage: StandaloneControlPlane BINARIES_DIRECTORY DIR [FAKE_NODES]");
            System.exit(2);
        }
        Path directory = Path.of(arguments[1]).toAbsolutePath();
        int nodes = arguments.length > 2 ? Integer.parseInt(arguments[2]) : 1;
        ControlPlane controlPlane = ControlPlane.start(new ControlPlaneBinaries(Path.of(arguments[0])),
                directory.resolve("cluster"), nodes);
        Path kubeconfig = directory.resolve("kubeconfig");
        Path temporary = Files.createTempFile(directory, ".kubeconfig-", ".tmp");
        Files.copy(controlPlane.kubeconfig(), temporary, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temporary, kubeconfig, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(directory.resolve("ready"), controlPlane.apiServer() + "\n", StandardCharsets.UTF_8);
        System.out.println("control plane ready: " + controlPlane.apiServer() + ", kubeconfig " + kubeconfig);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}

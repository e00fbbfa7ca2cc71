package io.ascent.controlplane;

import java.nio.file.Path;

/**
 * Starts a control plane and keeps it running until this JVM is killed, so
 * {@link ControlPlaneLifecycleTest} can kill a JVM without its cooperation
 * (SIGKILL runs no shutdown hook) and look for orphans.
 * Arguments: BINARIES_DIRECTORY WORK_DIRECTORY.
 */
public final class ControlPlaneInAnotherJvm {

    static final String READY = "control plane ready";

    private ControlPlaneInAnotherJvm() {
    }

    public static void main(String[] arguments) throws Exception {
        ControlPlane.start(new ControlPlaneBinaries(Path.of(arguments[0])), Path.of(arguments[1]), 1);
        System.out.println(READY);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}

package io.ascent.controlplane;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One running component of the control plane (etcd, kube-apiserver, ...), its
 * output in a log file under {@code target/} for diagnosis.
 */
public final class ComponentProcess {

    private final String name;
    private final Process process;
    private final Path log;

    private ComponentProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ComponentProcess start(String name, List<String> command, Path workingDirectory, Path log)
            throws IOException {
        Files.createDirectories(log.getParent());
        Files.writeString(log, "# " + String.join(" ", command) + System.lineSeparator());
        Process process = new ProcessBuilder(dyingWithThisJvm(command))
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        return new ComponentProcess(name, process, log);
    }

    /**
     * A JVM killed with SIGKILL runs no shutdown hook. setpriv (util-linux) asks
     * the kernel to send the component SIGKILL when its parent dies, so even
     * then nothing is orphaned. The signal follows the thread that started the
     * process, which is why the control plane is started from the test thread,
     * never from a short-lived pool thread.
     */
    private static List<String> dyingWithThisJvm(List<String> command) {
        if (HostPrerequisites.findOnPath("setpriv").isEmpty()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("setpriv", "--pdeathsig", "KILL", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    public String name() {
        return name;
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Fails with the end of the log when the component has already exited. */
    void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; its log "
                    + log + " ends with:\n" + LogTail.of(log, 40));
        }
    }

    /**
     * Asks the component to shut down (SIGTERM), and kills it and anything it
     * started when it does not within {@code grace}. Returns only once it is gone.
     */
    void stop(Duration grace) throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        for (ProcessHandle child : children) {
            child.destroyForcibly();
        }
        if (process.isAlive()) {
            throw new IllegalStateException(name + " (pid " + process.pid() + ") survived SIGKILL");
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}

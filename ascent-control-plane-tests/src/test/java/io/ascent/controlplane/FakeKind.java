package io.ascent.controlplane;

import io.ascent.core.provision.command.CommandResult;
import io.ascent.core.provision.command.CommandRunner;
import io.ascent.core.provision.command.ProcessCommandRunner;
import io.ascent.core.provision.kind.KindDriver;
import io.ascent.core.provision.kind.KindNodeImages;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The fake {@code kind} executable ({@code src/test/resources/fake-kind/kind}) set up for one test: copied to an
 * executable file, a state folder of its own under {@code target/control-plane/} (so the build's leftover check
 * sees every process it starts), and the environment it needs. {@link #env} changes its behaviour between calls
 * ({@code FAKE_KIND_FAIL=create}, …).
 */
public final class FakeKind {

    public final Path executable;
    public final Path state;
    public final Path log;
    public final Map<String, String> env = new ConcurrentHashMap<>();
    private final CommandRunner processes = new ProcessCommandRunner(System.getenv());

    public FakeKind(ControlPlaneBinaries binaries, String name) throws IOException {
        Path root = HarnessLocations.fromEnvironment().workRoot().resolve("fake-kind").resolve(name);
        WorkDirectory.recreate(root);
        executable = root.resolve("bin").resolve("kind");
        Files.createDirectories(executable.getParent());
        try (InputStream script = FakeKind.class.getResourceAsStream("/fake-kind/kind")) {
            Files.copy(script, executable, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));
        state = root.resolve("state");
        log = root.resolve("commands.log");
        env.put("FAKE_KIND_STATE", state.toString());
        env.put("FAKE_KIND_HARNESS", HarnessLocations.fromEnvironment().buildScript().getParent().toString());
        env.put("FAKE_KIND_LOG", log.toString());
        env.put("ASCENT_CONTROL_PLANE_BIN", binaries.directory().toString());
        env.put("ASCENT_CONTROL_PLANE_CLASSPATH", harnessClasspath());
        env.put("ASCENT_CONTROL_PLANE_UP_TIMEOUT", "240");
    }

    /** Runs commands with the fake's environment on top of each call's own. */
    public CommandRunner runner() {
        return (argv, extra, timeout) -> {
            Map<String, String> all = new HashMap<>(env);
            all.putAll(extra);
            return processes.run(argv, all, timeout);
        };
    }

    KindDriver driver() {
        return new KindDriver(runner(), executable.toString(), KindNodeImages.builtIn(), System.getenv());
    }

    /** What {@code kind get clusters} lists. */
    public List<String> clusters() throws InterruptedException {
        CommandResult result = runner().run(List.of(executable.toString(), "get", "clusters"), Duration.ofSeconds(30));
        return result.stdout().lines().filter(line -> !line.isBlank()).toList();
    }

    /** Processes (other than this JVM) whose command line names {@code cluster}'s state folder. */
    public List<String> processesOf(String cluster) throws IOException {
        String needle = state.resolve("clusters").resolve(cluster).toString();
        List<String> found = new ArrayList<>();
        ProcessHandle.allProcesses().forEach(process -> process.info().commandLine()
                .filter(line -> line.contains(needle)).ifPresent(line -> found.add(process.pid() + " " + line)));
        return found;
    }

    /** Stops whatever a test left running. */
    public void stopAll() throws InterruptedException {
        for (String cluster : clusters()) {
            env.remove("FAKE_KIND_FAIL");
            runner().run(List.of(executable.toString(), "delete", "cluster", "--name", cluster), Duration.ofMinutes(2));
        }
    }

    /**
     * The class path a separate JVM needs to run the harness: this JVM's, unpacked from surefire's manifest-only
     * booter jar when that is all {@code java.class.path} holds.
     */
    private static String harnessClasspath() {
        String classpath = System.getProperty("java.class.path");
        String[] entries = classpath.split(File.pathSeparator);
        if (entries.length != 1 || !entries[0].endsWith(".jar")) {
            return classpath;
        }
        try (JarFile jar = new JarFile(entries[0])) {
            Manifest manifest = jar.getManifest();
            String listed = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (listed == null) {
                return classpath;
            }
            List<String> paths = new ArrayList<>();
            for (String url : listed.trim().split("\\s+")) {
                paths.add(url.startsWith("file:") ? Path.of(java.net.URI.create(url)).toString()
                        : Path.of(entries[0]).getParent().resolve(url).toString());
            }
            return String.join(File.pathSeparator, paths);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.ascent.controlplane;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace joined to the host by a veth pair on a private /30, so a
 * test can run a server at an address that is neither loopback (which the API
 * server's proxy refuses) nor any address of this machine or beyond it. Traffic
 * only ever flows between the two ends of the pair. Needs root and {@code ip}.
 *
 * <p>{@link #close} deletes the namespace, which also deletes both veth ends (the host end asynchronously: close
 * waits for it, and tolerates the kernel removing it under its feet).
 */
public final class NetworkNamespace implements AutoCloseable {

    /** Host end and namespace end of the /30; 10.213.0.0/30 is not routed anywhere else. */
    public static final String HOST_ADDRESS = "10.213.0.1";
    public static final String NAMESPACE_ADDRESS = "10.213.0.2";
    private static final String PREFIX_LENGTH = "/30";

    private static final String NAME_PREFIX = "ascent-test-";

    /**
     * Two runs on one machine (a developer's and CI's) would share the /30: the
     * lock makes the second wait, and lets the holder treat any namespace of
     * ours that exists as left over by a killed run.
     */
    private static final Path LOCK_FILE = Path.of(System.getProperty("java.io.tmpdir"), "ascent-test-netns.lock");
    private static final Duration LOCK_TIMEOUT = Duration.ofMinutes(5);

    private final String name;
    private final String hostInterface;
    private final MachineWideLock lock;
    private boolean closed;

    private NetworkNamespace(String name, String hostInterface, MachineWideLock lock) {
        this.name = name;
        this.hostInterface = hostInterface;
        this.lock = lock;
    }

    /** Why a network namespace cannot be made here, or empty when it can. */
    public static Optional<String> unavailableReason() {
        if (HostPrerequisites.findOnPath("ip").isEmpty() && !new java.io.File("/usr/sbin/ip").canExecute()) {
            return Optional.of("'ip' (iproute2) is not installed");
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.of("creating a network namespace needs root, this runs as " + System.getProperty("user.name"));
        }
        return Optional.empty();
    }

    public static NetworkNamespace create() throws IOException, InterruptedException {
        MachineWideLock lock = MachineWideLock.acquire(LOCK_FILE, LOCK_TIMEOUT);
        String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36);
        // Interface names are limited to 15 characters.
        NetworkNamespace namespace = new NetworkNamespace(NAME_PREFIX + suffix, "asc-h-" + suffix, lock);
        String peer = "asc-n-" + suffix;
        try {
            removeLeftoversOfKilledRuns();
            ip("netns", "add", namespace.name);
            ip("link", "add", namespace.hostInterface, "type", "veth", "peer", "name", peer);
            ip("link", "set", peer, "netns", namespace.name);
            ip("addr", "add", HOST_ADDRESS + PREFIX_LENGTH, "dev", namespace.hostInterface);
            ip("link", "set", namespace.hostInterface, "up");
            ip("netns", "exec", namespace.name, "ip", "addr", "add", NAMESPACE_ADDRESS + PREFIX_LENGTH, "dev", peer);
            ip("netns", "exec", namespace.name, "ip", "link", "set", peer, "up");
            ip("netns", "exec", namespace.name, "ip", "link", "set", "lo", "up");
            return namespace;
        } catch (IOException | InterruptedException | RuntimeException e) {
            namespace.close();
            throw e;
        }
    }

    /**
     * A JVM killed mid-test cannot delete its namespace, and a second host end
     * with the same /30 would make routing to the namespace ambiguous. Whoever
     * holds the lock is the only user of the /30, so any namespace of ours is stale.
     */
    private static void removeLeftoversOfKilledRuns() throws IOException, InterruptedException {
        for (String line : ip("netns", "list").lines().toList()) {
            String existing = line.split(" ")[0];
            if (existing.startsWith(NAME_PREFIX)) {
                ip("netns", "delete", existing);
            }
        }
    }

    public String name() {
        return name;
    }

    /** Starts {@code command} inside the namespace; the caller stops it. */
    public Process exec(List<String> command, java.nio.file.Path log) throws IOException {
        List<String> full = new ArrayList<>(List.of(ipCommand(), "netns", "exec", name));
        full.addAll(command);
        return new ProcessBuilder(full)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }

    /** True while the namespace exists (for the test that proves {@link #close} removes it). */
    public boolean exists() throws IOException, InterruptedException {
        return ip("netns", "list").lines().anyMatch(line -> line.split(" ")[0].equals(name));
    }

    public boolean hostInterfaceExists() throws IOException, InterruptedException {
        return ip("-o", "link", "show").contains(" " + hostInterface + "@");
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            // Deleting the namespace destroys the veth end inside it, and with it the host end.
            if (exists()) {
                ip("netns", "delete", name);
            }
            deleteHostInterface();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while deleting network namespace " + name, e);
        } finally {
            lock.close();
        }
    }

    /**
     * The kernel removes the host end of the pair by itself once the namespace is gone, but asynchronously (network
     * namespaces are cleaned up in a work queue), so the interface may still be listed, then vanish between our
     * look and our {@code ip link delete} ("Cannot find device"): that failure is the outcome we wanted. Returns
     * once the interface is gone, so that callers can assert it; bounded.
     */
    private void deleteHostInterface() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (hostInterfaceExists()) {
            try {
                ip("link", "delete", hostInterface);
            } catch (IOException e) {
                if (!hostInterfaceExists()) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("the host end " + hostInterface + " of the veth pair still exists after 10 s");
            }
            // No event tells us when the kernel's cleanup ends: look again shortly.
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    private static String ip(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ipCommand());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed: " + output.trim());
        }
        return output;
    }

    private static String ipCommand() {
        return HostPrerequisites.findOnPath("ip").map(Object::toString).orElse("/usr/sbin/ip");
    }
}

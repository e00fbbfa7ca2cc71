package io.ascent.core.provision.preflight;

import io.ascent.core.provision.command.CommandResult;
import io.ascent.core.provision.command.CommandRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A recorded agent for preflight tests: what each command prints, which files exist and what they hold, free
 * disk, environment. A command nobody recorded is "not installed".
 */
final class FakeHost {

    /** {@code docker info --format '{{json .}}'} on a healthy Ubuntu agent: cgroup v2, systemd driver. */
    static final String HEALTHY_DOCKER = """
            {"ID":"7c1f","Containers":3,"ServerVersion":"27.3.1","OperatingSystem":"Ubuntu 24.04.1 LTS",\
            "OSType":"linux","KernelVersion":"6.8.0-48-generic","CgroupDriver":"systemd","CgroupVersion":"2",\
            "DockerRootDir":"/var/lib/docker","MemoryLimit":true,"PidsLimit":true,"CpuCfsQuota":true,"CPUShares":true,\
            "SecurityOptions":["name=apparmor","name=seccomp,profile=builtin","name=cgroupns"],\
            "Name":"build-agent-1","ClientInfo":{"Version":"27.3.1","Context":"default"}}""";

    /** The seed's host: Alpine with OpenRC, cgroup v1 (OpenRC's hybrid default), cgroupfs driver. */
    static final String ALPINE_OPENRC_DOCKER = """
            {"ID":"a1b2","ServerVersion":"25.0.5","OperatingSystem":"Alpine Linux v3.19","OSType":"linux",\
            "KernelVersion":"6.6.14-0-lts","CgroupDriver":"cgroupfs","CgroupVersion":"1",\
            "DockerRootDir":"/var/lib/docker","SecurityOptions":["name=seccomp,profile=builtin"],\
            "Name":"alpine-agent","ClientInfo":{"Version":"25.0.5"}}""";

    /** Docker Desktop: the engine runs in a linuxkit VM, not on this machine. */
    static final String DOCKER_DESKTOP = """
            {"ID":"dd","ServerVersion":"27.2.0","OperatingSystem":"Docker Desktop","OSType":"linux",\
            "KernelVersion":"6.10.4-linuxkit","CgroupDriver":"cgroupfs","CgroupVersion":"2",\
            "DockerRootDir":"/var/lib/docker","SecurityOptions":["name=seccomp,profile=unconfined","name=cgroupns"],\
            "Name":"docker-desktop","ClientInfo":{"Version":"27.2.0","Context":"desktop-linux"}}""";

    /** {@code podman info --format json}, rootless on Fedora (cgroup v2). */
    static final String ROOTLESS_PODMAN = """
            {"host":{"arch":"amd64","cgroupManager":"systemd","cgroupVersion":"v2","kernel":"6.11.4-301.fc41.x86_64",\
            "cgroupControllers":["cpuset","cpu","io","memory","pids"],\
            "os":"linux","hostname":"dev-laptop","distribution":{"distribution":"fedora","version":"41"},\
            "security":{"rootless":true,"seccompEnabled":true}},\
            "store":{"graphRoot":"/home/dev/.local/share/containers/storage"},"version":{"Version":"5.2.5"}}""";

    /** What docker 28.2.2 printed on this very machine, a client with no daemon (exit status 1). */
    static final String DEAD_DAEMON_STDOUT = """
            {"ID":"","Containers":0,"ServerVersion":"","OperatingSystem":"","OSType":"","KernelVersion":"",\
            "CgroupDriver":"","DockerRootDir":"","SecurityOptions":null,"Name":"",\
            "ClientInfo":{"Debug":false,"Version":"28.2.2","DefaultAPIVersion":"1.50","Context":"default"}}""";
    static final String DEAD_DAEMON_STDERR =
            "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n";

    static final List<String> DOCKER_INFO = List.of("docker", "info", "--format", "{{json .}}");
    static final List<String> PODMAN_INFO = List.of("podman", "info", "--format", "json");
    static final List<String> KIND_VERSION = List.of("kind", "version");
    static final List<String> KUBECTL_VERSION = List.of("kubectl", "version", "--client", "-o", "json");

    final Map<List<String>, CommandResult> commands = new HashMap<>();
    final List<List<String>> ran = new ArrayList<>();
    final Map<Path, String> files = new HashMap<>();
    final Set<Path> existing = new HashSet<>();
    final Map<String, String> environment = new HashMap<>();
    long free = 200L << 30;
    long total = 500L << 30;

    /** A systemd host on cgroup v2 with generous inotify limits. */
    static FakeHost systemdCgroupV2() {
        FakeHost host = new FakeHost();
        host.existing.add(Path.of("/sys/fs/cgroup"));
        host.existing.add(Path.of("/sys/fs/cgroup/cgroup.controllers"));
        host.existing.add(Path.of("/var/lib/docker"));
        host.files.put(Path.of("/proc/1/comm"), "systemd\n");
        host.files.put(Path.of("/proc/sys/fs/inotify/max_user_watches"), "524288\n");
        host.files.put(Path.of("/proc/sys/fs/inotify/max_user_instances"), "8192\n");
        return host;
    }

    /** An Alpine host: OpenRC, cgroup v1 hybrid, busybox init. */
    static FakeHost alpineOpenRc() {
        FakeHost host = new FakeHost();
        host.existing.add(Path.of("/sys/fs/cgroup"));
        host.existing.add(Path.of("/sys/fs/cgroup/unified"));
        host.existing.add(Path.of("/run/openrc"));
        host.existing.add(Path.of("/var/lib/docker"));
        host.files.put(Path.of("/proc/1/comm"), "init\n");
        host.files.put(Path.of("/proc/sys/fs/inotify/max_user_watches"), "8192\n");
        host.files.put(Path.of("/proc/sys/fs/inotify/max_user_instances"), "128\n");
        return host;
    }

    FakeHost docker(String json) {
        commands.put(DOCKER_INFO, CommandResult.exited(DOCKER_INFO, 0, json, ""));
        return this;
    }

    FakeHost deadDocker() {
        commands.put(DOCKER_INFO, CommandResult.exited(DOCKER_INFO, 1, DEAD_DAEMON_STDOUT, DEAD_DAEMON_STDERR));
        return this;
    }

    FakeHost podman(String json) {
        commands.put(PODMAN_INFO, CommandResult.exited(PODMAN_INFO, 0, json, ""));
        return this;
    }

    FakeHost kind(String release) {
        commands.put(KIND_VERSION, CommandResult.exited(KIND_VERSION, 0, "kind " + release + " go1.25.5 linux/amd64\n", ""));
        return this;
    }

    FakeHost kubectl(String gitVersion) {
        commands.put(KUBECTL_VERSION, CommandResult.exited(KUBECTL_VERSION, 0,
                "{\"clientVersion\":{\"major\":\"1\",\"gitVersion\":\"" + gitVersion + "\"},\"kustomizeVersion\":\"v5\"}", ""));
        return this;
    }

    FakeHost env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    Probes probes() {
        CommandRunner runner = (argv, extra, timeout) -> {
            ran.add(List.copyOf(argv));
            return commands.getOrDefault(argv, CommandResult.notInstalled(argv));
        };
        HostFiles hostFiles = new HostFiles() {
            @Override
            public Optional<String> read(Path path) {
                return Optional.ofNullable(files.get(path));
            }

            @Override
            public boolean exists(Path path) {
                return existing.contains(path) || files.containsKey(path);
            }

            @Override
            public OptionalLong usableSpace(Path path) {
                return OptionalLong.of(free);
            }

            @Override
            public OptionalLong totalSpace(Path path) {
                return OptionalLong.of(total);
            }
        };
        return new Probes(runner, hostFiles, environment);
    }

    static Duration any() {
        return Duration.ofSeconds(1);
    }
}

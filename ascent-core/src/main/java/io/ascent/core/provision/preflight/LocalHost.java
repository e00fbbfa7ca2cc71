package io.ascent.core.provision.preflight;

import java.nio.file.Path;
import java.util.Optional;

/**
 * This machine's cgroup layout and init system: information, and the deciding facts only when the engine runs
 * here and did not answer.
 *
 * @param cgroupVersion 2 when {@code /sys/fs/cgroup} is the unified hierarchy, 1 when it is not, 0 when unreadable
 * @param hybrid        whether a cgroup v1 layout also mounts the unified hierarchy ({@code /sys/fs/cgroup/unified},
 *                      OpenRC's default "hybrid" mode)
 * @param init          PID 1's name ({@code systemd}, {@code init}, {@code openrc-init}), if readable
 * @param openrc        whether OpenRC manages this machine ({@code /run/openrc} exists)
 */
public record LocalHost(int cgroupVersion, boolean hybrid, Optional<String> init, boolean openrc) {

    static LocalHost read(HostFiles files) {
        int version = files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers")) ? 2
                : files.exists(Path.of("/sys/fs/cgroup")) ? 1 : 0;
        boolean hybrid = version == 1 && files.exists(Path.of("/sys/fs/cgroup/unified"));
        Optional<String> init = files.read(Path.of("/proc/1/comm")).map(String::strip).filter(s -> !s.isEmpty());
        return new LocalHost(version, hybrid, init, files.exists(Path.of("/run/openrc")));
    }

    /** Whether this machine runs without systemd as PID 1 (OpenRC, busybox init, a container's shell). */
    public boolean withoutSystemd() {
        return openrc || init.isPresent() && !init.get().equals("systemd");
    }

    /** {@code cgroup v1 (hybrid), PID 1 init, OpenRC}. */
    public String describe() {
        String cgroups = switch (cgroupVersion) {
            case 2 -> "cgroup v2 (unified)";
            case 1 -> hybrid ? "cgroup v1 (hybrid: v2 only at /sys/fs/cgroup/unified)" : "cgroup v1";
            default -> "no readable /sys/fs/cgroup";
        };
        return "/sys/fs/cgroup: " + cgroups + "; PID 1: " + init.orElse("unreadable") + (openrc ? " (OpenRC)" : "");
    }
}

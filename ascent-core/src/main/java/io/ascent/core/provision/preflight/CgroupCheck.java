package io.ascent.core.provision.preflight;

import io.ascent.core.provision.kind.NodeVersion;
import io.ascent.core.report.Item;
import io.ascent.core.report.Status;
import java.util.Optional;

/**
 * The engine's host has a cgroup layout the node image's kubelet can use. Judged from what the engine reports
 * (its host is where the nodes run); this machine's {@code /sys/fs/cgroup} and PID 1 are added as information, and
 * decide only when the engine is local and did not answer.
 *
 * <ul>
 *   <li>cgroup v1 without systemd (Alpine and other OpenRC hosts): the kubelet in kind's nodes fails with
 *       {@code cgroup-root ["kubelet"] doesn't exist} (kind #2236, #2440, #1969): FAIL before anything is created.
 *   <li>cgroup v1 and a node image of Kubernetes 1.35 or newer: the kubelet refuses cgroup v1: FAIL.
 *   <li>cgroup v1 and a rootless engine: kind's rootless mode needs cgroup v2: FAIL.
 *   <li>a rootless engine without memory, pids and CPU-share limits (no systemd {@code Delegate=yes}): kind
 *       refuses it: FAIL.
 *   <li>cgroup v1 otherwise: works for now, ends soon (kind v0.32 warns): WARN.
 * </ul>
 */
final class CgroupCheck implements PreflightCheck {

    static final String DURABLE_FIX = "run the container engine on a cgroup v2 host: on Alpine or another OpenRC "
            + "system set rc_cgroup_mode=\"unified\" in /etc/rc.conf and reboot (then `stat -fc %T /sys/fs/cgroup` "
            + "prints cgroup2fs and `docker info` shows Cgroup Version: 2); on systemd distributions cgroup v2 is "
            + "the default since 2021 (or boot with systemd.unified_cgroup_hierarchy=1); or use --driver existing "
            + "with a cluster that runs elsewhere";

    @Override
    public String id() {
        return PreflightRule.CGROUPS.id();
    }

    @Override
    public Item run(PreflightContext context) throws InterruptedException {
        Optional<EngineInfo> engine = context.engine().info();
        boolean local = context.engineIsLocal();
        LocalHost here = local ? context.localHost() : null;
        int version;
        boolean withoutSystemd;
        String whose;
        String facts;
        if (engine.isPresent() && engine.get().cgroupVersion() != 0) {
            EngineInfo info = engine.get();
            version = info.cgroupVersion();
            withoutSystemd = info.isAlpine() || local && here.withoutSystemd() && !"systemd".equals(info.cgroupDriver());
            whose = "the engine's host";
            facts = info.provider() + " reports cgroup v" + version
                    + (info.cgroupDriver().isEmpty() ? "" : ", " + info.cgroupDriver() + " driver")
                    + (info.operatingSystem().isEmpty() ? "" : ", " + info.operatingSystem())
                    + (info.rootless() ? ", rootless" : "")
                    + (local ? "; this machine: " + here.describe() : "; this machine is not the engine's host, "
                            + "its own cgroups do not count");
            if (local && here.cgroupVersion() != 0 && here.cgroupVersion() != version) {
                facts += " (it disagrees with the engine: the engine's report decides)";
            }
        } else if (local && context.localHost().cgroupVersion() != 0) {
            here = context.localHost();
            version = here.cgroupVersion();
            withoutSystemd = here.withoutSystemd();
            whose = "this machine";
            facts = "judged here because the local engine did not answer: " + here.describe();
        } else {
            return PreflightRule.CGROUPS.item().status(Status.SKIP)
                    .message("cannot tell the engine host's cgroup version: the engine did not report it"
                            + (local ? " and /sys/fs/cgroup is unreadable" : " and it runs on another host"))
                    .build();
        }
        Optional<NodeVersion> node = context.nodeVersion();
        boolean rootless = engine.map(EngineInfo::rootless).orElse(false);
        if (version == 2 && rootless && !engine.get().limitsSupported()) {
            return PreflightRule.CGROUPS.item().status(Status.FAIL)
                    .message(whose + " runs a rootless engine that cannot limit memory, pids and CPU shares ("
                            + facts + "): kind refuses to create a cluster there")
                    .remediation("let systemd delegate the controllers to users: create "
                            + "/etc/systemd/system/user@.service.d/delegate.conf with [Service] Delegate=yes, run "
                            + "`sudo systemctl daemon-reload`, log in again; see https://kind.sigs.k8s.io/docs/user/rootless/")
                    .build();
        }
        if (version == 2) {
            return PreflightRule.CGROUPS.item().status(Status.PASS).message(facts).build();
        }
        if (withoutSystemd) {
            return PreflightRule.CGROUPS.item().status(Status.FAIL)
                    .message(whose + " uses cgroup v1 without systemd (" + facts + "). kind's nodes cannot run the "
                            + "kubelet there: it fails with `cgroup-root [\"kubelet\"] doesn't exist` (kind issue "
                            + "#2236, also #2440 and #1969), and the cluster never becomes ready")
                    .remediation(DURABLE_FIX).build();
        }
        if (node.isPresent() && node.get().isAtLeast(1, 35)) {
            return PreflightRule.CGROUPS.item().status(Status.FAIL)
                    .message(whose + " uses cgroup v1 (" + facts + ") and the node image runs Kubernetes "
                            + node.get() + ": from 1.35 the kubelet refuses to start on cgroup v1")
                    .remediation(DURABLE_FIX + "; or, for now, ask for Kubernetes 1.34 or older").build();
        }
        if (rootless) {
            return PreflightRule.CGROUPS.item().status(Status.FAIL)
                    .message(whose + " runs a rootless engine on cgroup v1 (" + facts + "): kind's rootless mode "
                            + "needs cgroup v2 with the cpu, memory and pids controllers delegated")
                    .remediation(DURABLE_FIX + "; see https://kind.sigs.k8s.io/docs/user/rootless/").build();
        }
        return PreflightRule.CGROUPS.warning().problem(whose + " uses cgroup v1 (" + facts + "). It works for "
                        + "Kubernetes before 1.35, but the 1.35+ kubelet refuses it and kind is dropping its cgroup v1 "
                        + "workarounds")
                .remediation(DURABLE_FIX).build();
    }
}

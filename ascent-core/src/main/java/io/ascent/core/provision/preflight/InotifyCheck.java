package io.ascent.core.provision.preflight;

import io.ascent.core.report.Item;
import io.ascent.core.report.Status;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The engine host's inotify limits are at least what kind's known-issues page asks for: with the distribution
 * defaults, a cluster's kubelets and controllers exhaust them ("too many open files") once a few clusters run.
 */
final class InotifyCheck implements PreflightCheck {

    static final long WATCHES = 524_288;
    static final long INSTANCES = 512;

    @Override
    public String id() {
        return PreflightRule.INOTIFY.id();
    }

    @Override
    public Item run(PreflightContext context) throws InterruptedException {
        if (!context.engineIsLocal()) {
            return PreflightRule.INOTIFY.item().status(Status.SKIP)
                    .message("the engine runs on another host; check its fs.inotify limits there").build();
        }
        OptionalLong watches = number(context, "max_user_watches");
        OptionalLong instances = number(context, "max_user_instances");
        if (watches.isEmpty() || instances.isEmpty()) {
            return PreflightRule.INOTIFY.item().status(Status.SKIP)
                    .message("/proc/sys/fs/inotify is not readable here").build();
        }
        String now = "fs.inotify.max_user_watches=" + watches.getAsLong() + ", fs.inotify.max_user_instances="
                + instances.getAsLong();
        if (watches.getAsLong() >= WATCHES && instances.getAsLong() >= INSTANCES) {
            return PreflightRule.INOTIFY.item().status(Status.PASS).message(now).build();
        }
        return PreflightRule.INOTIFY.warning().problem(now + ": below the " + WATCHES + " and " + INSTANCES
                        + " kind recommends; pods fail with \"too many open files\" once a few clusters run")
                .remediation("sudo sysctl fs.inotify.max_user_watches=" + WATCHES + " fs.inotify.max_user_instances="
                        + INSTANCES + ", and keep them in /etc/sysctl.d/99-kind.conf")
                .build();
    }

    private static OptionalLong number(PreflightContext context, String name) {
        Optional<String> text = context.probes().files().read(Path.of("/proc/sys/fs/inotify", name));
        try {
            return text.map(t -> OptionalLong.of(Long.parseLong(t.strip()))).orElse(OptionalLong.empty());
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}

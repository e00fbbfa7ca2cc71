package io.ascent.core.provision.preflight;

import io.ascent.core.report.Item;
import io.ascent.core.report.Status;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * There is room for a node image (about 1 GB unpacked) and the application's images, and the kubelet will not
 * see disk pressure: it taints the node and evicts pods when less than 10 % of its file system is free.
 */
final class DiskCheck implements PreflightCheck {

    static final long MINIMUM = 4L << 30;
    static final double MINIMUM_SHARE = 0.10;

    @Override
    public String id() {
        return PreflightRule.DISK.id();
    }

    @Override
    public Item run(PreflightContext context) throws InterruptedException {
        if (!context.engineIsLocal()) {
            return PreflightRule.DISK.item().status(Status.SKIP)
                    .message("the engine runs on another host; check its free disk there").build();
        }
        Path path = context.diskToCheck();
        OptionalLong free = context.probes().files().usableSpace(path);
        OptionalLong total = context.probes().files().totalSpace(path);
        if (free.isEmpty() || total.isEmpty() || total.getAsLong() == 0) {
            return PreflightRule.DISK.item().status(Status.SKIP).message("cannot read free space of " + path).build();
        }
        double share = (double) free.getAsLong() / total.getAsLong();
        String now = String.format(java.util.Locale.ROOT, "%s: %.1f GiB free of %.1f GiB (%.0f %%)", path,
                free.getAsLong() / (double) (1L << 30), total.getAsLong() / (double) (1L << 30), share * 100);
        if (free.getAsLong() >= MINIMUM && share >= MINIMUM_SHARE) {
            return PreflightRule.DISK.item().status(Status.PASS).message(now).build();
        }
        return PreflightRule.DISK.warning().problem(now + ": a kind node needs about 4 GiB for its image and the "
                        + "application's, and its kubelet evicts pods when less than 10 % is free")
                .remediation("free disk space on that file system (`docker system prune` removes unused images and "
                        + "stopped containers)")
                .build();
    }
}

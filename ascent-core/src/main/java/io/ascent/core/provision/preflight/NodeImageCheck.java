package io.ascent.core.provision.preflight;

import io.ascent.core.provision.kind.NodeImageChoice;
import io.ascent.core.report.Item;
import io.ascent.core.report.ItemBuilder;
import io.ascent.core.report.Status;

/**
 * The installed kind has a node image for the requested Kubernetes version (or the pinned image was built for
 * it). A version no kind release published, like the seed's 1.22.1, fails here, naming the releases that have
 * the nearest ones, before any cluster is created.
 */
final class NodeImageCheck implements PreflightCheck {

    @Override
    public String id() {
        return PreflightRule.NODE_IMAGE.id();
    }

    @Override
    public Item run(PreflightContext context) throws InterruptedException {
        NodeImageChoice choice = context.nodeImage();
        ItemBuilder item = switch (choice.verdict()) {
            case OK -> PreflightRule.NODE_IMAGE.item().status(Status.PASS).message(choice.message());
            case RISKY -> PreflightRule.NODE_IMAGE.warning().problem(choice.message());
            case IMPOSSIBLE -> PreflightRule.NODE_IMAGE.item().problem(choice.message());
            case UNKNOWN -> PreflightRule.NODE_IMAGE.item().status(Status.SKIP).message(choice.message());
        };
        choice.remediation().ifPresent(item::remediation);
        return item.build();
    }
}

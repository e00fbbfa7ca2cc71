package io.ascent.core.provision.preflight;

import io.ascent.core.provision.kind.KindRelease;
import io.ascent.core.provision.kind.NodeImageChoice;
import io.ascent.core.report.Item;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * What preflight found.
 *
 * @param items              one item per check, in order
 * @param environmentFailed  whether the agent cannot make a cluster at all (no engine daemon, no kind): the run
 *                           exits 3
 * @param engine             what the container engine said, when it answered
 * @param kind               the installed kind release, when known
 * @param nodeImage          the node image choice, when the driver is kind
 */
public record PreflightResult(List<Item> items, boolean environmentFailed, Optional<EngineInfo> engine,
        Optional<KindRelease> kind, Optional<NodeImageChoice> nodeImage) implements Serializable {

    public PreflightResult {
        items = List.copyOf(items);
    }

    /** Whether a cluster may be created: no gating item and nothing missing. */
    public boolean passed() {
        return !environmentFailed && items.stream().noneMatch(item -> item.status().isGating());
    }
}

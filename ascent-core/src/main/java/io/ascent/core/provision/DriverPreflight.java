package io.ascent.core.provision;

import io.ascent.core.progress.ProgressListener;
import io.ascent.core.report.Item;
import java.util.List;

/**
 * The checks one driver makes before anything is created (the preflight phase of {@code ascent provision}, and
 * {@code ascent doctor}): each an item with a remediation. An item with status ERROR stops the run before the
 * cluster phase as an environment failure (exit 3); a FAIL stops it too (exit 1); a WARN is reported and the run
 * goes on.
 *
 * <p>Not to be confused with {@link io.ascent.core.provision.preflight.PreflightChecks}, the agent checks kind needs
 * (container engine, cgroups, node image, ...): the kind driver's {@code DriverPreflight} runs those; the existing
 * driver's runs {@link io.ascent.core.provision.existing.ExistingClusterPreflight}.
 */
public interface DriverPreflight {

    /** The checks' items, in order. Never throws for a failed check: that is an item. */
    List<Item> check(ClusterRequest request, ProgressListener progress) throws InterruptedException;
}

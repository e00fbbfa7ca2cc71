package io.ascent.core.provision.preflight;

import io.ascent.core.report.Item;

/**
 * One preflight check. Changes nothing; reads the agent only through the context's probes. A check that cannot
 * judge (kind missing, engine remote) says SKIP and why.
 */
public interface PreflightCheck {

    /** The id of the items it produces. */
    String id();

    /**
     * Runs the check.
     *
     * @throws InterruptedException when the run is cancelled
     */
    Item run(PreflightContext context) throws InterruptedException;
}

/**
 * Baselines: how a team adopts Ascent on a repository that is not clean yet. {@code ascent baseline} records the
 * fingerprints of today's findings in a committed file ({@link Baseline#FILE_NAME}); later runs mark those findings
 * {@code BASELINED} (shown, not gating), so only new findings fail, and warn about entries whose finding is gone.
 * The file is repository input: it is read through the workspace gate, bounded, and every fault in it is an item
 * at {@code file:line:col}.
 */
package io.ascent.core.baseline;

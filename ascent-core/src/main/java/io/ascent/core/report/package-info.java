/**
 * The one report model every check writes into and every renderer reads: {@link io.ascent.core.report.Report}
 * holds {@link io.ascent.core.report.Item}s, each with a {@link io.ascent.core.report.Status}, a
 * {@link io.ascent.core.report.Severity} and an optional {@link io.ascent.core.report.Location}.
 *
 * <p>Everything here is immutable and {@link java.io.Serializable}: in Jenkins a report is built on an agent
 * and travels to the controller. Totals and the verdict are derived from the items, never stored twice.
 */
package io.ascent.core.report;

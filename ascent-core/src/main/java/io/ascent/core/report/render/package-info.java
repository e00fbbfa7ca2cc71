/**
 * Renderers: pure functions from a {@link io.ascent.core.report.Report} to text. One class per
 * {@link io.ascent.core.report.render.Format}; totals come from the report, never recounted here.
 */
package io.ascent.core.report.render;

/**
 * How a run is recorded: steps and phases write into one {@link io.ascent.core.run.RunSink} (items, levelled log
 * lines, phases, environment failures); {@link io.ascent.core.run.RunRecorder} keeps them for the
 * {@link io.ascent.core.report.Report} and forwards them to the {@link io.ascent.core.progress.ProgressListener}.
 * Validation and provisioning share it.
 */
package io.ascent.core.run;

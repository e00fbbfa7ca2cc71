/**
 * The manifest checks: one class per check, each with a stable id constant and a default severity, registered in
 * one explicit list, {@link io.ascent.core.manifest.check.ManifestChecks} (which {@code docs/checks.md} must
 * document; a test says so). A check sees one {@link io.ascent.core.manifest.Resource} at a time and adds
 * {@link io.ascent.core.manifest.check.Finding}s; checks that compare resources keep small summaries and report
 * when every resource was seen. Instances serve one run and are not thread-safe.
 */
package io.ascent.core.manifest.check;

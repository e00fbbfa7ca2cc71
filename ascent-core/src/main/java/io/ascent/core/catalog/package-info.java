/**
 * The catalog of built-in checks: one list of every check and rule with the description each gives of itself, for
 * {@code ascent checks}, the documentation tests and the checklist schema's list of check ids. Ids and texts live
 * in the checks themselves ({@link io.ascent.core.checklist.ChecklistRule}, {@link io.ascent.core.repo.RepositoryRule},
 * {@link io.ascent.core.manifest.check.ManifestChecks}); nothing here is a second copy.
 */
package io.ascent.core.catalog;

/**
 * The Ascent Checklist ({@code ascent.yaml}): its published JSON Schema (v1), the typed model, the loader that
 * reads it safely and validates it, and the semantic checks that the schema cannot express (unique ids, paths that
 * exist and stay in the repository, waivers not expired).
 *
 * <p>Entry point: {@link io.ascent.core.checklist.ChecklistLoader}. The schema resource is
 * {@value io.ascent.core.checklist.ChecklistSchema#RESOURCE}.
 */
package io.ascent.core.checklist;

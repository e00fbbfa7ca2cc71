/**
 * {@code ascent init}: a starting checklist from what an application directory holds. {@link
 * io.ascent.core.init.RepositorySurvey} walks the directory within fixed bounds (no links followed, the safe YAML
 * loader for every file read), {@link io.ascent.core.init.ImpliedKubernetesVersion} judges the manifests' API
 * versions against the API table, and {@link io.ascent.core.init.StarterChecklist} writes the commented file,
 * never over an existing checklist and never outside the directory.
 */
package io.ascent.core.init;

/**
 * Kubernetes manifests as {@code ascent validate} reads them: {@link io.ascent.core.manifest.ManifestSet} expands
 * the checklist's paths, folders and globs to files; {@link io.ascent.core.manifest.ManifestLoader} reads each
 * into {@link io.ascent.core.manifest.Resource}s that keep their document and position;
 * {@link io.ascent.core.manifest.ManifestValidationStep} runs the checks of {@code manifest.check} over them and
 * turns findings into report items (settings, exemptions by annotation, one PASS per clean check).
 *
 * <p>Callers outside the engine use the step through {@link io.ascent.core.Ascent}; the loader and the resource
 * model are public for benchmarks and for the schema validation of resources, which reads the same documents.
 */
package io.ascent.core.manifest;

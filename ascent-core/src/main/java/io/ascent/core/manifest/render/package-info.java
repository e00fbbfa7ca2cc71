/**
 * Kustomize and Helm sources: recognising their files among the manifests (a kustomization, its patches, a chart's
 * templates are not Kubernetes objects and are not checked as such) and rendering those the checklist names in
 * {@code kubernetes.render} with {@code kustomize build} / {@code kubectl kustomize} and {@code helm template}, so
 * that what they build is checked and each finding names the source file it came from.
 *
 * <p>Renders run in the workspace, with the network shut off for the tool, and are bounded in time and output.
 * Callers use {@link io.ascent.core.manifest.render.SourceFiles} and
 * {@link io.ascent.core.manifest.render.ManifestRenderer}; the rest is theirs.
 */
package io.ascent.core.manifest.render;

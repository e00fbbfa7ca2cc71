/**
 * Schema validation of Kubernetes resources (the {@code manifest.schema} check): the JSON schemas of the built-in
 * kinds bundled for every Kubernetes release from 1.22 ({@link io.ascent.core.manifest.schema.KubernetesSchemaBundle}),
 * kubeconform-style schema locations ({@link io.ascent.core.manifest.schema.SchemaLocation}) with an on-disk cache
 * for opt-in remote ones, schemas derived from the manifests' CRDs
 * ({@link io.ascent.core.manifest.schema.CustomResourceSchemas}), and the entry point
 * {@link io.ascent.core.manifest.schema.ResourceSchemaValidator}. See docs/schemas.md.
 */
package io.ascent.core.manifest.schema;

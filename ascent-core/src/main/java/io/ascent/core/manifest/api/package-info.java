/**
 * Which Kubernetes release accepts which apiVersion/kind: the API availability table behind the manifest checks of
 * issue 4. {@link io.ascent.core.manifest.api.ApiLifecycleTable#builtIn()} is generated from the Kubernetes Go
 * modules ({@code tools/api-lifecycle}) plus hand-kept rows with sources; {@code docs/api-table.md} explains every
 * column. Plain Java, no Jenkins types, no library.
 */
package io.ascent.core.manifest.api;

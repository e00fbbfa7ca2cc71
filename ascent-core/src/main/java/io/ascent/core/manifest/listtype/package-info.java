/**
 * The uniqueness the API server demands of arrays a CRD's schema marks {@code x-kubernetes-list-type: set} (no two
 * equal items) or {@code map} (no two items with the same {@code x-kubernetes-list-map-keys}), checked on custom
 * resources as apiextensions-apiserver's {@code listtype.ValidateListSetsAndMaps} checks them, with its messages.
 *
 * <p>Entry points: {@link io.ascent.core.manifest.listtype.ListTypeSchema#read} (the list types of a CRD version's
 * schema) and {@link io.ascent.core.manifest.listtype.ListTypeValidator#validate} (the duplicates of one object).
 * The package reads JSON values only and is independent of the structural schema validator and of CEL.
 */
package io.ascent.core.manifest.listtype;

/**
 * Kubernetes' CEL extension libraries (k8s.io/apiserver {@code pkg/cel/library}) for cel-java: quantity, URL, IP,
 * CIDR, semver and named formats, each with the API server's semantics, including its error texts where a rule's
 * outcome depends on them. Values are parsed by hand-written parsers that follow the Go parsers they stand for
 * ({@code resource.ParseQuantity}, {@code net/url}, {@code net/netip}, {@code blang/semver}); none resolves a name
 * or touches the network.
 *
 * <p>Entry point: {@link io.ascent.core.manifest.cel.library.KubernetesLibraries}, used by the rule compiler.
 * The authorizer library is deliberately absent: it asks the API server, so a rule using it is a SKIP.
 */
package io.ascent.core.manifest.cel.library;

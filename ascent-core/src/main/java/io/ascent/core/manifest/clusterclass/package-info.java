/**
 * What Ascent needs to evaluate a ClusterAPI ClusterClass's patches the way ClusterAPI does: the small part of Go's
 * {@code text/template} and of sprig's {@code semverCompare} that ClusterAPI's own templates use to pick an API
 * version for a Kubernetes version. Anything outside that subset is refused with a
 * {@link io.ascent.core.manifest.clusterclass.TemplateException} naming the construct, so that a check reports it as
 * not judged instead of guessing.
 */
package io.ascent.core.manifest.clusterclass;

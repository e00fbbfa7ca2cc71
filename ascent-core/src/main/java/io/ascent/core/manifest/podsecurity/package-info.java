/**
 * The Pod Security Standards as the PodSecurity admission plugin enforces them ({@code pod-security.kubernetes.io/
 * enforce: LEVEL}, {@code enforce-version: vX.Y}): {@link io.ascent.core.manifest.podsecurity.PodSecurityStandard}
 * judges one pod spec at a level and a policy version and answers one
 * {@link io.ascent.core.manifest.podsecurity.Violation} per offending field, each with the admission's reason, its
 * detail as the admission words it, and the fix. The rules follow the admission's own policy of Kubernetes 1.35
 * ({@code k8s.io/pod-security-admission/policy}, each rule with its version ranges); a test on a real API server
 * keeps the two in step. Pure: no I/O, no state.
 */
package io.ascent.core.manifest.podsecurity;

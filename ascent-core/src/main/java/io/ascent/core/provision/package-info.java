/**
 * The provisioner: proves, in a throw-away cluster, that the application deploys and answers, and never leaves a
 * cluster behind.
 *
 * <p>What a cluster is ({@link io.ascent.core.provision.ClusterRequest}, {@link
 * io.ascent.core.provision.ProvisionedCluster}) is kept apart from how a driver makes it ({@link
 * io.ascent.core.provision.ClusterDriver}; drivers live in {@code provision.kind} and {@code provision.existing}),
 * the way kind's {@code pkg/cluster} keeps its provider interface apart from docker and podman. No Jenkins types:
 * the plugin runs this package on a build agent, so everything that crosses a process boundary is
 * {@link java.io.Serializable}.
 */
package io.ascent.core.provision;

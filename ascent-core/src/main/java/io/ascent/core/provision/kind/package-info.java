/**
 * The kind driver: a throw-away cluster made by the {@code kind} command line on the agent's container engine.
 *
 * <p>{@link io.ascent.core.provision.kind.KindNodeImages} is the table of kind releases and the node images built
 * for each, pinned by digest (generated data, see {@code PROVENANCE.md} beside it);
 * {@link io.ascent.core.provision.kind.KindDriver} writes the kind configuration, creates the cluster with a
 * kubeconfig of its own, checks readiness itself (kind's {@code --wait} exits 0 on timeout), exports logs on
 * failure and always deletes the cluster. {@link io.ascent.core.provision.kind.KindConfig} holds the repository's kind
 * configuration to the host policy before any cluster exists ({@code HostMounts}: host paths inside the checkout;
 * {@code HostPorts}: published ports on loopback), the items of {@code provision.kind-host}.
 */
package io.ascent.core.provision.kind;

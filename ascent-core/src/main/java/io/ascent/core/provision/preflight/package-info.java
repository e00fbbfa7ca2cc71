/**
 * Preflight: what must hold on the agent before a cluster is created, each check a report item with a
 * remediation. Runs alone as {@code ascent doctor} (changes nothing) and as the provisioner's first phase.
 *
 * <p>Every probe goes through {@link io.ascent.core.provision.preflight.Probes} (a command runner, a file reader
 * and the environment), so tests feed recorded {@code docker info} output and {@code /proc} files. What kind's
 * nodes need is judged on the container engine's host, which is what {@code docker info} describes; this machine's
 * own {@code /sys/fs/cgroup} and PID 1 are information, and decide only when the engine is local and silent.
 */
package io.ascent.core.provision.preflight;

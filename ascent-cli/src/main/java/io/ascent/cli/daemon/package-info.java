/**
 * The resident engine: a JVM that stays up and runs {@code ascent} commands for a small native client over a Unix
 * domain socket, so that a run does not pay for starting a JVM (docs/daemon.md). {@link io.ascent.cli.daemon.DaemonMain}
 * is its entry; the wire protocol is {@link io.ascent.cli.daemon.Frame}'s.
 */
package io.ascent.cli.daemon;

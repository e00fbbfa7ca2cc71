/**
 * Running the external tools the provisioner needs ({@code docker}, {@code podman}, {@code kind}, {@code kubectl})
 * behind one small interface, so that preflight and the kind driver can be tested with recorded output. A failed
 * command keeps its argv and what it printed ({@link io.ascent.core.provision.command.CommandFailedException}), the
 * way kind's {@code pkg/exec.RunError} does; nothing here ever puts a secret on a command line.
 */
package io.ascent.core.provision.command;

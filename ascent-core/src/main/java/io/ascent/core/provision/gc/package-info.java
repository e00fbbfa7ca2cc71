/**
 * {@code ascent gc}: removes what Ascent runs left behind (a killed build, a {@code --keep} cluster nobody
 * removed): kind clusters whose names {@link io.ascent.core.provision.RunName} recognises, the user's own work
 * folders of such runs in the temporary folder, and namespaces labelled {@code ascent.dev/run} with such a name,
 * older than asked. Nothing else is ever touched.
 */
package io.ascent.core.provision.gc;

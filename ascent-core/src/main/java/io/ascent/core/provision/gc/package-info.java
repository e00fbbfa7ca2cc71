/**
 * {@code ascent gc}: removes what Ascent runs left behind (a killed build, a {@code --keep} cluster nobody
 * removed): kind clusters whose names {@link io.ascent.core.provision.RunName} recognises, and namespaces labelled
 * {@code ascent.dev/run} with such a name, older than asked. Nothing else is ever touched.
 */
package io.ascent.core.provision.gc;

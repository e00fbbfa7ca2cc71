/**
 * Progress of long work, as named phases with start and end, for the CLI to print and the Jenkins plugin to send
 * to the build log.
 */
package io.ascent.core.progress;

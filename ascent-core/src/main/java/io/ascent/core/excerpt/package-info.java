/**
 * Source excerpts: the lines around each finding, read after a run through the workspace gate (inside the
 * repository, regular files only, bounded), with secrets redacted, so that reports can show them without the
 * workspace.
 */
package io.ascent.core.excerpt;

/**
 * Where an application lives: the repository root that paths in reports are relative to, and the application
 * directory the checklist describes. Every path that comes from a checklist is resolved here, and refused when it
 * would leave the repository.
 */
package io.ascent.core.workspace;

/**
 * What the operator lets the engine reach over the network. A repository can name URLs (schema locations), but
 * only the person running Ascent (command line, environment, Jenkins global configuration) decides which are
 * asked; see docs/security.md.
 */
package io.ascent.core.network;

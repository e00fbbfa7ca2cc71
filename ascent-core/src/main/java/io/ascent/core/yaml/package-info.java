/**
 * Safe YAML loading for untrusted input. {@link io.ascent.core.yaml.SafeYamlLoader} composes YAML to nodes
 * only (no object construction, no tags beyond the standard ones), rejects duplicate keys, merge keys, recursive
 * aliases and anything over the {@link io.ascent.core.yaml.YamlLimits}, and keeps every node's line and column in
 * a {@link io.ascent.core.yaml.YamlDocument} so later checks can point at {@code file:line:col}.
 *
 * <p>Every failure is a {@link io.ascent.core.yaml.YamlInputException} naming the file and, where there is one,
 * the position; SnakeYAML's own exceptions never leave this package.
 */
package io.ascent.core.yaml;

package io.ascent.core.yaml;

/**
 * Bounds that keep a hostile document from exhausting time or memory.
 *
 * @param maxBytes    largest file accepted, checked before reading it
 * @param maxAliases  most aliases to collections in one document (SnakeYAML counts them while composing)
 * @param maxDepth    deepest nesting of collections
 * @param maxNodes    most nodes after aliases are expanded; stops alias bombs that stay under {@code maxAliases}
 */
public record YamlLimits(int maxBytes, int maxAliases, int maxDepth, int maxNodes) {

    /** Limits for an {@code ascent.yaml}: far above any real checklist, far below harm. */
    public static final YamlLimits CHECKLIST = new YamlLimits(1024 * 1024, 50, 40, 100_000);

    /** Limits for one Kubernetes manifest file (some CRD bundles run to several megabytes). */
    public static final YamlLimits MANIFEST = new YamlLimits(16 * 1024 * 1024, 100, 100, 2_000_000);
}

package io.ascent.core;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code ascent gc} removes.
 *
 * @param olderThan  only what was created longer ago than this
 * @param dryRun     list what would be deleted, delete nothing
 * @param kubeconfig an existing cluster whose Ascent namespaces to collect too (with {@code context})
 * @param context    the kubeconfig context, when not its current one
 */
public record GcOptions(Duration olderThan, boolean dryRun, Optional<Path> kubeconfig, Optional<String> context) {

    /** Longer than any run's own timeout: a younger cluster may belong to a build still running. */
    public static final Duration DEFAULT_OLDER_THAN = Duration.ofHours(2);

    public GcOptions {
        Objects.requireNonNull(olderThan, "olderThan");
        Objects.requireNonNull(kubeconfig, "kubeconfig");
        Objects.requireNonNull(context, "context");
    }
}

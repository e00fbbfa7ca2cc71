package io.ascent.core.manifest.api;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of {@link ApiLifecycleTable#check}: whether {@code target} accepts {@code apiVersion}/{@code kind},
 * the table row that says so, what to use instead, and one sentence for a person.
 *
 * <p>Not the same as {@link io.ascent.core.report.Verdict}, the outcome of a whole run; a manifest check
 * turns this verdict into report items.
 *
 * @param availability the answer
 * @param apiVersion   the apiVersion asked about, as given
 * @param kind         the kind asked about, as given
 * @param target       the Kubernetes release asked about
 * @param lifecycle    the row for {@code apiVersion}/{@code kind}, or {@code null} when the table has none
 * @param suggestion   a row that {@code target} serves and that can be used instead, or {@code null}; also set
 *                     for {@link ApiAvailability#UNKNOWN} when the kind exists in other versions of the group
 * @param message      one sentence saying what holds and exactly what to change
 */
public record ApiVerdict(
        ApiAvailability availability,
        String apiVersion,
        String kind,
        KubernetesVersion target,
        ApiLifecycle lifecycle,
        ApiLifecycle suggestion,
        String message) implements Serializable {

    public ApiVerdict {
        Objects.requireNonNull(availability, "availability");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(message, "message");
    }

    public Optional<ApiLifecycle> optionalLifecycle() {
        return Optional.ofNullable(lifecycle);
    }

    public Optional<ApiLifecycle> optionalSuggestion() {
        return Optional.ofNullable(suggestion);
    }
}

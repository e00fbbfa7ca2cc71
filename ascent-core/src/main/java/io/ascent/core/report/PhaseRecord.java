package io.ascent.core.report;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One phase of a run (checklist, repository, manifests; for provisioning preflight, cluster, deploy...), as the
 * report keeps it.
 *
 * @param name      the phase's name, such as {@code manifests}
 * @param parent    the phase it ran inside, or {@code null} for a top-level phase
 * @param startedAt when it started
 * @param duration  how long it took
 * @param outcome   how it ended
 */
public record PhaseRecord(String name, String parent, Instant startedAt, Duration duration, Outcome outcome)
        implements Serializable {

    public PhaseRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** How a phase ended. */
    public enum Outcome {
        /** It ran to its end (its items may still fail the build). */
        COMPLETED,
        /** It stopped on an error (an internal error, an environment failure). */
        FAILED,
        /** The run was cancelled while it ran. */
        INTERRUPTED
    }
}

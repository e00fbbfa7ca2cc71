package io.ascent.core.validation;

import io.ascent.core.run.RunSink;

/** One capability's share of {@code ascent validate}: reads the context, writes what it finds to the sink. */
public interface ValidationStep {

    /** Short name for progress output and the report's phases, such as {@code repository}. */
    String name();

    /**
     * Runs the step, writing items and log lines to {@code sink}; the caller has opened a phase named
     * {@link #name()} around it. Bad input found on the way (an unparsable manifest) is an item with status
     * ERROR, not an exception; an environment that cannot run the step is an ERROR item of kind ENVIRONMENT. An
     * exception thrown here is Ascent's bug: the caller turns it into an internal-error item.
     *
     * @throws InterruptedException when the run is cancelled
     */
    void run(ValidationContext context, RunSink sink) throws InterruptedException;
}

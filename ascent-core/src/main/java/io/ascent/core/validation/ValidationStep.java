package io.ascent.core.validation;

import io.ascent.core.report.Item;
import java.util.List;

/** One capability's share of {@code ascent validate}: reads the context, returns its items. */
public interface ValidationStep {

    /** Short name for progress output, such as {@code repository}. */
    String name();

    /**
     * Runs the step. Bad input found on the way (an unparsable manifest) is an item with status ERROR, not an
     * exception.
     *
     * @throws InterruptedException when the run is cancelled
     */
    List<Item> run(ValidationContext context) throws InterruptedException;
}

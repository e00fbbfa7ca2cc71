package io.ascent.core;

import io.ascent.core.manifest.ManifestValidationStep;
import io.ascent.core.validation.ValidationStep;
import java.util.List;

/**
 * The steps {@code ascent validate} runs after loading the checklist, in order. New capabilities register here,
 * in one explicit list, so that what runs is visible in one place.
 *
 * <p>The list lives beside the facade rather than in {@code validation}: steps implement
 * {@link ValidationStep}, so a list inside {@code validation} naming them would tie that package and every
 * capability into a cycle.
 */
public final class ValidationSteps {

    private ValidationSteps() {
    }

    public static List<ValidationStep> builtIn() {
        return List.of(new ManifestValidationStep());
    }
}

package io.ascent.core.validation;

import io.ascent.core.repo.RepositoryStep;
import java.util.List;

/**
 * The steps {@code ascent validate} runs after loading the checklist, in order. New capabilities register here,
 * in one explicit list, so that what runs is visible in one place.
 */
public final class ValidationSteps {

    private ValidationSteps() {
    }

    public static List<ValidationStep> builtIn() {
        return List.of(new RepositoryStep());
    }
}

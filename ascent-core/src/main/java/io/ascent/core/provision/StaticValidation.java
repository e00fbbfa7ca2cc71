package io.ascent.core.provision;

import io.ascent.core.ValidateOptions;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.report.Report;

/** The static validation that runs first ({@code Ascent.validate}); passed in so the package does not call the facade. */
@FunctionalInterface
public interface StaticValidation {
    Report validate(ValidateOptions options, ProgressListener progress) throws InterruptedException;
}

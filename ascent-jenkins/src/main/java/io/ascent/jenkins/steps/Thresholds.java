package io.ascent.jenkins.steps;

import hudson.model.Result;
import io.ascent.core.report.Report;
import java.io.Serializable;
import java.util.Objects;

/**
 * Turns a report into a build result: {@code failOn} reached makes it FAILURE, else {@code unstableOn} reached makes
 * it UNSTABLE, else SUCCESS.
 *
 * @param failOn     from which items the build fails
 * @param unstableOn from which items the build is unstable
 */
public record Thresholds(Threshold failOn, Threshold unstableOn) implements Serializable {

    private static final long serialVersionUID = 1L;

    public Thresholds {
        Objects.requireNonNull(failOn, "failOn");
        Objects.requireNonNull(unstableOn, "unstableOn");
    }

    public Result resultFor(Report report) {
        if (failOn.isReachedBy(report)) {
            return Result.FAILURE;
        }
        return unstableOn.isReachedBy(report) ? Result.UNSTABLE : Result.SUCCESS;
    }
}

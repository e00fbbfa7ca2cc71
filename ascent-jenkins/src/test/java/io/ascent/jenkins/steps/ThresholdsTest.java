package io.ascent.jenkins.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.model.Result;
import io.ascent.jenkins.model.Reports;
import org.junit.jupiter.api.Test;

class ThresholdsTest {

    @Test
    void shouldFailOnFailuresAndBeUnstableOnWarningsByDefault() {
        Thresholds defaults = new Thresholds(Threshold.FAIL, Threshold.WARN);
        assertThat(defaults.resultFor(Reports.failing(1))).isEqualTo(Result.FAILURE);
        assertThat(defaults.resultFor(Reports.warningsOnly())).isEqualTo(Result.UNSTABLE);
        assertThat(defaults.resultFor(Reports.passing())).isEqualTo(Result.SUCCESS);
    }

    @Test
    void shouldCountBrokenInputAndABrokenEnvironmentAsFailures() {
        Thresholds defaults = new Thresholds(Threshold.FAIL, Threshold.NEVER);
        assertThat(defaults.resultFor(Reports.environmentFailed())).isEqualTo(Result.FAILURE);
        // mixed has one ERROR item besides its failure
        assertThat(Threshold.FAIL.isReachedBy(Reports.mixed())).isTrue();
    }

    @Test
    void shouldFailOnWarningsWhenAskedTo() {
        assertThat(new Thresholds(Threshold.WARN, Threshold.NEVER).resultFor(Reports.warningsOnly()))
                .isEqualTo(Result.FAILURE);
    }

    @Test
    void shouldOnlyMarkUnstableWhenFailOnIsNever() {
        Thresholds lenient = new Thresholds(Threshold.NEVER, Threshold.FAIL);
        assertThat(lenient.resultFor(Reports.failing(2))).isEqualTo(Result.UNSTABLE);
        assertThat(lenient.resultFor(Reports.warningsOnly())).isEqualTo(Result.SUCCESS);
        assertThat(new Thresholds(Threshold.NEVER, Threshold.NEVER).resultFor(Reports.failing(2)))
                .isEqualTo(Result.SUCCESS);
    }

    @Test
    void shouldNameTheAllowedValuesForAnUnknownThreshold() {
        assertThat(Threshold.of("warn")).isEqualTo(Threshold.WARN);
        assertThatThrownBy(() -> Threshold.of("FAIL")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'FAIL' is not one of fail, warn, never");
    }
}

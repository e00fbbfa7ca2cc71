package io.ascent.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RunBudgetTest {

    @Test
    void shouldInterruptTheRunWhenSpentAndClearTheInterruptOnClose() {
        boolean interrupted = false;
        try (RunBudget budget = RunBudget.start(Duration.ofMillis(200))) {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                interrupted = true;
            }
            assertThat(budget.expired()).isTrue();
            assertThat(budget.remaining().isNegative() || budget.remaining().isZero()).isTrue();
        }
        assertThat(interrupted).isTrue();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void shouldNeverInterruptAfterTheRunEnded() throws Exception {
        try (RunBudget budget = RunBudget.start(Duration.ofMillis(100))) {
            assertThat(budget.expired()).isFalse();
        }
        Thread.sleep(300);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void shouldParseWhatOperatorsWrite() {
        assertThat(RunBudget.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(RunBudget.parse("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(RunBudget.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(RunBudget.parse("PT2M")).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> RunBudget.parse("soon")).hasMessageContaining("90s, 10m, 1h or PT10M");
        assertThatThrownBy(() -> RunBudget.start(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}

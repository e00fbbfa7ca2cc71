package io.ascent.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void describesTheCountsWorstFirstAndOnlyThoseAboveZero() {
        Summary summary = new Summary(16, 10, 2, 3, 0, 1, 0, 0, 0);

        assertThat(summary.describe()).isEqualTo("2 failed, 1 error, 3 warnings, 10 passed of 16 items");
    }

    @Test
    void describesOneItemInTheSingular() {
        assertThat(new Summary(1, 0, 0, 0, 1, 0, 0, 0, 0).describe()).isEqualTo("1 skipped of 1 item");
    }

    @Test
    void describesAReportWithoutItemsAsNoItemsWithoutCountingThem() {
        assertThat(new Summary(0, 0, 0, 0, 0, 0, 0, 0, 0).describe()).isEqualTo("no items");
    }
}

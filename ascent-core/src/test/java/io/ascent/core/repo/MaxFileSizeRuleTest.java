package io.ascent.core.repo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How {@code repo.max-file-size} writes a size: each unit starts at exactly 1024 of the one below. */
class MaxFileSizeRuleTest {

    @Test
    void shouldWriteBytesBelowOneKibibyteAsBytes() {
        assertThat(MaxFileSizeRule.human(0)).isEqualTo("0 B");
        assertThat(MaxFileSizeRule.human(1023)).isEqualTo("1023 B");
    }

    @Test
    void shouldSwitchUnitExactlyAt1024() {
        assertThat(MaxFileSizeRule.human(1024)).isEqualTo("1.0 KiB");
        assertThat(MaxFileSizeRule.human(1536)).isEqualTo("1.5 KiB");
        assertThat(MaxFileSizeRule.human(1024L * 1024)).isEqualTo("1.0 MiB");
        assertThat(MaxFileSizeRule.human(5L * 1024 * 1024 * 1024)).isEqualTo("5.0 GiB");
    }

    @Test
    void shouldStopAtTebibytes() {
        assertThat(MaxFileSizeRule.human(1L << 40)).isEqualTo("1.0 TiB");
        assertThat(MaxFileSizeRule.human(1L << 50)).isEqualTo("1024.0 TiB");
    }
}

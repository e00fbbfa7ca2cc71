package io.ascent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ProvisionProgressTest {

    @Test
    void shouldShowTheElapsedTimeAsFivePlacesToATenthOfASecondRoundedHalfUp() {
        for (long millis : new long[] {0, 49, 50, 149, 150, 999, 1_000, 9_949, 9_950, 99_999, 123_456, 1_234_567}) {
            assertThat(ProvisionProgress.elapsed(Duration.ofMillis(millis))).as("%d ms", millis)
                    .isEqualTo(String.format(Locale.ROOT, "%5.1fs", millis / 1000.0));
        }
    }
}

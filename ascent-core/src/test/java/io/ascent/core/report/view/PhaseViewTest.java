package io.ascent.core.report.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.report.PhaseRecord;
import io.ascent.core.report.PhaseRecord.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhaseViewTest {

    private static final Instant T0 = Instant.parse("2026-11-30T01:00:00Z");

    private static PhaseRecord phase(String name, String parent, long startMillis, long millis, Outcome outcome) {
        return new PhaseRecord(name, parent, T0.plusMillis(startMillis), Duration.ofMillis(millis), outcome);
    }

    @Test
    void shouldPlaceEachPhaseByItsStartAndSizeItByItsDuration() {
        List<PhaseView> timeline = PhaseView.timeline(List.of(
                phase("preflight", null, 0, 1000, Outcome.COMPLETED),
                phase("cluster", null, 1000, 6000, Outcome.COMPLETED),
                phase("kind create cluster", "cluster", 1500, 5000, Outcome.COMPLETED),
                phase("deploy", null, 7000, 2500, Outcome.FAILED),
                phase("teardown", null, 9500, 500, Outcome.COMPLETED)));
        assertThat(timeline).extracting(PhaseView::getName, PhaseView::getOffset, PhaseView::getWidth)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("preflight", "0.0", "10.0"),
                        org.assertj.core.groups.Tuple.tuple("cluster", "10.0", "60.0"),
                        org.assertj.core.groups.Tuple.tuple("kind create cluster", "15.0", "50.0"),
                        org.assertj.core.groups.Tuple.tuple("deploy", "70.0", "25.0"),
                        org.assertj.core.groups.Tuple.tuple("teardown", "95.0", "5.0"));
        assertThat(timeline.get(2).isNested()).isTrue();
        assertThat(timeline.get(0).isNested()).isFalse();
        assertThat(timeline.get(3).getOutcome()).isEqualTo("failed");
        assertThat(timeline.get(1).getDuration()).isEqualTo("6.0 s");
        assertThat(timeline.get(4).getDuration()).isEqualTo("500 ms");
    }

    @Test
    void shouldKeepInstantPhasesVisibleAndInsideTheBar() {
        List<PhaseView> timeline = PhaseView.timeline(List.of(
                phase("checklist", null, 0, 0, Outcome.COMPLETED),
                phase("manifests", null, 0, 0, Outcome.INTERRUPTED)));
        assertThat(timeline).extracting(PhaseView::getWidth).containsOnly("0.5");
        assertThat(timeline.get(1).getOutcome()).isEqualTo("interrupted");
        assertThat(PhaseView.timeline(List.of())).isEmpty();
    }
}

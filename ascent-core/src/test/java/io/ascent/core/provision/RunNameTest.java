package io.ascent.core.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunNameTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-30T01:35:02.789Z"), ZoneOffset.UTC);

    @Test
    void shouldBeADnsLabelWithPrefixAndCreationTime() {
        RunName name = RunName.next(clock);

        assertThat(name.value()).matches("ascent-20261130-013502-[0-9a-z]{6}").hasSizeLessThanOrEqualTo(40);
        assertThat(name.createdAt()).isEqualTo(Instant.parse("2026-11-30T01:35:02Z"));
        assertThat(name.labels()).containsEntry(RunName.RUN_LABEL, name.value())
                .containsEntry(RunName.CREATED_LABEL, "20261130T013502Z");
    }

    @Test
    void shouldBeUniqueWithinOneSecond() {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            names.add(RunName.next(clock).value());
        }
        assertThat(names).hasSize(1000);
    }

    @Test
    void shouldReadBackOnlyNamesAscentGave() {
        RunName name = RunName.next(clock);

        assertThat(RunName.parse(name.value())).contains(name);
        assertThat(RunName.parse("ascent-dev")).isEmpty();
        assertThat(RunName.parse("ascent-20261130-013502-K3F9QZ")).isEmpty();
        assertThat(RunName.parse("ascent-20261399-013502-k3f9qz")).isEmpty();
        assertThat(RunName.parse("my-ascent-20261130-013502-k3f9qz")).isEmpty();
        assertThat(RunName.parseCreatedLabel("20261130T013502Z")).contains(Instant.parse("2026-11-30T01:35:02Z"));
        assertThat(RunName.parseCreatedLabel("yesterday")).isEmpty();
    }
}

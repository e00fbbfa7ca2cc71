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

    @Test
    void shouldStartANamespacesNameWithTheChecklistsPrefix() {
        RunName dashed = RunName.next(clock, "team-a-");
        RunName bare = RunName.next(clock, "team-a");

        assertThat(dashed.value()).matches("team-a-20261130-013502-[0-9a-z]{6}");
        assertThat(bare.value()).matches("team-a-20261130-013502-[0-9a-z]{6}");
        String longest = "a".repeat(RunName.MAX_PREFIX - 1);
        assertThat(RunName.next(clock, longest).value()).hasSize(63);
    }

    @Test
    void shouldRefuseAPrefixThatCannotStartANamespaceName() {
        for (String bad : new String[] {"Team-", "1team-", "team--", "team_a", "", "a".repeat(RunName.MAX_PREFIX)}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunName.next(clock, bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void shouldReadALabelledNameWithAnyPrefixButAClusterNameOnlyWithAscents() {
        RunName prefixed = RunName.next(clock, "team-a");

        assertThat(RunName.parseLabelled(prefixed.value())).contains(prefixed);
        assertThat(RunName.parseLabelled(RunName.next(clock).value())).isPresent();
        assertThat(RunName.parse(prefixed.value())).isEmpty();
        assertThat(RunName.parseLabelled("my-own-run")).isEmpty();
        assertThat(RunName.parseLabelled("team-a-20261399-013502-k3f9qz")).isEmpty();
        assertThat(RunName.parseLabelled("-team-20261130-013502-k3f9qz")).isEmpty();
        assertThat(RunName.parseLabelled("a".repeat(RunName.MAX_PREFIX) + "-20261130-013502-k3f9qz")).isEmpty();
    }

    @Test
    void shouldStartEveryWorkFolderWithAscentsMarkAndReadTheRunBackWhateverItsPrefix() {
        RunName prefixed = RunName.next(clock, "hello-web");
        RunName plain = RunName.next(clock);

        assertThat(prefixed.workFolderPrefix()).isEqualTo("ascent-work." + prefixed.value() + "-");
        assertThat(RunName.parseWorkFolder("ascent-work." + prefixed.value())).contains(prefixed);
        assertThat(RunName.parseWorkFolder("ascent-work." + plain.value())).contains(plain);
        assertThat(RunName.parseWorkFolder(prefixed.value())).as("no mark").isEmpty();
        assertThat(RunName.parseWorkFolder("ascent-work-" + prefixed.value())).isEmpty();
        assertThat(RunName.parseWorkFolder("ascent-work.my-notes")).isEmpty();
        assertThat(RunName.parseWorkFolder(null)).isEmpty();
    }
}

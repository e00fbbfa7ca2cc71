package io.ascent.core.provision.gc;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.GcOptions;
import io.ascent.core.progress.ProgressListener;
import io.ascent.core.provision.command.CommandResult;
import io.ascent.core.provision.command.CommandRunner;
import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import io.ascent.core.report.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What {@code ascent gc} says about kind clusters when it cannot look for them; no kind or cluster needed. */
class GarbageCollectorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void shouldSkipKindClustersWithTheReasonWhenKindIsNotInstalled() {
        CommandRunner noKind = (argv, environment, timeout) -> CommandResult.notInstalled(argv);

        Report report = new GarbageCollector(CLOCK, noKind, "/opt/kind/bin/kind").run(
                new GcOptions(Duration.ofHours(2), false, Optional.empty(), Optional.empty()), ProgressListener.SILENT);

        assertThat(report.items()).singleElement().satisfies(item -> {
            assertThat(item.id()).isEqualTo(GarbageCollector.CLUSTER_ID);
            assertThat(item.status()).isEqualTo(Status.SKIP);
            assertThat(item.message()).isEqualTo("'/opt/kind/bin/kind' is not installed: kind clusters were not "
                    + "looked for");
            assertThat(item.remediation()).contains("ASCENT_KIND");
        });
    }

    @Test
    void shouldReportNothingWhenKindListsNoClusterOfAscent() {
        CommandRunner kind = (argv, environment, timeout) -> CommandResult.exited(argv, 0, "team-cluster\n", "");

        Report report = new GarbageCollector(CLOCK, kind, "kind").run(
                new GcOptions(Duration.ofHours(2), false, Optional.empty(), Optional.empty()), ProgressListener.SILENT);

        assertThat(report.items()).extracting(Item::status).doesNotContain(Status.SKIP, Status.FAIL);
    }
}

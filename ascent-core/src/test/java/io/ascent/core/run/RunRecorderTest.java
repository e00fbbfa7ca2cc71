package io.ascent.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ascent.core.progress.ProgressListener;
import io.ascent.core.report.ErrorKind;
import io.ascent.core.report.Item;
import io.ascent.core.report.LogEntry;
import io.ascent.core.report.PhaseRecord;
import io.ascent.core.report.PhaseRecord.Outcome;
import io.ascent.core.report.Report;
import io.ascent.core.report.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunRecorderTest {
    private static final Instant NOW = Instant.parse("2026-11-30T01:00:00Z");
    private final List<String> heard = new ArrayList<>();
    private final RunRecorder run = new RunRecorder("app", new Recording(heard), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldRecordNestedPhasesInStartOrderAndForwardThemToTheListener() {
        try (Phase deploy = run.phase("deploy")) {
            try (Phase wait = run.phase("wait")) {
                run.info("waiting for web");
            }
        }

        Report report = run.report();
        assertThat(report.phases()).extracting(PhaseRecord::name, PhaseRecord::parent, PhaseRecord::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("deploy", null, Outcome.COMPLETED),
                        org.assertj.core.groups.Tuple.tuple("wait", "deploy", Outcome.COMPLETED));
        assertThat(report.phases().get(0).startedAt()).isEqualTo(NOW);
        assertThat(heard).containsExactly("start deploy", "start wait", "INFO waiting for web", "end wait",
                "end deploy");
        assertThat(report.log()).containsExactly(new LogEntry(LogEntry.Level.INFO, "waiting for web"));
    }

    @Test
    void shouldRecordAPhaseOnceWhenClosedTwice() {
        Phase phase = run.phase("clone");
        phase.failed();
        phase.close();
        phase.close();

        assertThat(run.report().phases()).singleElement()
                .satisfies(p -> assertThat(p.outcome()).isEqualTo(Outcome.FAILED));
        assertThat(heard).containsExactly("start clone", "end clone");
    }

    @Test
    void shouldMarkAPhaseInterruptedWhenItsWorkIsInterrupted() {
        assertThatThrownBy(() -> run.inPhase("deploy", () -> {
            throw new InterruptedException("cancelled");
        })).isInstanceOf(InterruptedException.class);
        assertThatThrownBy(() -> run.inPhase("tests", () -> {
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(run.report().phases()).extracting(PhaseRecord::outcome)
                .containsExactly(Outcome.INTERRUPTED, Outcome.FAILED);
    }

    @Test
    void shouldEndOpenPhasesAsInterruptedInAnInterruptedRunsReport() {
        run.phase("deploy");
        run.phase("wait");
        run.item(Item.builder("deploy.web", "web rolls out").build());
        run.interrupted();

        Report report = run.report();

        assertThat(report.interrupted()).isTrue();
        assertThat(report.verdict()).isEqualTo(Verdict.INTERRUPTED);
        assertThat(report.items()).hasSize(1);
        assertThat(report.phases()).extracting(PhaseRecord::outcome)
                .containsExactly(Outcome.INTERRUPTED, Outcome.INTERRUPTED);
        assertThat(heard).containsSubsequence("end wait", "end deploy");
    }

    @Test
    void shouldRunTeardownWithTheInterruptFlagClearedAndSetItAgainAfterwards() throws InterruptedException {
        boolean[] flagDuringTeardown = new boolean[1];
        Thread.currentThread().interrupt();
        try {
            run.inPhaseUninterruptibly("teardown",
                    () -> flagDuringTeardown[0] = Thread.currentThread().isInterrupted());
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(flagDuringTeardown[0]).isFalse();
        assertThat(run.report().phases()).singleElement()
                .satisfies(p -> assertThat(p.outcome()).isEqualTo(Outcome.COMPLETED));
    }

    @Test
    void shouldMakeTheVerdictAnEnvironmentErrorWhenTheEnvironmentFails() {
        run.item(Item.builder("preflight.docker", "docker answers").build());
        run.environmentFailed("no docker daemon answers at /var/run/docker.sock");

        Report report = run.report();

        assertThat(report.verdict()).isEqualTo(Verdict.ENVIRONMENT_ERROR);
        assertThat(report.log()).containsExactly(new LogEntry(LogEntry.Level.ERROR,
                "no docker daemon answers at /var/run/docker.sock"));
    }

    @Test
    void shouldPassItemsThroughAMappingSink() {
        RunSink mapped = run.mappingItems(item -> Item.builder(item.id(), item.title())
                .error(ErrorKind.ENVIRONMENT, "mapped").build());
        mapped.item(Item.builder("x", "X").build());

        assertThat(run.report().items()).singleElement()
                .satisfies(item -> assertThat(item.isError(ErrorKind.ENVIRONMENT)).isTrue());
    }

    private record Recording(List<String> heard) implements ProgressListener {
        @Override
        public void phaseStarted(String phase) {
            heard.add("start " + phase);
        }

        @Override
        public void phaseFinished(String phase, Duration elapsed) {
            heard.add("end " + phase);
        }

        @Override
        public void info(String message) {
            heard.add("info " + message);
        }

        @Override
        public void log(LogEntry.Level level, String message) {
            heard.add(level + " " + message);
        }
    }
}

package io.ascent.core.run;

import io.ascent.core.progress.ProgressListener;
import io.ascent.core.report.Redaction;
import io.ascent.core.report.Item;
import io.ascent.core.report.LogEntry;
import io.ascent.core.report.PhaseRecord;
import io.ascent.core.report.Report;
import io.ascent.core.report.ReportHeader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Records one run: the {@link RunSink} its steps write to, kept for the {@link Report} and forwarded to a
 * {@link ProgressListener} as it happens. Validation and provisioning both run through one, so their reports have
 * the same shape. Thread-safe.
 *
 * <p>A run of phases, as the provisioner does it:
 * <pre>{@code
 * RunRecorder run = new RunRecorder(subject, progress, clock);
 * try {
 *     run.inPhase("preflight", () -> preflight.check(run));       // items, log lines, nested phases
 *     try (Phase cluster = run.phase("cluster")) {
 *         if (!driver.create(request, run)) {
 *             cluster.failed();
 *             run.environmentFailed("kind could not create the cluster");
 *         }
 *     }
 * } catch (InterruptedException e) {
 *     run.interrupted();                      // the report says so; open phases end INTERRUPTED
 *     Thread.currentThread().interrupt();
 * } finally {
 *     run.inPhaseUninterruptibly("teardown", () -> driver.delete(cluster, run));
 * }
 * return run.report();
 * }</pre>
 */
public final class RunRecorder implements RunSink {
    private final ProgressListener progress;
    private final Clock clock;
    private final Report.Builder report;
    private final List<Phase> phases = new ArrayList<>();
    private final List<Phase> open = new ArrayList<>();
    private boolean interrupted;

    /**
     * @param subject  what the run is about (a directory, a repository), as the user named it
     * @param progress receives everything as it happens
     * @param clock    gives the phases' start and the report's time
     */
    public RunRecorder(String subject, ProgressListener progress, Clock clock) {
        this.report = Report.builder(Objects.requireNonNull(subject, "subject"));
        this.progress = Objects.requireNonNull(progress, "progress");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Work done inside a phase. */
    @FunctionalInterface
    public interface PhaseWork {
        void run() throws InterruptedException;
    }

    @Override
    public synchronized void item(Item item) {
        report.add(item);
        // Progress is printed as it happens (a build log), before any Report exists: redact here too.
        progress.item(Redaction.redact(item));
    }

    @Override
    public synchronized void log(LogEntry.Level level, String message) {
        report.log(level, message);
        progress.log(level, Redaction.redact(message));
    }

    @Override
    public synchronized Phase phase(String name) {
        Phase phase = new Phase(this, name, open.isEmpty() ? null : open.get(open.size() - 1).name(),
                clock.instant());
        phases.add(phase);
        open.add(phase);
        progress.phaseStarted(name);
        return phase;
    }

    synchronized void ended(Phase phase, PhaseRecord record) {
        open.remove(phase);
        progress.phaseFinished(phase.name(), record.duration());
    }

    /**
     * Runs {@code work} in a phase: INTERRUPTED when it throws {@link InterruptedException}, FAILED when it throws
     * anything else (which propagates), COMPLETED otherwise.
     */
    public void inPhase(String name, PhaseWork work) throws InterruptedException {
        Phase phase = phase(name);
        try {
            work.run();
        } catch (InterruptedException e) {
            phase.interrupted();
            throw e;
        } catch (RuntimeException | Error e) {
            phase.failed();
            throw e;
        } finally {
            phase.close();
        }
    }

    /**
     * Cleanup that must run even when the run was cancelled (teardown): the interrupt flag is cleared while
     * {@code work} runs and set again afterwards, so blocking calls inside it are not cut short.
     */
    public void inPhaseUninterruptibly(String name, PhaseWork work) throws InterruptedException {
        boolean wasInterrupted = Thread.interrupted();
        try {
            inPhase(name, work);
        } finally {
            if (wasInterrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public synchronized void environmentFailed(String reason) {
        report.environmentFailed();
        log(LogEntry.Level.ERROR, reason);
    }

    /** Marks the run cancelled: the report is partial and its verdict {@code INTERRUPTED}. */
    public synchronized void interrupted() {
        interrupted = true;
    }

    public synchronized boolean isInterrupted() {
        return interrupted;
    }

    /** What the run is about, when it is known only later (a clone's subject). */
    public synchronized void subject(String subject) {
        report.subject(subject);
    }

    /** The checklist's path relative to the repository root, once read. */
    public synchronized void checklist(String path) {
        report.checklist(path);
    }

    /** Keeps source lines around findings for the report. */
    public synchronized void excerpts(List<io.ascent.core.report.SourceExcerpt> excerpts) {
        report.excerpts(excerpts);
    }

    /** Which repository, commit and target version the run judges, as far as known. */
    public synchronized void header(java.util.function.UnaryOperator<ReportHeader> change) {
        report.header(change.apply(report.header()));
    }

    /**
     * Takes back items that later work contradicts, such as a rule's summary PASS once the same rule reports a
     * problem at the end of the run. The report keeps its order; a listener that saw the item as it happened is not
     * told (none prints items as they come).
     */
    public synchronized void withdraw(java.util.function.Predicate<Item> which) {
        report.remove(which);
    }

    /** The items so far. */
    public synchronized List<Item> items() {
        return report.items();
    }

    /**
     * The report of the run so far. Phases still open are ended: INTERRUPTED when the run was cancelled, FAILED
     * otherwise (nothing closed them).
     */
    public Report report() {
        List<Phase> unfinished;
        synchronized (this) {
            unfinished = new ArrayList<>(open);
        }
        for (int i = unfinished.size() - 1; i >= 0; i--) {
            unfinished.get(i).end(isInterrupted() ? PhaseRecord.Outcome.INTERRUPTED : PhaseRecord.Outcome.FAILED);
        }
        synchronized (this) {
            Report built = report.createdAt(clock.instant()).build();
            List<PhaseRecord> records = new ArrayList<>();
            phases.forEach(phase -> records.add(phase.record()));
            return new Report(built.subject(), built.checklist(), built.createdAt(), built.items(), built.log(),
                    built.environmentFailed(), records, interrupted, built.header(), built.failOn(), built.excerpts());
        }
    }
}

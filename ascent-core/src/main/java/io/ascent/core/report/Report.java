package io.ascent.core.report;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The result of one Ascent run: what was checked, every item, diagnostics, and the verdict. No text in a report
 * holds a secret the secret scan would recognise: the constructor redacts them.
 *
 * @param subject     what was checked, as the user named it (a directory or repository)
 * @param checklist   the checklist's path relative to the repository root, or {@code null} when none was read
 * @param createdAt   when the run finished
 * @param items       every item, in the order the checks produced them
 * @param log         diagnostics that are not items
 * @param environmentFailed whether the environment could not run the work (verdict {@link Verdict#ENVIRONMENT_ERROR})
 * @param phases      the run's phases in the order they started, each with its start, duration and outcome
 * @param interrupted whether the run was cancelled before it finished, so the report is partial
 * @param header      which repository, commit and target version the run judged
 * @param failOn      what fails the run: errors only (the default) or warnings too
 * @param excerpts    source lines around findings, when the run was asked to keep them (HTML report, Jenkins page)
 * @param interruptedStatus the exit status of an interrupted run, as the process ends with it: 128 plus the number
 *                    of the signal that stopped it ({@value #INTERRUPTED_BY_SIGTERM} for SIGTERM), else
 *                    {@link Verdict#INTERRUPTED}'s 130 (Ctrl-C, or a run cancelled inside its JVM)
 */
public record Report(
        String subject,
        String checklist,
        Instant createdAt,
        List<Item> items,
        List<LogEntry> log,
        boolean environmentFailed,
        List<PhaseRecord> phases,
        boolean interrupted,
        ReportHeader header,
        FailOn failOn,
        List<SourceExcerpt> excerpts,
        int interruptedStatus) implements Serializable {

    /** Version of the report's JSON form; bumped on any incompatible change. */
    public static final String FORMAT_VERSION = "2";
    /** The status of a process SIGTERM stopped: 128 + 15. */
    public static final int INTERRUPTED_BY_SIGTERM = 143;

    /** Every text is redacted here ({@link Redaction}), however the report was made, before anything renders it. */
    public Report {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(createdAt, "createdAt");
        subject = Redaction.redact(subject);
        checklist = Redaction.redact(checklist);
        items = items.stream().map(Redaction::redact).toList();
        log = log.stream().map(Redaction::redact).toList();
        phases = List.copyOf(phases);
        header = header == null ? ReportHeader.NONE : header;
        failOn = failOn == null ? FailOn.ERROR : failOn;
        excerpts = excerpts == null ? List.of() : excerpts.stream().map(Redaction::redact).toList();
        // 129..255: a signal's status; anything else is no signal's, and the interrupted verdict's own 130 stands
        interruptedStatus = interruptedStatus > 128 && interruptedStatus < 256 ? interruptedStatus
                : Verdict.INTERRUPTED.exitStatus();
    }

    /** A report of a run no signal stopped. */
    public Report(String subject, String checklist, Instant createdAt, List<Item> items, List<LogEntry> log,
            boolean environmentFailed, List<PhaseRecord> phases, boolean interrupted, ReportHeader header,
            FailOn failOn, List<SourceExcerpt> excerpts) {
        this(subject, checklist, createdAt, items, log, environmentFailed, phases, interrupted, header, failOn,
                excerpts, Verdict.INTERRUPTED.exitStatus());
    }

    /** A report without source excerpts. */
    public Report(String subject, String checklist, Instant createdAt, List<Item> items, List<LogEntry> log,
            boolean environmentFailed, List<PhaseRecord> phases, boolean interrupted, ReportHeader header,
            FailOn failOn) {
        this(subject, checklist, createdAt, items, log, environmentFailed, phases, interrupted, header, failOn,
                List.of());
    }

    /** A report without a header that fails on errors only. */
    public Report(String subject, String checklist, Instant createdAt, List<Item> items, List<LogEntry> log,
            boolean environmentFailed, List<PhaseRecord> phases, boolean interrupted) {
        this(subject, checklist, createdAt, items, log, environmentFailed, phases, interrupted, ReportHeader.NONE,
                FailOn.ERROR);
    }

    /** The excerpt that shows {@code location}'s line, if the report kept one. */
    public java.util.Optional<SourceExcerpt> excerpt(Location location) {
        if (location == null || !location.hasLine()) {
            return java.util.Optional.empty();
        }
        return excerpts.stream().filter(excerpt -> excerpt.shows(location.path(), location.line())).findFirst();
    }

    /** This report with {@code more} excerpts kept. */
    public Report withExcerpts(List<SourceExcerpt> more) {
        return new Report(subject, checklist, createdAt, items, log, environmentFailed, phases, interrupted, header,
                failOn, more, interruptedStatus);
    }

    /** A report without phases that ran to its end. */
    public Report(String subject, String checklist, Instant createdAt, List<Item> items, List<LogEntry> log,
            boolean environmentFailed) {
        this(subject, checklist, createdAt, items, log, environmentFailed, List.of(), false);
    }

    /** This report judged with {@code failOn}: what gates, the verdict and the exit status follow it. */
    public Report failingOn(FailOn failOn) {
        return new Report(subject, checklist, createdAt, items, log, environmentFailed, phases, interrupted, header,
                failOn, excerpts, interruptedStatus);
    }

    /** This report under another subject (the name the user gave instead of an absolute path). */
    public Report withSubject(String subject) {
        return new Report(subject, checklist, createdAt, items, log, environmentFailed, phases, interrupted, header,
                failOn, excerpts, interruptedStatus);
    }

    /**
     * This report with {@code naming} applied to every text that may name a file of the run: the subject, the
     * checklist, each item's message, location and remediation, the log and the excerpts' paths. The resident
     * engine uses it to name the paths it resolved as the user wrote them ({@code io.ascent.cli.PathNames}).
     */
    public Report withTextsNamed(java.util.function.UnaryOperator<String> naming) {
        List<Item> named = items.stream().map(item -> {
            Location location = item.location();
            return new Item(item.id(), item.title(), item.status(), item.severity(), naming.apply(item.message()),
                    location == null ? null : new Location(naming.apply(location.path()), location.line(),
                            location.column()),
                    item.remediation() == null ? null : naming.apply(item.remediation()), item.duration(),
                    item.waiver(), item.key(), item.errorKind());
        }).toList();
        return new Report(naming.apply(subject), checklist == null ? null : naming.apply(checklist), createdAt, named,
                log.stream().map(entry -> new LogEntry(entry.level(), naming.apply(entry.message()))).toList(),
                environmentFailed, phases, interrupted, header, failOn,
                excerpts.stream().map(excerpt -> new SourceExcerpt(naming.apply(excerpt.path()), excerpt.firstLine(),
                        excerpt.lines())).toList(), interruptedStatus);
    }

    /**
     * This report of a run a signal stopped, ending with {@code status} (128 plus the signal's number), so that
     * what it says and what the process ends with agree. A report that was not interrupted is returned as it is.
     */
    public Report interruptedWith(int status) {
        return interrupted ? new Report(subject, checklist, createdAt, items, log, environmentFailed, phases,
                interrupted, header, failOn, excerpts, status) : this;
    }

    /**
     * The exit status of the run: the verdict's, and for an interrupted run the status the signal that stopped it
     * gives ({@link #interruptedStatus}).
     */
    public int exitStatus() {
        Verdict verdict = verdict();
        return verdict == Verdict.INTERRUPTED ? interruptedStatus : verdict.exitStatus();
    }

    public Summary summary() {
        return Summary.of(items);
    }

    /** The counts of each check (by item id), in the order of the ids. */
    public SortedMap<String, Summary> summaryByCheck() {
        Map<String, List<Item>> byId = new TreeMap<>();
        for (Item item : items) {
            byId.computeIfAbsent(item.id(), id -> new ArrayList<>()).add(item);
        }
        SortedMap<String, Summary> counts = new TreeMap<>();
        byId.forEach((id, list) -> counts.put(id, Summary.of(list)));
        return counts;
    }

    /**
     * An interrupted run is {@link Verdict#INTERRUPTED} whatever it found (it is partial); then Ascent's own bugs
     * come first, then environment failures (nothing else is trustworthy then), then broken input, then failures.
     */
    public Verdict verdict() {
        if (interrupted) {
            return Verdict.INTERRUPTED;
        }
        boolean environment = environmentFailed;
        boolean input = false;
        boolean failed = false;
        for (Item item : items) {
            if (item.isError(ErrorKind.INTERNAL)) {
                return Verdict.INTERNAL_ERROR;
            }
            environment |= item.isError(ErrorKind.ENVIRONMENT);
            input |= item.isError(ErrorKind.INPUT);
            failed |= failOn.gates(item.status()) && item.status() != Status.ERROR;
        }
        if (environment) {
            return Verdict.ENVIRONMENT_ERROR;
        }
        if (input) {
            return Verdict.INVALID_INPUT;
        }
        return failed ? Verdict.FAILED : Verdict.PASSED;
    }

    /** The items that fail the build: failures and errors, and warnings when {@link #failOn()} says so. */
    public List<Item> gatingItems() {
        return items.stream().filter(this::isGating).toList();
    }

    /** Whether {@code item} fails the build under this report's {@link #failOn()}. */
    public boolean isGating(Item item) {
        return failOn.gates(item.status());
    }

    public static Builder builder(String subject) {
        return new Builder(subject);
    }

    /** Collects items while checks run; not thread-safe (a {@code RunRecorder} guards one). */
    public static final class Builder {
        private String subject;
        private String checklist;
        private final List<Item> items = new ArrayList<>();
        private final List<LogEntry> log = new ArrayList<>();
        private final List<PhaseRecord> phases = new ArrayList<>();
        private boolean environmentFailed;
        private boolean interrupted;
        private Instant createdAt;
        private final List<SourceExcerpt> excerpts = new ArrayList<>();
        private ReportHeader header = ReportHeader.NONE;

        private Builder(String subject) {
            this.subject = subject;
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Builder checklist(String checklist) {
            this.checklist = checklist;
            return this;
        }

        public Builder header(ReportHeader header) {
            this.header = header;
            return this;
        }

        public ReportHeader header() {
            return header;
        }

        public Builder add(Item item) {
            items.add(item);
            return this;
        }

        public Builder addAll(List<Item> more) {
            items.addAll(more);
            return this;
        }

        /** Takes back the items that later work contradicted (a summary PASS whose problems came later). */
        public Builder remove(java.util.function.Predicate<Item> which) {
            items.removeIf(which);
            return this;
        }

        public Builder info(String message) {
            return log(LogEntry.Level.INFO, message);
        }

        public Builder log(LogEntry.Level level, String message) {
            log.add(new LogEntry(level, message));
            return this;
        }

        public Builder phase(PhaseRecord phase) {
            phases.add(phase);
            return this;
        }

        /** Marks the report partial: the run was cancelled. */
        public Builder interrupted() {
            this.interrupted = true;
            return this;
        }

        /** When the run finished; now when not set. */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Builder error(String message) {
            log.add(new LogEntry(LogEntry.Level.ERROR, message));
            return this;
        }

        public Builder environmentFailed() {
            this.environmentFailed = true;
            return this;
        }

        public List<Item> items() {
            return List.copyOf(items);
        }

        /** Keeps source lines around findings. */
        public Builder excerpts(List<SourceExcerpt> more) {
            excerpts.addAll(more);
            return this;
        }

        public Report build() {
            return new Report(subject, checklist, createdAt == null ? Instant.now() : createdAt, items, log,
                    environmentFailed, phases, interrupted, header, FailOn.ERROR, excerpts);
        }
    }
}

package io.ascent.core.report.view;

import io.ascent.core.report.Item;
import io.ascent.core.report.LogEntry;
import io.ascent.core.report.Report;
import io.ascent.core.report.Status;
import io.ascent.core.report.Summary;
import io.ascent.core.report.Verdict;
import io.ascent.core.report.Waiver;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A whole report as a page shows it: the verdict and counts, every item grouped by status (what needs action first)
 * and then by file with the source lines around each finding, the checks for a filter, the waivers with their
 * expiry, the phases as a timeline, and the log.
 */
public final class ReportView {
    /** The order of a page: what needs action first, what passed last. */
    public static final List<Status> ORDER = List.of(Status.FAIL, Status.ERROR, Status.WARN, Status.INFO,
            Status.BASELINED, Status.WAIVED, Status.SKIP, Status.PASS);

    private final Report report;

    private ReportView(Report report) {
        this.report = report;
    }

    /** The view of {@code report}; cheap, everything is computed when asked. */
    public static ReportView of(Report report) {
        return new ReportView(report);
    }

    public String getSubject() {
        return Shown.line(report.subject());
    }

    /** The checklist's path, or empty when none was read. */
    public String getChecklist() {
        return Shown.line(report.checklist());
    }

    /** The repository judged (its remote without credentials, or its folder), or empty. */
    public String getRepository() {
        return Shown.line(report.header().repository());
    }

    /** The commit judged, shortened to 12 hex digits, or empty when the run read none ({@code --no-git}). */
    public String getCommit() {
        String commit = report.header().commit();
        return commit == null ? "" : Shown.line(commit.length() > 12 ? commit.substring(0, 12) : commit);
    }

    /** The target Kubernetes version, or empty. */
    public String getKubernetesVersion() {
        return Shown.line(report.header().kubernetesVersion());
    }

    /** What gates the run: {@code error} (the default) or {@code warning}. */
    public String getFailOn() {
        return report.failOn().label();
    }

    /** When the run finished, ISO-8601 in UTC. */
    public String getCreatedAt() {
        return report.createdAt().toString();
    }

    /** {@code PASSED}, {@code FAILED}, {@code INVALID INPUT}, ... */
    public String getVerdict() {
        return report.verdict().name().replace('_', ' ');
    }

    /** {@code passed}, {@code failed}, {@code invalid-input}, ...: for CSS classes. */
    public String getVerdictClass() {
        return report.verdict().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public int getExitStatus() {
        return report.exitStatus();
    }

    public boolean isPassed() {
        return report.verdict() == Verdict.PASSED;
    }

    /** Whether the run was cancelled, so the items are partial. */
    public boolean isInterrupted() {
        return report.interrupted();
    }

    /** For instance {@code 2 failed, 1 error, 3 warnings, 10 passed of 16 items}. */
    public String getHeadline() {
        return headline(report.summary(), report.environmentFailed());
    }

    /** The headline of counts alone (a build record keeps only them), said as every form says it. */
    public static String headline(Summary s, boolean environmentFailed) {
        return (environmentFailed ? "the environment could not run every check, " : "") + s.describe();
    }

    /** One group per status that has items, in {@link #ORDER}; within it one group per file, in report order. */
    public List<StatusGroup> getGroups() {
        List<StatusGroup> groups = new ArrayList<>();
        for (Status status : ORDER) {
            Map<String, List<ItemView>> byFile = new LinkedHashMap<>();
            for (Item item : report.items()) {
                if (item.status() == status) {
                    String file = item.location() == null ? "" : item.location().path();
                    byFile.computeIfAbsent(file, f -> new ArrayList<>())
                            .add(new ItemView(item, report.excerpt(item.location())));
                }
            }
            if (!byFile.isEmpty()) {
                List<FileGroup> files = new ArrayList<>();
                byFile.forEach((file, items) -> files.add(new FileGroup(file, items)));
                groups.add(new StatusGroup(status, files));
            }
        }
        return groups;
    }

    /** Every status that has items, in {@link #ORDER}, with its count: for the filter by status. */
    public List<StatusCount> getStatuses() {
        Summary summary = report.summary();
        return ORDER.stream().filter(status -> summary.count(status) > 0)
                .map(status -> new StatusCount(status, summary.count(status))).toList();
    }

    /** Every check with items, sorted by id: for the filter by check. */
    public List<CheckCount> getChecks() {
        Map<String, int[]> counts = new TreeMap<>();
        for (Item item : report.items()) {
            int[] count = counts.computeIfAbsent(item.id(), id -> new int[2]);
            count[0]++;
            if (item.status().isGating() || item.status() == Status.WARN) {
                count[1]++;
            }
        }
        List<CheckCount> checks = new ArrayList<>();
        counts.forEach((id, count) -> checks.add(new CheckCount(id, count[0], count[1])));
        return checks;
    }

    /** The waivers that excused findings in this run, soonest expiry first. */
    public List<WaiverView> getWaivers() {
        Map<Waiver, Set<String>> checks = new LinkedHashMap<>();
        Map<Waiver, Integer> counts = new LinkedHashMap<>();
        for (Item item : report.items()) {
            if (item.waiver() != null) {
                checks.computeIfAbsent(item.waiver(), w -> new LinkedHashSet<>()).add(item.id());
                counts.merge(item.waiver(), 1, Integer::sum);
            }
        }
        LocalDate today = report.createdAt().atZone(ZoneOffset.UTC).toLocalDate();
        List<WaiverView> waivers = new ArrayList<>();
        checks.forEach((waiver, ids) -> waivers.add(new WaiverView(waiver, today, List.copyOf(ids),
                counts.get(waiver))));
        waivers.sort(java.util.Comparator.comparing(WaiverView::getExpires));
        return waivers;
    }

    /** The run's phases as a timeline (for provisioning: preflight, cluster, deploy, tests, teardown). */
    public List<PhaseView> getPhases() {
        return PhaseView.timeline(report.phases());
    }

    /** Diagnostics that are not items, such as the target version used; DEBUG lines left out. */
    public List<String> getLog() {
        return report.log().stream().filter(entry -> entry.level() != LogEntry.Level.DEBUG)
                .map(entry -> switch (entry.level()) {
                    case ERROR -> "error: " + Shown.text(entry.message());
                    case WARN -> "warning: " + Shown.text(entry.message());
                    default -> Shown.text(entry.message());
                }).toList();
    }
}

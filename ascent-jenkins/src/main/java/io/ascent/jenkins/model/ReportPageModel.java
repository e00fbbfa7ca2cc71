package io.ascent.jenkins.model;

import io.ascent.core.report.Item;
import io.ascent.core.report.LogEntry;
import io.ascent.core.report.Report;
import io.ascent.core.report.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The full report page: every item, grouped by status (worst first) and then by file, the run's phases as a timeline,
 * and the report's log.
 */
public final class ReportPageModel {

    /** The order of the page: what needs action first. */
    static final List<Status> ORDER = List.of(Status.FAIL, Status.ERROR, Status.WARN, Status.INFO, Status.WAIVED,
            Status.SKIP, Status.PASS);

    private final Report report;

    ReportPageModel(Report report) {
        this.report = report;
    }

    public String getSubject() {
        return report.subject();
    }

    public String getChecklist() {
        return report.checklist() == null ? "" : report.checklist();
    }

    public String getHeadline() {
        return SummaryModel.headline(report.summary(), report.environmentFailed());
    }

    /** One group per status that has items. */
    public List<StatusGroup> getGroups() {
        List<StatusGroup> groups = new ArrayList<>();
        for (Status status : ORDER) {
            Map<String, List<ItemView>> byFile = new LinkedHashMap<>();
            for (Item item : report.items()) {
                if (item.status() == status) {
                    String file = item.location() == null ? "" : item.location().path();
                    byFile.computeIfAbsent(file, f -> new ArrayList<>()).add(new ItemView(item));
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

    /** The run's phases as a timeline (for provisioning: preflight, cluster, deploy, tests, teardown). */
    public List<PhaseView> getPhases() {
        return PhaseView.timeline(report.phases());
    }

    /** Whether the run was cancelled, so the items are partial. */
    public boolean isInterrupted() {
        return report.interrupted();
    }

    /** Diagnostics that are not items, such as the target version used. */
    public List<String> getLog() {
        return report.log().stream().filter(entry -> entry.level() != LogEntry.Level.DEBUG)
                .map(entry -> switch (entry.level()) {
                    case ERROR -> "error: " + entry.message();
                    case WARN -> "warning: " + entry.message();
                    default -> entry.message();
                }).toList();
    }

    /** Items of one status. */
    public static final class StatusGroup {
        private final Status status;
        private final List<FileGroup> files;

        StatusGroup(Status status, List<FileGroup> files) {
            this.status = status;
            this.files = List.copyOf(files);
        }

        public String getStatus() {
            return status.label();
        }

        public int getCount() {
            return files.stream().mapToInt(file -> file.getItems().size()).sum();
        }

        public List<FileGroup> getFiles() {
            return files;
        }
    }

    /** Items of one status in one file; the path is empty for items about no file. */
    public static final class FileGroup {
        private final String path;
        private final List<ItemView> items;

        FileGroup(String path, List<ItemView> items) {
            this.path = path;
            this.items = List.copyOf(items);
        }

        public String getPath() {
            return path;
        }

        public List<ItemView> getItems() {
            return items;
        }
    }
}

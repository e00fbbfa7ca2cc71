package io.ascent.core.report.view;

import io.ascent.core.report.Status;
import java.util.List;

/** Every item of one status, by file. */
public final class StatusGroup {
    private final Status status;
    private final List<FileGroup> files;

    StatusGroup(Status status, List<FileGroup> files) {
        this.status = status;
        this.files = List.copyOf(files);
    }

    /** {@code fail}, {@code warn}, ... */
    public String getStatus() {
        return status.label();
    }

    /** {@code FAIL}, {@code WARN}, ... */
    public String getLabel() {
        return status.name();
    }

    /** Whether these items need someone's attention (pages show them unfolded). */
    public boolean isProblem() {
        return status == Status.FAIL || status == Status.ERROR || status == Status.WARN;
    }

    public int getCount() {
        return files.stream().mapToInt(file -> file.getItems().size()).sum();
    }

    public List<FileGroup> getFiles() {
        return files;
    }
}

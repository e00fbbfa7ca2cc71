package io.ascent.core.report.view;

import io.ascent.core.report.Status;

/** One status and how many items have it. */
public final class StatusCount {
    private final Status status;
    private final int count;

    StatusCount(Status status, int count) {
        this.status = status;
        this.count = count;
    }

    /** {@code fail}, {@code warn}, ... */
    public String getStatus() {
        return status.label();
    }

    /** {@code FAIL}, {@code WARN}, ... */
    public String getLabel() {
        return status.name();
    }

    public int getCount() {
        return count;
    }

    /** Whether items of this status fail the build. */
    public boolean isGating() {
        return status.isGating();
    }
}

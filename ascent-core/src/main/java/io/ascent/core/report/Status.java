package io.ascent.core.report;

/** What became of one checklist item. */
public enum Status {
    /** The check ran and found nothing wrong. */
    PASS,
    /** The check found a problem that gates the build. */
    FAIL,
    /** The check found a problem that does not gate the build (severity {@code warning}). */
    WARN,
    /**
     * The check found something worth knowing at severity {@code info}: shown, counted apart from warnings, and
     * never gating, whatever {@code --fail-on} says.
     */
    INFO,
    /** The check did not apply; never fails a build. */
    SKIP,
    /**
     * The check could not run: its input is broken, the environment cannot run it, or Ascent failed; the item's
     * {@link ErrorKind} says which. Gates the build.
     */
    ERROR,
    /** The check found a problem that a valid, unexpired waiver excuses; shown with the waiver. */
    WAIVED,
    /**
     * The check found a problem that the committed baseline already records (a finding from before the team adopted
     * Ascent); shown, never gating. Only new findings fail a run that has a baseline.
     */
    BASELINED;

    /** Whether an item with this status fails the build. */
    public boolean isGating() {
        return this == FAIL || this == ERROR;
    }

    /** Whether an item with this status is a finding: a problem, excused or not, as opposed to a pass or a skip. */
    public boolean isFinding() {
        return this != PASS && this != SKIP;
    }

    /** Lower-case name used in every rendered form ({@code pass}, {@code fail}, ...). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

package io.ascent.core.report.render;

/** How much the forms people read (text, Markdown) show. */
public enum Detail {
    /** Only what fails the build, and the verdict ({@code --quiet}). */
    QUIET,
    /** Every finding, waived and skipped items as counts, a table of counts per check, the verdict. */
    NORMAL,
    /** Every item, waived, skipped and passed ones too ({@code -v}). */
    VERBOSE
}

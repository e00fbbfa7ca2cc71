package io.ascent.core.report;

/**
 * Why an {@link Status#ERROR} item could not be judged, which decides the verdict and the exit status: broken
 * input is the user's to fix (exit 2), an environment that cannot run the work is the machine's (exit 3), an
 * internal error is Ascent's bug (exit 4).
 */
public enum ErrorKind {
    /** The input is broken: an unreadable checklist or manifest, a bad option, an unknown ref. */
    INPUT,
    /** The environment cannot run the work: a dead remote, a missing daemon, an unreachable cluster. */
    ENVIRONMENT,
    /** A check threw: a bug in Ascent. */
    INTERNAL;

    /** Lower-case name used in rendered forms. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

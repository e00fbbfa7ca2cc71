package io.ascent.core.report;

/**
 * The outcome of a whole run, and the CLI's exit status for it. Each value has one meaning.
 */
public enum Verdict {
    /** Every gating item passed (warnings, skips and waivers allowed). */
    PASSED(0),
    /** At least one gating item failed. */
    FAILED(1),
    /** The input cannot be checked: unreadable or invalid checklist, manifest or option. */
    INVALID_INPUT(2),
    /** The environment cannot run the work: a tool, daemon or cluster is missing or unreachable. */
    ENVIRONMENT_ERROR(3),
    /** A check threw: a bug in Ascent. The other checks still ran. */
    INTERNAL_ERROR(4),
    /**
     * The run was cancelled (Ctrl-C, SIGTERM, an aborted build) before it finished: the report is partial. 130 is
     * the status shells give a process ended by SIGINT; a run SIGTERM stopped ends with 143, which its report says
     * ({@link Report#exitStatus()}).
     */
    INTERRUPTED(130);

    private final int exitStatus;

    Verdict(int exitStatus) {
        this.exitStatus = exitStatus;
    }

    public int exitStatus() {
        return exitStatus;
    }
}

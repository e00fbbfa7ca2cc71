package io.ascent.cli;

/** Exit statuses of {@code ascent}, each with one meaning. Documented in README.md and {@code --help}. */
public final class ExitCodes {
    /** Every gating item passed. */
    public static final int OK = 0;
    /** At least one gating checklist item failed. */
    public static final int FAILED = 1;
    /** Invalid input or usage: unreadable or invalid checklist, manifest, or command-line option. */
    public static final int INVALID_INPUT = 2;
    /** The environment cannot run the work: a tool, daemon or cluster is missing or unreachable. */
    public static final int ENVIRONMENT = 3;
    /** A bug in Ascent: an unexpected exception. Please report it. */
    public static final int INTERNAL_ERROR = 4;
    /** The run was cancelled (Ctrl-C, SIGTERM, an aborted build): the report written is partial. As shells do. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}

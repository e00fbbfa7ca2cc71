package io.ascent.core.run;

import io.ascent.core.report.CheckDescription;
import io.ascent.core.report.Severity;
import java.util.Arrays;
import java.util.List;

/** Items about a run itself rather than the repository: Ascent's own failure, and a run stopped at its limit. */
public enum RunRule {
    INTERNAL("ascent.internal", "Ascent ran every check without an internal error", new CheckDescription.Explanation(
            "whether a check or step threw: a bug in Ascent (exit status 4); the other steps still run",
            "a check that crashed judged nothing, so the run cannot say the repository is fine",
            "report it with the stack trace (--verbose, or the JSON report's log at DEBUG); meanwhile the item "
                    + "names the step, whose check may be switched off")),
    TIME_LIMIT("ascent.time-limit", "The run finished within its time limit", new CheckDescription.Explanation(
            "how long the run took against its limit (--time-limit, ASCENT_TIME_LIMIT, else 10 minutes)",
            "the repository decides how much work a run has; a limit keeps a hostile or huge one from holding an "
                    + "agent (exit status 2, with what was checked until then)",
            "if the repository is simply that large, raise the limit: --time-limit 30m or ASCENT_TIME_LIMIT=30m"));

    /** Items of these rules are listed under this area by {@code ascent checks}. */
    public static final String AREA = "run";

    private final String id;
    private final String title;
    private final CheckDescription.Explanation explanation;

    RunRule(String id, String title, CheckDescription.Explanation explanation) {
        this.id = id;
        this.title = title;
        this.explanation = explanation;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** Every rule in its own words, for {@code ascent checks}. */
    public static List<CheckDescription> descriptions() {
        return Arrays.stream(values()).map(rule -> new CheckDescription(rule.id, AREA, rule.title, Severity.ERROR,
                rule.explanation, List.of("part of every run; it cannot be switched off or waived"))).toList();
    }
}

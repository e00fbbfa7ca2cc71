package io.ascent.core.report.view;

/** One check and how many items it produced, for the filter by check. */
public final class CheckCount {
    private final String id;
    private final int count;
    private final int problems;

    CheckCount(String id, int count, int problems) {
        this.id = Shown.line(id);
        this.count = count;
        this.problems = problems;
    }

    public String getId() {
        return id;
    }

    public int getCount() {
        return count;
    }

    /** How many of its items failed, erred or warned. */
    public int getProblems() {
        return problems;
    }
}

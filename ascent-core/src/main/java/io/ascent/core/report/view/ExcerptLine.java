package io.ascent.core.report.view;

/** One line of source shown under a finding; {@link #isFinding()} marks the finding's own line. */
public final class ExcerptLine {
    private final int number;
    private final String text;
    private final boolean finding;

    ExcerptLine(int number, String text, boolean finding) {
        this.number = number;
        this.text = Shown.line(text);
        this.finding = finding;
    }

    public int getNumber() {
        return number;
    }

    /** The line, control and direction characters escaped; tabs kept. */
    public String getText() {
        return text;
    }

    public boolean isFinding() {
        return finding;
    }
}

package io.ascent.core.report.view;

import io.ascent.core.report.PhaseRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One phase of the run on the report page's timeline: a bar placed by when it started and sized by how long it
 * took, both in percent of the whole run, so a page only sets two widths (CSS in Jelly, SVG attributes in the HTML
 * report, whose Content-Security-Policy allows no style attributes).
 */
public final class PhaseView {

    private final PhaseRecord phase;
    private final double offset;
    private final double width;

    private PhaseView(PhaseRecord phase, double offset, double width) {
        this.phase = phase;
        this.offset = offset;
        this.width = width;
    }

    /** The timeline of {@code phases}, in their order; empty when there are none. */
    public static List<PhaseView> timeline(List<PhaseRecord> phases) {
        if (phases.isEmpty()) {
            return List.of();
        }
        Instant start = phases.get(0).startedAt();
        Instant end = start;
        for (PhaseRecord phase : phases) {
            start = phase.startedAt().isBefore(start) ? phase.startedAt() : start;
            Instant finished = phase.startedAt().plus(phase.duration());
            end = finished.isAfter(end) ? finished : end;
        }
        // A run faster than a millisecond still draws its bars.
        double span = Math.max(1, Duration.between(start, end).toMillis());
        List<PhaseView> views = new ArrayList<>();
        for (PhaseRecord phase : phases) {
            double offset = Duration.between(start, phase.startedAt()).toMillis() / span * 100;
            double width = Math.max(0.5, phase.duration().toMillis() / span * 100);
            views.add(new PhaseView(phase, offset, Math.min(width, 100 - offset)));
        }
        return views;
    }

    public String getName() {
        return Shown.line(phase.name());
    }

    /** Whether it ran inside another phase (the page indents it). */
    public boolean isNested() {
        return phase.parent() != null;
    }

    /** {@code completed}, {@code failed} or {@code interrupted}. */
    public String getOutcome() {
        return phase.outcome().name().toLowerCase(Locale.ROOT);
    }

    /** For instance {@code 41 ms} or {@code 2.3 s}. */
    public String getDuration() {
        long millis = phase.duration().toMillis();
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /** Where the bar starts, in percent of the run, with a dot as decimal separator (for CSS). */
    public String getOffset() {
        return String.format(Locale.ROOT, "%.1f", offset);
    }

    /** How long the bar is, in percent of the run (at least half a percent, to stay visible). */
    public String getWidth() {
        return String.format(Locale.ROOT, "%.1f", width);
    }
}

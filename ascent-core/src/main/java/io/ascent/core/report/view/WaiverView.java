package io.ascent.core.report.view;

import io.ascent.core.report.Waiver;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** One waiver that excused findings in this run, with its expiry and what it excused. */
public final class WaiverView {
    /** Waivers expiring this soon are marked, as the checklist check warns about them. */
    static final int SOON_DAYS = 14;

    private final Waiver waiver;
    private final long daysLeft;
    private final List<String> checks;
    private final int count;

    WaiverView(Waiver waiver, LocalDate today, List<String> checks, int count) {
        this.waiver = waiver;
        this.daysLeft = ChronoUnit.DAYS.between(today, waiver.expires());
        this.checks = checks.stream().map(Shown::line).toList();
        this.count = count;
    }

    public String getReason() {
        return Shown.text(waiver.reason());
    }

    public String getOwner() {
        return waiver.owner() == null ? "" : Shown.line(waiver.owner());
    }

    /** {@code 2027-01-31}. */
    public String getExpires() {
        return waiver.expires().toString();
    }

    /** {@code expires today}, {@code 3 days left}, ...: counted from the day of the run. */
    public String getExpiry() {
        if (daysLeft == 0) {
            return "expires today";
        }
        return daysLeft == 1 ? "1 day left" : daysLeft + " days left";
    }

    /** Whether it expires within {@value #SOON_DAYS} days of the run. */
    public boolean isExpiringSoon() {
        return daysLeft <= SOON_DAYS;
    }

    /** The checks whose findings it excused. */
    public List<String> getChecks() {
        return checks;
    }

    /** How many findings it excused. */
    public int getCount() {
        return count;
    }
}

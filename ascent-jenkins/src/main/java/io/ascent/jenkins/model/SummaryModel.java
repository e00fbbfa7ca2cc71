package io.ascent.jenkins.model;

import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import io.ascent.core.report.Status;
import io.ascent.core.report.Summary;
import io.ascent.core.report.view.ItemView;
import io.ascent.core.report.view.ReportView;
import java.util.Comparator;
import java.util.List;

/**
 * The build page's summary row: a headline of counts and the items that need attention, failed ones first, each with
 * where, what and how to fix it.
 */
public final class SummaryModel {

    /** The build page stays short; the report page has every item. */
    static final int MAX_ITEMS = 10;

    private final Report report;

    SummaryModel(Report report) {
        this.report = report;
    }

    /** For instance {@code 2 failed, 1 error, 3 warnings, 10 passed of 16 items}. */
    public String getHeadline() {
        return headline(report.summary(), report.environmentFailed());
    }

    /** The counts as every Ascent form says them ({@link Summary#describe()}), after an environment failure. */
    static String headline(Summary s, boolean environmentFailed) {
        return ReportView.headline(s, environmentFailed);
    }

    /** Whether no gating item failed. */
    public boolean isPassed() {
        return report.gatingItems().isEmpty() && !report.environmentFailed();
    }

    /** Failed and erroneous items first, then warnings; at most {@value #MAX_ITEMS}. */
    public List<ItemView> getItems() {
        return attention().stream().limit(MAX_ITEMS).map(ItemView::of).toList();
    }

    /** How many items needing attention the summary leaves out. */
    public int getMore() {
        return Math.max(0, attention().size() - MAX_ITEMS);
    }

    private List<Item> attention() {
        return report.items().stream()
                .filter(item -> item.status().isGating() || item.status() == Status.WARN)
                .sorted(Comparator.comparing((Item item) -> item.status().isGating() ? 0 : 1))
                .toList();
    }
}

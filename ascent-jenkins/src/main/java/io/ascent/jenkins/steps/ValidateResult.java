package io.ascent.jenkins.steps;

import io.ascent.core.report.Item;
import io.ascent.core.report.Report;
import io.ascent.core.report.Summary;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jenkinsci.plugins.scriptsecurity.sandbox.whitelists.Whitelisted;

/**
 * What {@code ascentValidate} returns to the Pipeline script: {@code r.passed}, {@code r.failCount},
 * {@code r.failedIds}, {@code r.reportFiles.sarif}, ... Every getter is whitelisted for the Groovy sandbox; the
 * value is kept in the Pipeline's program state, so it holds only plain values.
 */
public final class ValidateResult implements Serializable {

    private static final long serialVersionUID = 1L;

    private final boolean passed;
    private final String result;
    private final int totalCount;
    private final int passCount;
    private final int failCount;
    private final int warnCount;
    private final int skipCount;
    private final int errorCount;
    private final int waivedCount;
    private final List<String> failedIds;
    private final Map<String, String> reportFiles;

    ValidateResult(Report report, String result, Map<String, String> reportFiles) {
        Summary summary = report.summary();
        this.passed = report.gatingItems().isEmpty() && !report.environmentFailed();
        this.result = result;
        this.totalCount = summary.total();
        this.passCount = summary.passed();
        this.failCount = summary.failed();
        this.warnCount = summary.warnings();
        this.skipCount = summary.skipped();
        this.errorCount = summary.errors();
        this.waivedCount = summary.waived();
        this.failedIds = report.gatingItems().stream().map(Item::id).distinct().toList();
        this.reportFiles = new TreeMap<>(reportFiles);
    }

    /** Whether no gating item failed and the environment could run the checks. */
    @Whitelisted
    public boolean isPassed() {
        return passed;
    }

    /** The build result the thresholds gave: {@code SUCCESS}, {@code UNSTABLE} or {@code FAILURE}. */
    @Whitelisted
    public String getResult() {
        return result;
    }

    @Whitelisted
    public int getTotalCount() {
        return totalCount;
    }

    @Whitelisted
    public int getPassCount() {
        return passCount;
    }

    @Whitelisted
    public int getFailCount() {
        return failCount;
    }

    @Whitelisted
    public int getWarnCount() {
        return warnCount;
    }

    @Whitelisted
    public int getSkipCount() {
        return skipCount;
    }

    @Whitelisted
    public int getErrorCount() {
        return errorCount;
    }

    @Whitelisted
    public int getWaivedCount() {
        return waivedCount;
    }

    /** The ids of the failed and erroneous items, each once, in report order. */
    @Whitelisted
    public List<String> getFailedIds() {
        return List.copyOf(failedIds);
    }

    /** The written report files by format ({@code json}, {@code junit}, {@code sarif}, {@code markdown}). */
    @Whitelisted
    public Map<String, String> getReportFiles() {
        return Map.copyOf(reportFiles);
    }

    @Override
    public String toString() {
        return "ascentValidate: " + result + ", " + failCount + " failed, " + errorCount + " errors, " + warnCount
                + " warnings of " + totalCount + " items";
    }
}

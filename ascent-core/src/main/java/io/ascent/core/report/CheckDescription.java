package io.ascent.core.report;

import java.util.List;

/**
 * What a built-in check or rule says about itself, for {@code ascent checks}, the documentation and editors. Each
 * check writes its own; the catalog only collects them, so the command and docs/ cannot drift apart.
 *
 * @param id              the stable id, as in reports, waivers and settings
 * @param area            what family it belongs to: {@code checklist}, {@code repository} or {@code manifests}
 * @param title           short human name, as in report items
 * @param defaultSeverity the severity when the checklist does not set one
 * @param explanation     what it looks at, why it matters, how to fix a finding
 * @param control         how to switch it off, change its severity, exempt or waive it (one sentence each)
 */
public record CheckDescription(String id, String area, String title, Severity defaultSeverity,
        Explanation explanation, List<String> control) {

    public CheckDescription {
        control = List.copyOf(control);
    }

    /**
     * A check's own words.
     *
     * @param looksAt what it reads and what it wants to see
     * @param why     what goes wrong in production without it
     * @param fix     what to write instead
     */
    public record Explanation(String looksAt, String why, String fix) {
    }
}

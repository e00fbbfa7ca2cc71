package io.ascent.core.checklist;

import io.ascent.core.report.Item;
import io.ascent.core.report.ItemBuilder;
import io.ascent.core.report.Severity;

/** The checks Ascent makes of the checklist itself. Ids are stable: reports, waivers and SARIF use them. */
public enum ChecklistRule {
    OPTIONS("checklist.options", "Options and application directory are valid",
            "The application directory exists and every option names something Ascent can use."),
    FILE("checklist.file", "Checklist file is readable YAML",
            "The checklist exists, is UTF-8, is one YAML document, and obeys the safe-loading limits."),
    SCHEMA("checklist.schema", "Checklist matches the Ascent Checklist v1 schema",
            "Every property is known and every value has the documented type and form."),
    IDS("checklist.ids", "Checklist item ids are unique and not reserved",
            "Custom item ids are unique and do not use the prefixes of built-in checks."),
    PATHS("checklist.paths", "Paths in the checklist exist and stay in the repository",
            "Files the checklist names exist; no path is absolute or leaves the repository."),
    PATTERNS("checklist.patterns", "Patterns and regular expressions in the checklist compile",
            "Every 'contains' pattern is a valid Java regular expression."),
    WAIVERS("checklist.waivers", "Waivers are current and name known checks",
            "An expired waiver fails the build; a waiver for an unknown id or one expiring soon warns.");

    private final String id;
    private final String title;
    private final String description;

    ChecklistRule(String id, String title, String description) {
        this.id = id;
        this.title = title;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    /** A builder for an item of this rule, severity error by default. */
    public ItemBuilder item() {
        return Item.builder(id, title).severity(Severity.ERROR);
    }
}

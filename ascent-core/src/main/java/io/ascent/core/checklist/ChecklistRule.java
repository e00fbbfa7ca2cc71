package io.ascent.core.checklist;

import io.ascent.core.report.CheckDescription;
import io.ascent.core.report.Item;
import io.ascent.core.report.ItemBuilder;
import io.ascent.core.report.Severity;
import java.util.Arrays;
import java.util.List;

/** The checks Ascent makes of the checklist itself. Ids are stable: reports, waivers and SARIF use them. */
public enum ChecklistRule {
    OPTIONS("checklist.options", "Options and application directory are valid",
            "The application directory exists and every option names something Ascent can use.",
            "a run with a wrong directory or version would judge the wrong thing",
            "pass an existing directory and options as 'ascent validate --help' describes them"),
    FILE("checklist.file", "Checklist file is readable YAML",
            "The checklist exists, is UTF-8, is one YAML document, and obeys the safe-loading limits.",
            "a checklist that cannot be read enforces nothing",
            "correct the file at the line and column shown; 'ascent init' writes a starting one"),
    SCHEMA("checklist.schema", "Checklist matches the Ascent Checklist v1 schema",
            "Every property is known and every value has the documented type and form.",
            "a misspelt key would silently switch a rule off",
            "write the property the message suggests; 'ascent schema' prints the schema for editors"),
    IDS("checklist.ids", "Checklist item ids are unique and not reserved",
            "Custom item ids are unique and do not use the prefixes of built-in checks.",
            "reports, waivers and SARIF fingerprints find items by id; two items with one id cannot be told apart",
            "rename the item; ids starting with checklist., repo., manifest. or provision. are reserved"),
    PATHS("checklist.paths", "Paths in the checklist exist and stay in the repository",
            "Files the checklist names exist; no path is absolute or leaves the repository.",
            "a checklist must not make Ascent read files outside the repository under review",
            "write a path relative to the application directory that stays inside the repository"),
    PATTERNS("checklist.patterns", "Patterns and regular expressions in the checklist compile",
            "Every 'contains' pattern is a valid Java regular expression; every glob is well formed.",
            "an item whose pattern or glob does not compile can never pass or fail honestly",
            "correct the pattern at the position the message shows"),
    WAIVERS("checklist.waivers", "Waivers are current and name known checks",
            "An expired waiver fails the build; a waiver for an unknown id or one expiring soon warns.",
            "a waiver is a promise with a date; an expired one would hide findings for ever",
            "fix the findings and remove the waiver, or renew it with a new expires date and a reason"),
    BASELINE("checklist.baseline", "The baseline file is readable and every entry still matches a finding",
            "The committed baseline (.ascent-baseline.json, written by 'ascent baseline') is well-formed JSON within "
                    + "its limits; an entry that no longer matches any finding warns.",
            "a baseline lets only new findings fail; a broken one would excuse nothing or the wrong things, and "
                    + "entries for fixed findings would excuse them if they came back",
            "correct the file at the line and column shown, or write it again with 'ascent baseline'; remove the "
                    + "entries of fixed findings");

    /** Items of these rules are listed under this area by {@code ascent checks}. */
    public static final String AREA = "checklist";

    private final String id;
    private final String title;
    private final String description;
    private final String why;
    private final String fix;

    ChecklistRule(String id, String title, String description, String why, String fix) {
        this.id = id;
        this.title = title;
        this.description = description;
        this.why = why;
        this.fix = fix;
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

    /** The rule in its own words. Checks of the checklist itself cannot be switched off or waived. */
    public CheckDescription describe() {
        return new CheckDescription(id, AREA, title, Severity.ERROR, new CheckDescription.Explanation(
                description.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + description.substring(1,
                        description.length() - 1), why, fix),
                List.of("always on, and findings are not waived: a checklist that is wrong would judge wrongly"));
    }

    /** Every rule described, in report order. */
    public static List<CheckDescription> descriptions() {
        return Arrays.stream(values()).map(ChecklistRule::describe).toList();
    }

    /** A builder for an item of this rule, severity error by default. */
    public ItemBuilder item() {
        return Item.builder(id, title).severity(Severity.ERROR);
    }
}

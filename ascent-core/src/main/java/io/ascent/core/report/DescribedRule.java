package io.ascent.core.report;

import java.util.Arrays;
import java.util.List;

/**
 * A fixed rule whose items a run reports (an enum constant: provisioning phases, preflight checks), with what it
 * says about itself for {@code ascent checks}. The description and the item builder are the same for every such
 * family; only the area and how the rule is controlled differ.
 */
public interface DescribedRule {

    /** The stable id, as in reports, waivers and JUnit test names. */
    String id();

    /** Short human name, as in report items. */
    String title();

    /** The severity of its items when the rule does not say otherwise. */
    Severity severity();

    /** What it looks at, why it matters, how to fix a finding. */
    CheckDescription.Explanation explanation();

    /** A builder for an item of this rule, severity error. */
    default ItemBuilder item() {
        return Item.builder(id(), title()).severity(Severity.ERROR);
    }

    /**
     * Every rule of a family in its own words.
     *
     * @param area    the family's area in {@code ascent checks}
     * @param control how the family is run and controlled (one sentence, the same for each rule)
     */
    static List<CheckDescription> descriptions(DescribedRule[] rules, String area, String control) {
        return Arrays.stream(rules).map(rule -> new CheckDescription(rule.id(), area, rule.title(), rule.severity(),
                rule.explanation(), List.of(control))).toList();
    }
}

package io.ascent.core.checklist;

import java.util.List;

/**
 * A loaded, schema-valid Ascent Checklist.
 *
 * @param path       the checklist file as reports name it (relative to the repository root)
 * @param apiVersion the format version, {@value ChecklistSchema#API_VERSION}
 * @param baseline   the baseline file as the checklist writes it, relative to the application directory
 *                   ({@code baseline}, default {@value #DEFAULT_BASELINE})
 */
public record Checklist(
        String path,
        String apiVersion,
        Metadata metadata,
        RepositoryRules repository,
        KubernetesSettings kubernetes,
        ProvisionSettings provision,
        List<CustomItem> items,
        List<WaiverRule> waivers,
        String baseline) {

    /** The baseline file when the checklist names none: in the application directory. */
    public static final String DEFAULT_BASELINE = ".ascent-baseline.json";

    public Checklist {
        items = List.copyOf(items);
        waivers = List.copyOf(waivers);
        baseline = baseline == null ? DEFAULT_BASELINE : baseline;
    }
}

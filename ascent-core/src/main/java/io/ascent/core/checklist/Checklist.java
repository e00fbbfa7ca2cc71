package io.ascent.core.checklist;

import java.util.List;

/**
 * A loaded, schema-valid Ascent Checklist.
 *
 * @param path       the checklist file as reports name it (relative to the repository root)
 * @param apiVersion the format version, {@value ChecklistSchema#API_VERSION}
 */
public record Checklist(
        String path,
        String apiVersion,
        Metadata metadata,
        RepositoryRules repository,
        KubernetesSettings kubernetes,
        ProvisionSettings provision,
        List<CustomItem> items,
        List<WaiverRule> waivers) {

    public Checklist {
        items = List.copyOf(items);
        waivers = List.copyOf(waivers);
    }
}

package io.ascent.core.checklist;

import java.util.Map;

/** Who the checklist belongs to. */
public record Metadata(String name, String owner, String description, Map<String, String> labels) {
    public Metadata {
        labels = Map.copyOf(labels);
    }
}

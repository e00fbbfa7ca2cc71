package io.ascent.core.checklist;

import io.ascent.core.report.Item;
import io.ascent.core.report.Status;
import java.util.List;
import java.util.Optional;

/**
 * What loading a checklist produced: the checklist when it could be read and is schema-valid, and the items of
 * the checklist's own checks (errors, warnings, passes).
 */
public record LoadedChecklist(Optional<Checklist> checklist, List<Item> items) {

    public LoadedChecklist {
        items = List.copyOf(items);
    }

    /** Whether the checklist can drive further checks: read, schema-valid, and without input errors. */
    public boolean usable() {
        return checklist.isPresent() && items.stream().noneMatch(item -> item.status() == Status.ERROR);
    }
}

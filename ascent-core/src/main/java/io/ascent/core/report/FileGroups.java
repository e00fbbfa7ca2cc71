package io.ascent.core.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Items grouped by the file they are about, for the forms people read: the files with the worst items first (what
 * fails, then warnings, notes, waived, skipped, passed), each file's items worst first and then by line, and the items
 * without a location last. Renderers share it so that text and Markdown list findings in the same order.
 */
public final class FileGroups {

    /**
     * The items of one file.
     *
     * @param path  the file's path as in {@link Location#path()}, or {@code null} for items without a location
     * @param items its items, worst first, then by line and column
     */
    public record Group(String path, List<Item> items) {
    }

    private static final Comparator<Item> WORST_FIRST = Comparator.comparingInt((Item item) -> rank(item.status()))
            .thenComparingInt(item -> item.location() == null ? 0 : item.location().line())
            .thenComparingInt(item -> item.location() == null ? 0 : item.location().column());

    private FileGroups() {
    }

    /** {@code items} grouped by file, in the order described above; the input order breaks remaining ties. */
    public static List<Group> of(List<Item> items) {
        Map<String, List<Item>> byPath = new LinkedHashMap<>();
        for (Item item : items) {
            byPath.computeIfAbsent(item.location() == null ? null : item.location().path(), path -> new ArrayList<>())
                    .add(item);
        }
        List<Group> groups = new ArrayList<>();
        byPath.forEach((path, list) -> groups.add(new Group(path, list.stream().sorted(WORST_FIRST).toList())));
        groups.sort(Comparator.comparing((Group group) -> group.path() == null)
                .thenComparingInt(group -> rank(group.items().get(0).status()))
                .thenComparing(Group::path, Comparator.nullsLast(Comparator.naturalOrder())));
        return groups;
    }

    /** How urgently a status asks for attention: 0 for what fails the build. */
    public static int rank(Status status) {
        return switch (status) {
            case FAIL, ERROR -> 0;
            case WARN -> 1;
            case INFO -> 2;
            case BASELINED -> 3;
            case WAIVED -> 4;
            case SKIP -> 5;
            case PASS -> 6;
        };
    }
}

package io.ascent.core.report.view;

import java.util.List;

/** Items of one status about one file; the path is empty for items about no file. */
public final class FileGroup {
    private final String path;
    private final List<ItemView> items;

    FileGroup(String path, List<ItemView> items) {
        this.path = Shown.line(path);
        this.items = List.copyOf(items);
    }

    public String getPath() {
        return path;
    }

    public List<ItemView> getItems() {
        return items;
    }
}

package io.ascent.core.manifest.render;

import io.ascent.core.manifest.Resource;
import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where each object of a render's output came from: findings are reported at the source file (a kustomization's
 * resource, a chart's template), at the line of the same node there when the source is plain YAML, and name the line
 * of the rendered output as well, with the command that reproduces it.
 */
public final class RenderOrigins {

    /** The source of the object starting at a line of the output, and where the object is in its document. */
    private record Origin(List<String> pointer, Path file, String displayPath) {
    }

    private final String renderedPath;
    private final String command;
    private final NavigableMap<Integer, Origin> origins = new TreeMap<>();
    private final SourceLocator lines;

    /**
     * @param lines finds a node's line in the source: the node in a plain YAML source (Kustomize), the rendered
     *              line matched back to a template (Helm); {@code null} for the file alone
     */
    RenderOrigins(String renderedPath, String command, SourceLocator lines) {
        this.renderedPath = renderedPath;
        this.command = command;
        this.lines = lines;
    }

    /**
     * Records where an object of the output came from, as it is read; its document is not kept (the output is read
     * again for the documents that have findings).
     *
     * @param file        the source file on disk
     * @param displayPath how reports name it, {@code null} for one outside the repository (nothing is recorded)
     */
    void add(Resource rendered, Path file, String displayPath) {
        if (file != null && displayPath != null) {
            origins.putIfAbsent(rendered.location().line(), new Origin(rendered.pointer(), file, displayPath));
        }
    }

    /** The name the rendered output is read under ({@code deploy/overlays/prod (kustomize build)}). */
    public String renderedPath() {
        return renderedPath;
    }

    /**
     * The item pointed at the source file when it is located in this render's output: its location becomes the
     * source file (with the line of the same node when it can be found there), and its message says the line of the
     * output and how to reproduce it. Other items are returned unchanged.
     */
    public Item relocate(Item item) {
        Location at = item.location();
        if (at == null || !at.path().equals(renderedPath)) {
            return item;
        }
        Location source = at;
        Map.Entry<Integer, Origin> origin = at.hasLine() ? origins.floorEntry(at.line()) : null;
        if (origin != null) {
            Origin found = origin.getValue();
            source = Optional.ofNullable(lines).flatMap(l -> l.find(found.pointer(), at.line(), at.column(),
                    found.file(), found.displayPath())).orElse(Location.of(found.displayPath()));
        }
        String rendered = at.hasLine() ? "line " + at.line() + (at.column() > 0 ? ":" + at.column() : "") + " of " : "";
        String message = item.message() + " [rendered: " + rendered + "the output of '" + command + "']";
        return new Item(item.id(), item.title(), item.status(), item.severity(), message, source,
                item.remediation(), item.duration(), item.waiver(), item.key(), item.errorKind());
    }

    /** How many source files the objects came from. */
    int sourceFiles() {
        return (int) origins.values().stream().map(Origin::displayPath).distinct().count();
    }
}

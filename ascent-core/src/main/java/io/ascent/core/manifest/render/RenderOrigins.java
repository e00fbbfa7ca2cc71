package io.ascent.core.manifest.render;

import io.ascent.core.manifest.LoadedFile;
import io.ascent.core.manifest.Resource;
import io.ascent.core.report.Item;
import io.ascent.core.report.Location;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Where each object of a render's output came from: findings are reported at the source file (a kustomization's
 * resource or patch, a chart's template), and name the line of the rendered output as well, since a template's
 * line is not the object's.
 *
 * @param renderedPath the name the rendered output is read under ({@code deploy/overlays/prod (kustomize build)})
 * @param command      how a person reproduces the output ({@code kustomize build deploy/overlays/prod})
 * @param sources      the first line of each object in the output, to the display path of its source file
 */
public record RenderOrigins(String renderedPath, String command, NavigableMap<Integer, String> sources) {

    public RenderOrigins {
        sources = Collections.unmodifiableNavigableMap(new TreeMap<>(sources));
    }

    /** The source file of the object at {@code line} of the output, if known. */
    public java.util.Optional<String> sourceAt(int line) {
        Map.Entry<Integer, String> entry = sources.floorEntry(line);
        return java.util.Optional.ofNullable(entry == null ? null : entry.getValue());
    }

    /**
     * The item pointed at the source file when it is located in this render's output: its location becomes the
     * source file, and its message says the line of the output and how to reproduce it. Other items are returned
     * unchanged.
     */
    public Item relocate(Item item) {
        Location at = item.location();
        if (at == null || !at.path().equals(renderedPath)) {
            return item;
        }
        String rendered = at.hasLine() ? "line " + at.line() + (at.column() > 0 ? ":" + at.column() : "") + " of" : "";
        java.util.Optional<String> source = at.hasLine() ? sourceAt(at.line()) : java.util.Optional.empty();
        String message = item.message() + " [rendered: " + rendered + (rendered.isEmpty() ? "" : " ") + "the output of '"
                + command + "']";
        return new Item(item.id(), item.title(), item.status(), item.severity(), message,
                source.map(Location::of).orElse(at), item.remediation(), item.duration(), item.waiver(), item.key(),
                item.errorKind());
    }

    /** Builds the map from the objects read from the output and a function naming each one's source. */
    static RenderOrigins of(String renderedPath, String command, LoadedFile objects,
            java.util.function.Function<Resource, String> sourceOf) {
        NavigableMap<Integer, String> sources = new TreeMap<>();
        List<Resource> resources = objects.resources();
        for (Resource resource : resources) {
            String source = sourceOf.apply(resource);
            if (source != null) {
                sources.putIfAbsent(resource.location().line(), source);
            }
        }
        return new RenderOrigins(renderedPath, command, sources);
    }
}

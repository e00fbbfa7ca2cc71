package io.ascent.core.manifest.render;

import io.ascent.core.report.Location;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Finds where a node of a rendered object is in the source file it came from, when that can be known for sure. */
interface SourceLocator {

    /**
     * Where the node at {@code line}:{@code column} (1-based, in the rendered output) of the object at
     * {@code pointer} in its document is in {@code source}, shown as {@code displayPath}; empty when it cannot be
     * told for sure (the finding then names the file alone, never a wrong line).
     */
    Optional<Location> find(List<String> pointer, int line, int column, Path source, String displayPath);
}

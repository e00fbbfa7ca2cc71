package io.ascent.core.manifest.render;

import io.ascent.core.manifest.LoadedFile;
import io.ascent.core.report.Item;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What one {@code kubernetes.render} entry gave.
 *
 * @param item    PASS with what was rendered, or ERROR with why not (the tool's message, bounded)
 * @param objects the rendered objects, read as if from the file {@link RenderOrigins#renderedPath()}; empty when
 *                the render failed or handed them to a sink as they were read
 * @param origins maps findings in the rendered output back to source files; empty when the render failed
 * @param spool   the folder holding the output while {@code origins} still reads it, or {@code null}
 */
public record Rendered(Item item, Optional<LoadedFile> objects, Optional<RenderOrigins> origins, Path spool)
        implements AutoCloseable {

    /** A render whose objects went to a sink as they were read. */
    Rendered(Item item, Optional<RenderOrigins> origins, Path spool) {
        this(item, Optional.empty(), origins, spool);
    }

    static Rendered failed(Item item) {
        return new Rendered(item, Optional.empty(), Optional.empty(), null);
    }

    /** The same render with its objects collected. */
    Rendered withObjects(LoadedFile collected) {
        return new Rendered(item, Optional.of(collected), origins, spool);
    }

    /** Removes the output kept on disk; {@link #origins} cannot map a Helm finding to its template line after. */
    @Override
    public void close() {
        if (spool != null) {
            ManifestRenderer.delete(spool);
        }
    }
}

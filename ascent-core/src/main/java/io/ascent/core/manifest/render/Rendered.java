package io.ascent.core.manifest.render;

import io.ascent.core.manifest.LoadedFile;
import io.ascent.core.report.Item;
import java.util.Optional;

/**
 * What one {@code kubernetes.render} entry gave.
 *
 * @param item    PASS with what was rendered, or ERROR with why not (the tool's message, bounded)
 * @param objects the rendered objects, read as if from the file {@link RenderOrigins#renderedPath()}; empty when
 *                the render failed
 * @param origins maps findings in the rendered output back to source files; empty when the render failed
 */
public record Rendered(Item item, Optional<LoadedFile> objects, Optional<RenderOrigins> origins) {

    static Rendered failed(Item item) {
        return new Rendered(item, Optional.empty(), Optional.empty());
    }
}

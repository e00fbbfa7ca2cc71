package io.ascent.core.report.render;

import io.ascent.core.report.Report;
import java.io.IOException;
import java.io.Writer;

/** Writes a report in one format. Implementations hold no state and are thread-safe. */
public interface Renderer {

    void render(Report report, Writer out) throws IOException;
}

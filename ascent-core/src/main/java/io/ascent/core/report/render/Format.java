package io.ascent.core.report.render;

import io.ascent.core.report.Report;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/** The report formats, each with its renderer and the file name it gets in an output directory. */
public enum Format {
    TEXT(new TextRenderer(), "ascent-report.txt"),
    JSON(new JsonRenderer(), "ascent-report.json"),
    JUNIT(new JUnitRenderer(), "ascent-junit.xml"),
    SARIF(new SarifRenderer(), "ascent.sarif"),
    MARKDOWN(new MarkdownRenderer(), "ascent-report.md"),
    HTML(new HtmlRenderer(), "ascent-report.html");

    private final Renderer renderer;
    private final String fileName;

    Format(Renderer renderer, String fileName) {
        this.renderer = renderer;
        this.fileName = fileName;
    }

    /** The renderer with the default options. */
    public Renderer renderer() {
        return renderer;
    }

    /** The renderer with {@code options}; the machine-readable formats have none and ignore them. */
    public Renderer renderer(RenderOptions options) {
        return switch (this) {
            case TEXT -> new TextRenderer(options.detail());
            case MARKDOWN -> new MarkdownRenderer(options);
            default -> renderer;
        };
    }

    /** The file name used when the output is a directory. */
    public String fileName() {
        return fileName;
    }

    /**
     * Writes {@code report} in this format to {@code target}, atomically: rendered into a file beside it and moved
     * into place, so no reader (a CI step, a Jenkins publisher) ever sees half a report; a half-written SARIF file
     * would read as "no findings". Creates the folder when missing. The file is readable as any new file in that folder
     * is ({@link SiblingFile}), not private to this process's user.
     *
     * @throws IOException when the folder or the file cannot be written
     */
    public void write(Report report, Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temporary = SiblingFile.beside(absolute);
        try {
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                renderer.render(report, out);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The spelling on the command line: {@code text}, {@code json}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

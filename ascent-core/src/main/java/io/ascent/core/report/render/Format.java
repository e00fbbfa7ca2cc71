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

/**
 * The report formats, each with its renderer and the file name it gets in an output directory. A renderer is made
 * when a report is written in its format, not when the enum is first used: the command line reads the formats
 * before every run, and the HTML renderer's page assets (read from the jar and hashed) cost a cold JVM 20-120 ms
 * on the main thread that a run writing only JSON or text never needed (docs/performance.md, "The connection's
 * warm-up from the first word").
 */
public enum Format {
    TEXT("ascent-report.txt"),
    JSON("ascent-report.json"),
    JUNIT("ascent-junit.xml"),
    SARIF("ascent.sarif"),
    MARKDOWN("ascent-report.md"),
    HTML("ascent-report.html");

    private final String fileName;

    Format(String fileName) {
        this.fileName = fileName;
    }

    /** The renderer with the default options. */
    public Renderer renderer() {
        return switch (this) {
            case TEXT -> new TextRenderer();
            case JSON -> new JsonRenderer();
            case JUNIT -> new JUnitRenderer();
            case SARIF -> new SarifRenderer();
            case MARKDOWN -> new MarkdownRenderer();
            case HTML -> new HtmlRenderer();
        };
    }

    /** The renderer with {@code options}; the machine-readable formats have none and ignore them. */
    public Renderer renderer(RenderOptions options) {
        return switch (this) {
            case TEXT -> new TextRenderer(options.detail());
            case MARKDOWN -> new MarkdownRenderer(options);
            default -> renderer();
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
                renderer().render(report, out);
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

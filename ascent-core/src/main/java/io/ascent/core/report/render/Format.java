package io.ascent.core.report.render;

import java.util.Locale;

/** The report formats, each with its renderer and the file name it gets in an output directory. */
public enum Format {
    TEXT(new TextRenderer(), "ascent-report.txt"),
    JSON(new JsonRenderer(), "ascent-report.json"),
    JUNIT(new JUnitRenderer(), "ascent-junit.xml"),
    SARIF(new SarifRenderer(), "ascent.sarif"),
    MARKDOWN(new MarkdownRenderer(), "ascent-report.md");

    private final Renderer renderer;
    private final String fileName;

    Format(Renderer renderer, String fileName) {
        this.renderer = renderer;
        this.fileName = fileName;
    }

    public Renderer renderer() {
        return renderer;
    }

    /** The file name used when the output is a directory. */
    public String fileName() {
        return fileName;
    }

    /** The spelling on the command line: {@code text}, {@code json}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

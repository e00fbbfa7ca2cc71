package io.ascent.core.report.view;

import io.ascent.core.report.render.PlainText;

/**
 * Repository text as pages show it. HTML escaping stops markup, but not a right-to-left override that makes
 * {@code txt.exe} read as {@code exe.txt}, nor a control character: those are shown as escapes ({@code \u202E}).
 */
final class Shown {

    private Shown() {
    }

    /** One line: every control and direction character escaped, line feeds too. */
    static String line(String text) {
        return text == null ? "" : PlainText.line(text);
    }

    /** A message that may keep its own line feeds (pages wrap them); everything else unsafe escaped. */
    static String text(String text) {
        return text == null ? "" : PlainText.block(text, "");
    }
}

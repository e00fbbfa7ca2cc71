package io.ascent.core.report.render;

import java.util.Locale;

/**
 * Repository text (file names, quoted values) made safe for a terminal or build log. Escape sequences (ESC, CSI,
 * OSC: colours, cursor moves, window titles, hyperlinks), carriage returns and bidirectional overrides would let a
 * file name rewrite what a reader sees, and a line feed would let it add a line of its own ({@code PASS ...}). Each
 * such character is shown as an escape instead ({@code \x1B}, {@code \r}, {@code \u202E}); a line feed either becomes
 * {@code \n} ({@link #line}) or continues the text on an indented line ({@link #block}), never at the start of one.
 * Public for the other places that print repository text to a terminal (the CLI's progress lines).
 */
public final class PlainText {

    private PlainText() {
    }

    /** {@code text} on one line: every control or direction character escaped, line feeds included. */
    public static String line(String text) {
        return escape(text, null);
    }

    /** {@code text} whose line feeds continue on a new line that starts with {@code indent} (never empty). */
    public static String block(String text, String indent) {
        return escape(text, indent);
    }

    private static String escape(String text, String indent) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isUnsafe(c)) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (c == '\n' && indent != null) {
                out.append('\n').append(indent);
            } else if (c == '\r' && indent != null && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                continue; // CRLF is a line feed
            } else {
                out.append(visible(c));
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * C0 controls but tab, DEL, C1 controls, and the characters that change direction or break lines without being
     * controls: U+061C, U+200E/U+200F, U+2028/U+2029, U+202A to U+202E, U+2066 to U+2069.
     */
    static boolean isUnsafe(char c) {
        return c < 0x20 && c != '\t' || c >= 0x7F && c <= 0x9F || c == 0x061C || c == 0x200E || c == 0x200F
                || c >= 0x2028 && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
    }

    static String visible(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            default -> c <= 0xFF ? String.format(Locale.ROOT, "\\x%02X", (int) c)
                    : String.format(Locale.ROOT, "\\u%04X", (int) c);
        };
    }
}

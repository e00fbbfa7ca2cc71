package io.ascent.core.yaml;

/**
 * The text a document was parsed from, kept so that positions inside a block scalar can be found: SnakeYAML
 * records where a literal block starts but not how far its lines are indented. Its {@link #toString()} never shows
 * the text, which may hold secrets.
 */
public final class SourceText {
    private final String text;
    private Boolean bmpOnly;

    SourceText(String text) {
        this.text = text;
    }

    /**
     * The indentation of the first line with content after the line holding code point {@code index} (a literal
     * block's {@code |}), or -1 when there is none.
     */
    public int indentOfLineAfter(int index) {
        int i = charOffset(index);
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        while (i < text.length()) {
            if (text.charAt(i) == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                i++;
            }
            i++;
            int spaces = 0;
            while (i < text.length() && text.charAt(i) == ' ') {
                spaces++;
                i++;
            }
            if (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                return spaces;
            }
        }
        return -1;
    }

    /** SnakeYAML counts code points; a String counts UTF-16 units, which differ only past U+FFFF. */
    private int charOffset(int codePoints) {
        if (bmpOnly == null) {
            bmpOnly = text.codePoints().allMatch(Character::isBmpCodePoint);
        }
        if (bmpOnly) {
            return Math.min(codePoints, text.length());
        }
        return text.offsetByCodePoints(0, Math.min(codePoints, text.codePointCount(0, text.length())));
    }

    @Override
    public String toString() {
        return "SourceText[" + text.length() + " chars]";
    }
}

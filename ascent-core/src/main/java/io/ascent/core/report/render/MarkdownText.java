package io.ascent.core.report.render;

/**
 * Repository text made inert for GitHub-flavoured Markdown (a pull-request comment, a job summary): it renders as the
 * characters it holds and never as a link, an image, HTML, a mention, a table cell boundary or a new line.
 * {@link #text} backslash-escapes every ASCII punctuation character (CommonMark lets any of them be escaped, so
 * nothing in the text can open a construct) and puts a zero-width space after {@code @}, {@code :} and before {@code www}'s
 * dot, where GitHub's autolinker would otherwise find a mention, an e-mail address or a URL in the unescaped text; {@link #code} wraps text in a code span whose fence is longer than any run of backticks in it.
 * Control and direction characters are shown escaped, as in {@link PlainText}.
 */
final class MarkdownText {
    private static final char ZERO_WIDTH_SPACE = '\u200B';

    private MarkdownText() {
    }

    /** {@code text} as literal inline Markdown on one line; its own line breaks become {@code lineBreak}. */
    static String text(String text, String lineBreak) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append(lineBreak);
            }
            String line = PlainText.line(lines[i]);
            for (int j = 0; j < line.length(); j++) {
                char c = line.charAt(j);
                if (c == '.' && j >= 3 && line.regionMatches(true, j - 3, "www", 0, 3)) {
                    out.append(ZERO_WIDTH_SPACE);
                }
                if (c < 0x80 && isPunctuation(c)) {
                    out.append('\\');
                }
                out.append(c);
                if (c == '@' || c == ':') {
                    out.append(ZERO_WIDTH_SPACE);
                }
            }
        }
        return out.toString();
    }

    /**
     * {@code text} as a code span on one line. In a table cell ({@code inTable}) a pipe is written {@code \|}, which
     * GitHub's table parser reads as a pipe even inside a code span; elsewhere it needs no escape.
     */
    static String code(String text, boolean inTable) {
        String content = PlainText.line(text);
        if (inTable) {
            content = content.replace("|", "\\|");
        }
        int longest = 0;
        int run = 0;
        for (int i = 0; i < content.length(); i++) {
            run = content.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        // A span that starts or ends with a backtick needs a space inside its fence; one space each side is dropped.
        boolean pad = content.startsWith("`") || content.endsWith("`") || content.startsWith(" ") && content.endsWith(" ");
        return pad ? fence + " " + content + " " + fence : fence + content + fence;
    }

    private static boolean isPunctuation(char c) {
        return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~';
    }
}

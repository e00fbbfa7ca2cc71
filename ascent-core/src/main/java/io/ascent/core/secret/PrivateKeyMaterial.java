package io.ascent.core.secret;

/**
 * Whether key material follows a {@code -----BEGIN ... PRIVATE KEY-----} header. The header alone is no secret: it
 * appears in documentation, in comments ({@code # forbid files with -----BEGIN PRIVATE KEY-----}) and in code that
 * looks for keys. A key is base64 right after it: on the next lines (after RFC 1421 headers such as
 * {@code Proc-Type: 4,ENCRYPTED} and a blank line), or after a literal {@code \n} in a quoted string; each line may
 * be indented, quoted, commented or joined with {@code +}. At least {@value #MIN_BASE64} base64 characters of more
 * than a few different characters must come before anything else (the smallest key, an Ed25519 PKCS#8 one, has 64).
 */
public final class PrivateKeyMaterial {
    static final int MIN_BASE64 = 40;
    /** How far after the header material may start and be counted; keeps a hostile file from costing more. */
    private static final int MAX_LOOK = 4096;
    private static final String LEADING = " \t\r\"'`,;#*\\";
    private static final String TRAILING = " \t\r\"'`+,;\\";

    private PrivateKeyMaterial() {
    }

    /** Whether key material starts within a few lines after {@code headerEnd} in {@code text}. */
    public static boolean follows(CharSequence text, int headerEnd) {
        int limit = Math.min(text.length(), headerEnd + MAX_LOOK);
        int base64 = 0;
        boolean[] seen = new boolean[128];
        int distinct = 0;
        int position = headerEnd;
        while (position < limit && base64 < MIN_BASE64) {
            int end = nextBreak(text, position, limit);
            String segment = trim(text.subSequence(position, end).toString());
            position = end < limit && text.charAt(end) == '\\' ? end + 2 : end + 1;
            if (segment.isEmpty() || base64 == 0 && isHeaderLine(segment)) {
                if (base64 > 0) {
                    break; // material ended early
                }
                continue;
            }
            if (segment.startsWith("-----END") || !isBase64(segment)) {
                break;
            }
            base64 += segment.length();
            for (int i = 0; i < segment.length(); i++) {
                char c = segment.charAt(i);
                if (!seen[c]) {
                    seen[c] = true;
                    distinct++;
                }
            }
        }
        return base64 >= MIN_BASE64 && distinct > 16;
    }

    /** The next line break: a newline, or a literal {@code \n} (a key in a quoted string). */
    private static int nextBreak(CharSequence text, int from, int limit) {
        for (int i = from; i < limit; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\\' && i + 1 < limit && text.charAt(i + 1) == 'n') {
                return i;
            }
        }
        return limit;
    }

    /** The segment without indentation, quotes, comment markers and {@code +} joins around it. */
    private static String trim(String segment) {
        int start = 0;
        int end = segment.length();
        while (start < end) {
            char c = segment.charAt(start);
            if (LEADING.indexOf(c) >= 0) {
                start++;
            } else if (segment.startsWith("//", start) || c == '+' && start + 1 < end && segment.charAt(start + 1) == ' ') {
                start += c == '+' ? 1 : 2; // a comment, or a string joined to the one before; base64 has '/' and '+'
            } else {
                break;
            }
        }
        while (end > start && TRAILING.indexOf(segment.charAt(end - 1)) >= 0) {
            end--;
        }
        return segment.substring(start, end);
    }

    /** {@code Proc-Type: 4,ENCRYPTED}, {@code DEK-Info: ...}, {@code Comment: ...}. */
    private static boolean isHeaderLine(String segment) {
        int colon = segment.indexOf(": ");
        if (colon <= 0) {
            return false;
        }
        for (int i = 0; i < colon; i++) {
            char c = segment.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBase64(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/'
                    || c == '=')) {
                return false;
            }
        }
        return true;
    }
}

package io.ascent.core.secret;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds every detector keyword ({@code AKIA}, {@code ghp_}, {@code PRIVATE KEY-----}, ...) in one pass over a file's
 * bytes, before any regular expression runs. Searching for each keyword in turn read each file 25 times and was
 * 61% of a repository scan.
 *
 * <p>Each keyword is anchored on its rarest pair of adjacent characters (a pair with an upper-case letter or a digit
 * before one of lower-case letters only: {@code yJ} of {@code eyJ}, {@code p_} of {@code ghp_}); a 64 Kbit table says
 * which pairs anchor a keyword, so ordinary text costs one table lookup per byte and only an anchor hit compares
 * whole keywords. Thread-safe once built.
 */
public final class KeywordIndex {
    /** One keyword of one detector: its bytes and where its anchor pair sits in it. */
    private record Keyword(byte[] bytes, int anchor, int detector) {
    }

    /** Receives each hit, in increasing {@code offset} order. */
    @FunctionalInterface
    public interface Hits {
        /**
         * @param detector the index of the detector in the list the index was built from
         * @param offset   where the keyword starts
         */
        void hit(int detector, int offset);
    }

    private final long[] anchors = new long[1 << 10];
    private final Map<Integer, Keyword[]> byAnchor = new HashMap<>();

    /** An index of the keywords of {@code detectors}; a detector without keywords is never hit. */
    public KeywordIndex(List<SecretDetector> detectors) {
        Map<Integer, List<Keyword>> lists = new HashMap<>();
        for (int d = 0; d < detectors.size(); d++) {
            for (String keyword : detectors.get(d).keywords()) {
                byte[] bytes = keyword.getBytes(StandardCharsets.ISO_8859_1);
                if (bytes.length < 2) {
                    throw new IllegalArgumentException("a keyword needs two characters: " + keyword);
                }
                int anchor = rarestPair(bytes);
                int pair = pair(bytes[anchor], bytes[anchor + 1]);
                anchors[pair >>> 6] |= 1L << pair;
                lists.computeIfAbsent(pair, p -> new ArrayList<>()).add(new Keyword(bytes, anchor, d));
            }
        }
        lists.forEach((pair, list) -> byAnchor.put(pair, list.toArray(Keyword[]::new)));
    }

    /** Reports every keyword occurrence in {@code text[0, length)}. */
    public void find(byte[] text, int length, Hits hits) {
        if (length < 2) {
            return;
        }
        int previous = text[0] & 0xFF;
        for (int i = 1; i < length; i++) {
            int current = text[i] & 0xFF;
            int pair = previous << 8 | current;
            if ((anchors[pair >>> 6] & 1L << pair) != 0) {
                for (Keyword keyword : byAnchor.get(pair)) {
                    int start = i - 1 - keyword.anchor();
                    if (start >= 0 && matches(text, length, start, keyword.bytes())) {
                        hits.hit(keyword.detector(), start);
                    }
                }
            }
            previous = current;
        }
    }

    /** Whether {@code text} holds any keyword (keywords are ASCII; other characters never match). */
    public boolean anyIn(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        boolean[] found = {false};
        find(bytes, bytes.length, (detector, offset) -> found[0] = true);
        return found[0];
    }

    private static boolean matches(byte[] text, int length, int start, byte[] keyword) {
        if (start + keyword.length > length) {
            return false;
        }
        for (int k = 0; k < keyword.length; k++) {
            if (text[start + k] != keyword[k]) {
                return false;
            }
        }
        return true;
    }

    private static int pair(byte first, byte second) {
        return (first & 0xFF) << 8 | second & 0xFF;
    }

    /** The offset of the pair least likely in ordinary text: lower-case letters and '.' are the commonest. */
    static int rarestPair(byte[] keyword) {
        int best = 0;
        int bestScore = Integer.MAX_VALUE;
        for (int i = 0; i + 1 < keyword.length; i++) {
            int score = commonness(keyword[i]) + commonness(keyword[i + 1]);
            if (score < bestScore) {
                best = i;
                bestScore = score;
            }
        }
        return best;
    }

    private static int commonness(byte b) {
        if (b >= 'a' && b <= 'z' || b == '.' || b == ' ') {
            return 3;
        }
        if (b == '_' || b == '-' || b == '/') {
            return 2;
        }
        return 1;
    }
}

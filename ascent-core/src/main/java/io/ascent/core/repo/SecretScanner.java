package io.ascent.core.repo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import io.ascent.core.secret.SecretDetector;
import io.ascent.core.secret.SecretFingerprint;

/**
 * Scans one committed file for secrets. The first {@value #BINARY_PROBE} bytes are read first: a NUL among them
 * marks the file binary (git's own test) and nothing more is read. Files over {@link #MAX_SCAN_BYTES} are skipped
 * before anything is read, from the size in the object header.
 *
 * <p>The text is decoded as ISO-8859-1, one char per byte, so that any file decodes and columns are byte offsets;
 * matched values are re-decoded as UTF-8 before they are fingerprinted. Detectors run in linear time
 * ({@link SecretDetector#find}), so one long line costs what its length costs.
 */
final class SecretScanner {
    /** As git: a NUL in the first 8000 bytes means binary. */
    static final int BINARY_PROBE = 8000;
    /** Larger files are not scanned (generated data, bundles, dumps); the report counts them. */
    static final long MAX_SCAN_BYTES = 10L * 1024 * 1024;

    enum Outcome { SCANNED, BINARY, TOO_LARGE }

    record Result(Outcome outcome, List<SecretFinding> findings) {
    }

    private final List<SecretDetector> detectors;
    private final SecretFingerprint fingerprints;

    SecretScanner(List<SecretDetector> detectors, SecretFingerprint fingerprints) {
        this.detectors = List.copyOf(detectors);
        this.fingerprints = fingerprints;
    }

    Result scan(TreeEntry entry, BlobReader reader) throws IOException {
        long size = reader.size(entry);
        if (size > MAX_SCAN_BYTES) {
            return new Result(Outcome.TOO_LARGE, List.of());
        }
        byte[] content;
        try (InputStream in = reader.open(entry)) {
            byte[] probe = in.readNBytes(BINARY_PROBE);
            if (indexOfNul(probe) >= 0) {
                return new Result(Outcome.BINARY, List.of());
            }
            byte[] rest = in.readNBytes((int) Math.max(0, size - probe.length));
            content = rest.length == 0 ? probe : concat(probe, rest);
        }
        return new Result(Outcome.SCANNED, scanText(entry.path(), entry.name(),
                new String(content, StandardCharsets.ISO_8859_1)));
    }

    /** Every match in {@code text}, the file at {@code path}. */
    List<SecretFinding> scanText(String path, String name, String text) {
        List<SecretFinding> found = new ArrayList<>();
        Lines lines = new Lines(text);
        for (SecretDetector detector : detectors) {
            if (!detector.fileFilter().accepts(name)) {
                continue;
            }
            if (detector.keywords().isEmpty()) {
                for (int start = 0; start < text.length(); ) {
                    int end = lines.endOf(start);
                    matchLine(detector, text, start, end, path, lines, found);
                    start = end + 1;
                }
                continue;
            }
            Set<Integer> linesDone = new HashSet<>();
            for (String keyword : detector.keywords()) {
                // After a hit, the next search starts at the end of its line: a line is matched at most once per
                // keyword, and a long line with a keyword every few characters is not walked back once per hit.
                for (int hit = text.indexOf(keyword); hit >= 0; ) {
                    int start = text.lastIndexOf('\n', hit) + 1;
                    int end = lines.endOf(hit);
                    if (linesDone.add(start)) {
                        matchLine(detector, text, start, end, path, lines, found);
                    }
                    hit = text.indexOf(keyword, end);
                }
            }
        }
        return found;
    }

    private void matchLine(SecretDetector detector, String text, int start, int end, String path, Lines lines,
            List<SecretFinding> found) {
        String line = text.substring(start, end);
        for (SecretDetector.Match match : detector.find(line)) {
            String secret = utf8(line.substring(match.start(), match.end()));
            if (detector.id().equals(SecretDetector.PRIVATE_KEY)) {
                // The header says what it is and is no secret; the key is the body, so it goes into the fingerprint.
                int bodyStart = end + 1;
                String body = bodyStart >= text.length() ? "" : text.substring(bodyStart, lines.endOf(bodyStart)).strip();
                if (body.length() < 16) {
                    continue; // a header without a key under it: documentation, not a key
                }
                secret = secret + "\n" + utf8(body);
            } else if (SecretDetector.isPlaceholder(secret)) {
                continue;
            }
            found.add(SecretFinding.of(path, lines.lineOf(start), match.start() + 1, detector, secret, fingerprints));
        }
    }

    private static String utf8(String latin1) {
        return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    private static int indexOfNul(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** Line numbers of offsets; the newline positions are only collected once a file has a hit. */
    private static final class Lines {
        private final String text;
        private int[] newlines;

        Lines(String text) {
            this.text = text;
        }

        int endOf(int start) {
            int end = text.indexOf('\n', start);
            return end < 0 ? text.length() : end;
        }

        int lineOf(int offset) {
            if (newlines == null) {
                int[] positions = new int[64];
                int count = 0;
                for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
                    if (count == positions.length) {
                        positions = Arrays.copyOf(positions, count * 2);
                    }
                    positions[count++] = i;
                }
                newlines = Arrays.copyOf(positions, count);
            }
            int index = Arrays.binarySearch(newlines, offset);
            return (index >= 0 ? index : -index - 1) + 1;
        }
    }
}

package io.ascent.core.repo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import io.ascent.core.secret.KeywordIndex;
import io.ascent.core.secret.PrivateKeyMaterial;
import io.ascent.core.secret.SecretAssignment;
import io.ascent.core.secret.SecretDetector;
import io.ascent.core.secret.SecretFingerprint;

/**
 * Scans one committed file for secrets. The first {@value #BINARY_PROBE} bytes are read first: a NUL among them
 * marks the file binary (git's own test) and nothing more is read. Files over {@link #MAX_SCAN_BYTES} are skipped
 * before anything is read, from the size in the object header.
 *
 * <p>One pass over the bytes finds every detector's keywords ({@link KeywordIndex}); only the lines that hold one
 * are decoded and given to that detector's pattern, once per detector and line, so a file without keywords costs
 * one table lookup per byte. Detectors without keywords (password assignments) read every line of the few files
 * they apply to. Text is ISO-8859-1, one char per byte, so that any file decodes and columns are byte offsets;
 * matched values are re-decoded as UTF-8 before they are fingerprinted. Patterns run in linear time
 * ({@link SecretDetector#find}), so one long line costs what its length costs.
 *
 * <p>Kubernetes Secrets in YAML or JSON files also have their {@code data} values decoded from base64 and scanned,
 * and their {@code stringData} values scanned as values ({@link SecretManifestData}); a finding there is reported at
 * the value.
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
    private final KeywordIndex keywords;
    private final SecretFingerprint fingerprints;

    SecretScanner(List<SecretDetector> detectors, SecretFingerprint fingerprints) {
        this.detectors = List.copyOf(detectors);
        this.keywords = new KeywordIndex(this.detectors);
        this.fingerprints = fingerprints;
    }

    Result scan(TreeEntry entry, BlobReader reader) throws IOException {
        BlobReader.Content blob = reader.read(entry, MAX_SCAN_BYTES, BINARY_PROBE);
        byte[] content = blob.bytes();
        if (content == null) {
            return new Result(Outcome.TOO_LARGE, List.of());
        }
        int length = content.length;
        if (indexOfNul(content, Math.min(BINARY_PROBE, length)) >= 0) {
            return new Result(Outcome.BINARY, List.of());
        }
        List<SecretFinding> found = scanBytes(entry.path(), entry.name(), content, length);
        if (SecretManifestData.mayHold(entry.name(), content, length)) {
            List<SecretFinding> values = scanSecretData(entry.path(), content, length);
            // A stringData value is also in the file as it is: what the plain scan found there is said once, as
            // found in the value (which also knows its key).
            found.removeIf(plain -> values.stream().anyMatch(value -> value.line() == plain.line()
                    && value.detector().id().equals(plain.detector().id())));
            found.addAll(values);
        }
        return new Result(Outcome.SCANNED, found);
    }

    /** Every match in {@code text}, the file at {@code path}. */
    List<SecretFinding> scanText(String path, String name, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return scanBytes(path, name, bytes, bytes.length);
    }

    private List<SecretFinding> scanBytes(String path, String name, byte[] text, int length) {
        List<SecretFinding> found = new ArrayList<>();
        Lines lines = new Lines(text, length);
        boolean[] applies = new boolean[detectors.size()];
        int[] lastLine = new int[detectors.size()];
        Arrays.fill(lastLine, -1);
        for (int d = 0; d < detectors.size(); d++) {
            SecretDetector detector = detectors.get(d);
            applies[d] = detector.fileFilter().accepts(name);
            if (applies[d] && detector.keywords().isEmpty()) {
                for (int start = 0; start < length; ) {
                    int end = lines.endOf(start);
                    matchLine(detector, lines, start, end, path, found);
                    start = end + 1;
                }
            }
        }
        keywords.find(text, length, (d, offset) -> {
            if (!applies[d]) {
                return;
            }
            int start = lines.startOf(offset);
            if (lastLine[d] == start) {
                return; // each line is matched once per detector, however many keywords it holds
            }
            lastLine[d] = start;
            matchLine(detectors.get(d), lines, start, lines.endOf(offset), path, found);
        });
        return found;
    }

    private void matchLine(SecretDetector detector, Lines lines, int start, int end, String path,
            List<SecretFinding> found) {
        String line = lines.text(start, end);
        for (SecretDetector.Match match : detector.find(line)) {
            String secret = utf8(line.substring(match.start(), match.end()));
            if (detector.id().equals(SecretDetector.PRIVATE_KEY)) {
                // The header says what it is and is no secret; the key is the body, so it goes into the fingerprint.
                if (!PrivateKeyMaterial.follows(lines.window(start + match.end()), 0)) {
                    continue; // a header without a key after it: documentation or a comment, not a key
                }
                int bodyStart = end + 1;
                String body = bodyStart >= lines.length() ? "" : lines.text(bodyStart, lines.endOf(bodyStart)).strip();
                secret = secret + "\n" + utf8(body);
            } else if (SecretDetector.isPlaceholder(secret)) {
                continue;
            }
            found.add(SecretFinding.of(path, lines.lineOf(start), match.start() + 1, detector, secret, fingerprints));
        }
    }

    /**
     * Findings in the decoded {@code data} and the {@code stringData} values of Secrets, each at its value. A value
     * is scanned as a file named by its key ({@code .env}, {@code application.properties}), and a one-line value
     * under a key that names a secret ({@code password}, {@code api-key}) is itself a password assignment when it
     * looks like one.
     */
    private List<SecretFinding> scanSecretData(String path, byte[] content, int length) {
        List<SecretFinding> found = new ArrayList<>();
        SecretDetector assignment = detectors.stream()
                .filter(d -> d.id().equals(SecretDetector.PASSWORD_ASSIGNMENT)).findFirst().orElse(null);
        for (SecretManifestData.Value value : SecretManifestData.values(path, content, length)) {
            byte[] decoded = value.decoded();
            if (indexOfNul(decoded, Math.min(decoded.length, BINARY_PROBE)) >= 0) {
                continue;
            }
            String where = value.where();
            for (SecretFinding finding : scanBytes(path, value.key(), decoded, decoded.length)) {
                // A literal block's lines are the file's lines: the finding keeps its own line and column there.
                found.add(value.indent() >= 0
                        ? finding.at(value.line() + finding.line(), value.indent() + finding.column(), where)
                        : finding.at(value.line(), value.column(), where));
            }
            String text = new String(decoded, StandardCharsets.UTF_8).strip();
            if (assignment != null && text.indexOf('\n') < 0 && SecretAssignment.namesSecret(value.key())
                    && SecretAssignment.looksLikeSecret(text)
                    && found.stream().noneMatch(f -> f.line() == value.line())) {
                found.add(SecretFinding.of(path, value.line(), value.column(), assignment, text, fingerprints)
                        .at(value.line(), value.column(), where));
            }
        }
        return found;
    }

    private static String utf8(String latin1) {
        return new String(latin1.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    private static int indexOfNul(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Lines of a file's bytes: starts and ends found as hits need them, numbers only once a file has a finding. */
    private static final class Lines {
        /** How much text after a private key header is read to find key material. */
        private static final int WINDOW = 4096;

        private final byte[] text;
        private final int length;
        private int[] newlines;
        /** The last offset {@link #startOf} was asked about, and the start of its line: hits come in order. */
        private int lastOffset;
        private int lastStart;

        Lines(byte[] text, int length) {
            this.text = text;
            this.length = length;
        }

        int length() {
            return length;
        }

        String text(int start, int end) {
            return new String(text, start, end - start, StandardCharsets.ISO_8859_1);
        }

        /** Up to {@value #WINDOW} characters from {@code start}. */
        String window(int start) {
            return text(start, Math.min(length, start + WINDOW));
        }

        int endOf(int offset) {
            for (int i = offset; i < length; i++) {
                if (text[i] == '\n') {
                    return i;
                }
            }
            return length;
        }

        /**
         * The start of the line holding {@code offset}. Hits arrive in increasing order, so the search back stops
         * at the previous hit: a long line with many hits is walked once, not once per hit.
         */
        int startOf(int offset) {
            int start = lastStart;
            for (int i = offset - 1; i >= lastOffset; i--) {
                if (text[i] == '\n') {
                    start = i + 1;
                    break;
                }
            }
            lastOffset = offset;
            lastStart = start;
            return start;
        }

        int lineOf(int offset) {
            if (newlines == null) {
                int[] positions = new int[64];
                int count = 0;
                for (int i = 0; i < length; i++) {
                    if (text[i] == '\n') {
                        if (count == positions.length) {
                            positions = Arrays.copyOf(positions, count * 2);
                        }
                        positions[count++] = i;
                    }
                }
                newlines = Arrays.copyOf(positions, count);
            }
            int index = Arrays.binarySearch(newlines, offset);
            return (index >= 0 ? index : -index - 1) + 1;
        }
    }
}

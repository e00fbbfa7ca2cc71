package io.ascent.core.baseline;

import java.util.Objects;

/**
 * One recorded finding.
 *
 * @param fingerprint the finding's line-independent identity, as in SARIF's {@code partialFingerprints}
 * @param id          the check that found it
 * @param path        the file it is about, or empty
 * @param hint        a short reminder for people reading the file (the finding's message, shortened); never used
 *                    for matching, and never a secret (messages are redacted before they get here)
 * @param count       how many findings share this fingerprint (the same finding twice in one file)
 * @param line        where the entry starts in the baseline file, 0 for an entry not read from a file
 * @param column      the column of that start, 0 when unknown
 */
public record BaselineEntry(String fingerprint, String id, String path, String hint, int count, int line,
        int column) {

    public BaselineEntry {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(hint, "hint");
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
    }
}

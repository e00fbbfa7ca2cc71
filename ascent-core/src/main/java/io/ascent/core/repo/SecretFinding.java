package io.ascent.core.repo;

import io.ascent.core.secret.SecretDetector;
import io.ascent.core.secret.SecretFingerprint;

/**
 * A secret found at {@code path:line:column}. It never holds the secret: only its keyed fingerprint, and the
 * unkeyed one older allow lists used, both made as soon as the match is found.
 *
 * @param fingerprint       the keyed fingerprint reports show ({@link SecretFingerprint})
 * @param legacyFingerprint the sha256 hex of {@code detectorId:secret} that reports printed before; only compared
 *                          with allow-list entries, never shown
 * @param encoding          how the secret was hidden where it was found ({@code base64 in the Secret's data 'x'}),
 *                          or {@code null} when it is in the file as it is
 */
record SecretFinding(String path, int line, int column, SecretDetector detector, String fingerprint,
        String legacyFingerprint, String encoding) {

    static SecretFinding of(String path, int line, int column, SecretDetector detector, String secret,
            SecretFingerprint fingerprints) {
        return new SecretFinding(path, line, column, detector, fingerprints.of(detector.id(), secret),
                SecretFingerprint.legacy(detector.id(), secret), null);
    }

    /** The same finding, found in an encoded value that starts at {@code line:column} of the file. */
    SecretFinding at(int valueLine, int valueColumn, String how) {
        return new SecretFinding(path, valueLine, valueColumn, detector, fingerprint, legacyFingerprint, how);
    }
}

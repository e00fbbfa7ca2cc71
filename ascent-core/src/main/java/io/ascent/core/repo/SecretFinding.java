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
 */
record SecretFinding(String path, int line, int column, SecretDetector detector, String fingerprint,
        String legacyFingerprint) {

    static SecretFinding of(String path, int line, int column, SecretDetector detector, String secret,
            SecretFingerprint fingerprints) {
        return new SecretFinding(path, line, column, detector, fingerprints.of(detector.id(), secret),
                SecretFingerprint.legacy(detector.id(), secret));
    }
}

package io.ascent.core.repo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A secret found at {@code path:line:column}. It never holds the secret: only a redacted form and a fingerprint
 * made as soon as the match is found.
 *
 * @param fingerprint sha256({@code detectorId + ":" + secret}) in hex; reports show its first 16 digits, and an
 *                    allowlisted fingerprint matches when it is a prefix of this one
 */
record SecretFinding(String path, int line, int column, SecretDetector detector, String redacted,
        String fingerprint) {

    static SecretFinding of(String path, int line, int column, SecretDetector detector, String secret,
            String redacted) {
        return new SecretFinding(path, line, column, detector, redacted, fullFingerprint(detector.id(), secret));
    }

    /** The fingerprint as reports show it. */
    String shortFingerprint() {
        return fingerprint.substring(0, 16);
    }

    /** The full sha256 hex of {@code detectorId:secret}; reports show its first 16 digits. */
    static String fullFingerprint(String detectorId, String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((detectorId + ":" + secret).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Enough to recognise a secret you know, too little to use one: at most the first 4 characters (fewer for
     * short values, a quarter of them), then its length.
     */
    static String redact(String secret) {
        int shown = Math.min(4, secret.length() / 4);
        return secret.substring(0, shown) + "…(" + secret.length() + " chars)";
    }
}

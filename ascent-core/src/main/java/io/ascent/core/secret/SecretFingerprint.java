package io.ascent.core.secret;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The name a report gives a secret so that a false positive can be allowlisted: 16 hex digits of
 * HMAC-SHA256(key, {@code detectorId + ":" + secret}), and nothing else (no leading characters, no length).
 *
 * <p>The key is the application's identity ({@code metadata.name} of its checklist): stable across clones (shallow
 * ones have no root commit to key by) and forks, so allow lists keep working, and different for each application,
 * so one table of precomputed guesses does not serve every repository. Anyone who can read the checklist can
 * compute it, so a fingerprint still lets a reader test guesses, one HMAC per guess; with no prefix and no length
 * to narrow them, that protects any secret that is not itself guessable. The trade-off is in
 * docs/repository-rules.md.
 */
public final class SecretFingerprint {
    /** Versioned so that a later change of scheme never collides with these values. */
    private static final String DOMAIN = "ascent-secret-fingerprint/v2\n";
    /** Digits reports show; 64 bits keep allow-list entries short and collisions out of reach. */
    public static final int DIGITS = 16;

    private final byte[] key;

    private SecretFingerprint(byte[] key) {
        this.key = key;
    }

    /** Fingerprints keyed by an application's identity (its checklist's {@code metadata.name}). */
    public static SecretFingerprint forApplication(String name) {
        return new SecretFingerprint((DOMAIN + "application:" + Objects.requireNonNull(name, "name"))
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The fingerprint reports show: {@value #DIGITS} lower-case hex digits. */
    public String of(String detectorId, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] hash = mac.doFinal((detectorId + ":" + secret).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, DIGITS / 2);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    /**
     * The fingerprint Ascent published before keyed fingerprints (sha256 of {@code detectorId:secret}, in full).
     * Only compared with allow-list entries written then, so that they keep matching while they are replaced;
     * never shown.
     */
    public static String legacy(String detectorId, String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((detectorId + ":" + secret).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

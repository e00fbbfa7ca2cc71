package io.ascent.core.report.render;

import io.ascent.core.report.Item;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable identities of findings across builds: rule, path and the item's key (or its message when it has none).
 * Line numbers are left out on purpose, so a finding that moves is still the same finding.
 */
public final class Fingerprints {

    private Fingerprints() {
    }

    /** The finding's identity: 32 hex digits, the same in SARIF, JSON and the baseline file. */
    public static String of(Item item) {
        String path = item.location() == null ? "" : item.location().path();
        String discriminator = item.key() != null ? item.key() : item.message();
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest((item.id() + "\n" + path + "\n" + discriminator)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}

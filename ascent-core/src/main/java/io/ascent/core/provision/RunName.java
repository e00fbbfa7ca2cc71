package io.ascent.core.provision;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Names a run: DNS-safe, at most {@value #MAX_LENGTH} characters, a prefix, the creation time (UTC, to the second)
 * and four random characters, so that eight runs started in the same second on one agent still differ and
 * {@code ascent gc} can read the age from the name as well as from the labels.
 */
final class RunName {

    static final int MAX_LENGTH = 40;
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    /** The {@code ascent.dev/created} label's form: a label value may not hold ':'. */
    static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private RunName() {
    }

    /** {@code prefix} (cut to fit) + {@code 20261130-013000} + {@code -k3f9}. */
    static String of(String prefix, Instant now) {
        String clean = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        String suffix = STAMP.format(now) + "-" + random(4);
        int room = MAX_LENGTH - suffix.length();
        if (clean.length() > room) {
            clean = clean.substring(0, room);
        }
        if (!clean.isEmpty() && !clean.endsWith("-")) {
            clean = clean.substring(0, Math.min(clean.length(), room - 1)) + "-";
        }
        if (clean.isEmpty() || !Character.isLetter(clean.charAt(0))) {
            clean = "ascent-";
        }
        return clean + suffix;
    }

    private static String random(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}

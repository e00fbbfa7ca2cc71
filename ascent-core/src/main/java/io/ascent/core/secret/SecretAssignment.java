package io.ascent.core.secret;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether an assignment ({@code KEY=value} in a dotenv or properties file, or a key of a Kubernetes Secret's
 * {@code data}) sets a secret. Keyword search alone reported every {@code tokenName: tenant-data}, so both sides
 * must agree, as gitleaks' generic rules require:
 * <ul>
 *   <li>the key's last word is the secret word ({@code DB_PASSWORD}, {@code spring.datasource.password},
 *       {@code apiKey}, {@code client-secret}), not a word before another one ({@code tokenName},
 *       {@code passwordPolicy}, {@code secret.ref});</li>
 *   <li>the value looks like a secret: not a plain word or phrase ({@code tenant-data}, {@code changeme}), not a
 *       reference ({@code ENC(...)}, {@code classpath:...}, a path, a URL without credentials), at least six
 *       characters, and Shannon entropy of at least 3 bits per character, or for short values nearly the most
 *       their length allows ({@code log2(length) - 0.7}), so that {@code aaaaaaa1} and {@code 11112222} are not
 *       secrets (gitleaks asks 3.5 bits and ten characters of its generic key rule).</li>
 * </ul>
 */
public final class SecretAssignment {
    /** Words that name a secret when they end a key. */
    private static final Set<String> SECRET_WORDS = Set.of("password", "passwd", "pwd", "pass", "passphrase",
            "secret", "token", "credential", "credentials", "apikey", "privatekey", "secretkey", "accesskey");
    /** Words that make a trailing "key" a secret ({@code API_KEY}, {@code private.key}, {@code secretKey}). */
    private static final Set<String> KEY_QUALIFIERS = Set.of("api", "private", "secret", "access", "encryption",
            "signing", "master");
    /** Suffixes of one-word lower-case keys ({@code dbpassword}, {@code apitoken}, {@code clientsecret}). */
    private static final List<String> SECRET_SUFFIXES = List.of("password", "passwd", "secret", "token", "apikey",
            "privatekey", "secretkey", "accesskey");
    /** Bits per character below which a value is a word, a number or a mask, not a secret. */
    static final double MIN_ENTROPY = 3.0;

    private SecretAssignment() {
    }

    /** Whether the key names a secret: its last word is a secret word (see the class comment). */
    public static boolean namesSecret(String key) {
        List<String> words = words(key);
        if (words.isEmpty()) {
            return false;
        }
        String last = words.get(words.size() - 1);
        if (SECRET_WORDS.contains(last)) {
            return true;
        }
        if (last.equals("key")) {
            return words.size() > 1 && KEY_QUALIFIERS.contains(words.get(words.size() - 2));
        }
        return words.size() == 1 && SECRET_SUFFIXES.stream().anyMatch(last::endsWith);
    }

    /** Whether a value (quotes allowed) looks like a secret rather than a word, a reference or a placeholder. */
    public static boolean looksLikeSecret(String value) {
        String v = unquote(value.strip());
        if (SecretDetector.isPlaceholder(v) || v.length() < 6) {
            return false;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        if (v.chars().allMatch(c -> Character.isLetter(c) || c == '_' || c == '.' || c == '-' || c == ' ')) {
            return false; // a word, an identifier or a phrase: tenant-data, changeme, Invalid token
        }
        if (lower.startsWith("enc(") || lower.startsWith("classpath:") || lower.startsWith("file:")
                || lower.startsWith("vault:") || v.startsWith("/") || v.startsWith("./") || v.startsWith("~/")
                || (isUrl(lower) && !v.contains("@"))) {
            return false; // a reference to where the secret is, not the secret
        }
        // A short value cannot reach 3 bits (eight characters at most give log2(8)); ask nearly the most it can.
        return entropy(v) >= Math.min(MIN_ENTROPY, Math.log(v.length()) / Math.log(2) - 0.7);
    }

    /** Shannon entropy in bits per character. */
    static double entropy(String value) {
        char[] chars = value.toCharArray();
        Arrays.sort(chars);
        double bits = 0;
        for (int start = 0; start < chars.length; ) {
            int end = start;
            while (end < chars.length && chars[end] == chars[start]) {
                end++;
            }
            double p = (double) (end - start) / chars.length;
            bits -= p * Math.log(p) / Math.log(2);
            start = end;
        }
        return bits;
    }

    /** {@code scheme://...}: a URL. */
    private static boolean isUrl(String lower) {
        int colon = lower.indexOf("://");
        if (colon <= 0 || !Character.isLetter(lower.charAt(0))) {
            return false;
        }
        for (int i = 1; i < colon; i++) {
            char c = lower.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '+' || c == '.' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** The key's words, lower case: split at {@code . _ -}, spaces and camelCase humps. */
    static List<String> words(String key) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        String k = key.strip();
        if (k.startsWith("export ")) {
            k = k.substring(7).strip();
        }
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            boolean separator = c == '.' || c == '_' || c == '-' || Character.isWhitespace(c);
            boolean hump = Character.isUpperCase(c) && i > 0 && Character.isLowerCase(k.charAt(i - 1));
            if ((separator || hump) && !word.isEmpty()) {
                words.add(word.toString().toLowerCase(Locale.ROOT));
                word.setLength(0);
            }
            if (!separator) {
                word.append(c);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString().toLowerCase(Locale.ROOT));
        }
        return words;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }
}

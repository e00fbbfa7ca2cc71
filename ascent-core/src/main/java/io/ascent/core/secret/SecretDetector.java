package io.ascent.core.secret;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiPredicate;
import java.util.function.IntPredicate;

/**
 * One kind of secret: literal keywords that any match contains (looked for first, across the whole file, so lines
 * without them cost nothing), and the pattern that confirms a match on the line. The {@code secret} group is what
 * is fingerprinted and redacted.
 *
 * <p>Patterns are RE2 (linear time, whatever the line): a repository controls the text, and Java's backtracking
 * engine took seconds on one 64 KB line and never finished on 1 MB. RE2 has no look-around, so the "not preceded
 * by" and "not followed by" conditions of the usual token patterns are {@link #notBefore} and {@link #notAfter},
 * checked in {@link #find}.
 *
 * @param id          stable id shown in reports, such as {@code aws-access-key-id}
 * @param description what was found, for messages
 * @param keywords    literals every match contains; empty: the pattern runs on every line of the files it applies to
 * @param pattern     the confirming pattern, with a group named {@code secret}
 * @param notBefore   characters that must not come right before the secret (it would be part of a longer word)
 * @param notAfter    characters that must not come right after it
 * @param fileFilter  which files it applies to
 * @param confirm     whether a match is a secret, given the pattern's group {@code key} ({@code ""} when it has
 *                    none) and the matched secret: for checks a regular expression cannot make (entropy)
 */
public record SecretDetector(String id, String description, List<String> keywords, Pattern pattern,
        IntPredicate notBefore, IntPredicate notAfter, FileFilter fileFilter, BiPredicate<String, String> confirm) {

    /** A detector whose every match is a secret. */
    public SecretDetector(String id, String description, List<String> keywords, Pattern pattern,
            IntPredicate notBefore, IntPredicate notAfter, FileFilter fileFilter) {
        this(id, description, keywords, pattern, notBefore, notAfter, fileFilter, (key, secret) -> true);
    }

    /** Which files a detector reads. */
    public enum FileFilter {
        ALL,
        /** dotenv files ({@code .env}, {@code .env.*}, {@code *.env}) and Java properties files. */
        ASSIGNMENT_FILES;

        public boolean accepts(String name) {
            if (this == ALL) {
                return true;
            }
            String lower = name.toLowerCase(Locale.ROOT);
            return lower.equals(".env") || lower.startsWith(".env.") || lower.endsWith(".env")
                    || lower.endsWith(".properties");
        }
    }

    /** Where a secret is in the text given to {@link #find}: {@code [start, end)}. */
    public record Match(SecretDetector detector, int start, int end) {
    }

    public static final String PRIVATE_KEY = "private-key";
    public static final String PASSWORD_ASSIGNMENT = "password-assignment";

    private static final IntPredicate NOTHING = c -> false;
    private static final IntPredicate UPPER_OR_DIGIT = c -> c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    private static final IntPredicate WORD = c -> UPPER_OR_DIGIT.test(c) || c >= 'a' && c <= 'z' || c == '_';
    private static final IntPredicate WORD_OR_DASH = c -> WORD.test(c) || c == '-';

    /** The built-in detectors. Each is documented in docs/repository-rules.md. */
    public static final List<SecretDetector> BUILT_IN = List.of(
            new SecretDetector(PRIVATE_KEY, "a private key (PEM or OpenSSH)", List.of("PRIVATE KEY-----"),
                    Pattern.compile("(?P<secret>-----BEGIN (?:[A-Z0-9]+ ){0,2}PRIVATE KEY(?: BLOCK)?-----)"),
                    NOTHING, NOTHING, FileFilter.ALL),
            new SecretDetector("aws-access-key-id", "an AWS access key id",
                    List.of("AKIA", "ASIA", "ABIA", "ACCA", "A3T"),
                    Pattern.compile("(?P<secret>(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16})"),
                    UPPER_OR_DIGIT, UPPER_OR_DIGIT, FileFilter.ALL),
            new SecretDetector("github-token", "a GitHub token",
                    List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"),
                    Pattern.compile("(?P<secret>gh[pousr]_[A-Za-z0-9]{36,251}|github_pat_[A-Za-z0-9_]{82}"
                            + "[A-Za-z0-9_]*)"),
                    WORD, WORD, FileFilter.ALL),
            new SecretDetector("gitlab-token", "a GitLab token", List.of("glpat-", "glptt-", "gldt-", "glrt-"),
                    Pattern.compile("(?P<secret>gl(?:pat|ptt|dt|rt)-[A-Za-z0-9_.-]{20}[A-Za-z0-9_.-]*)"),
                    WORD_OR_DASH, NOTHING, FileFilter.ALL),
            new SecretDetector("slack-token", "a Slack token or webhook",
                    List.of("xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xapp-", "hooks.slack.com/services/"),
                    Pattern.compile("(?P<secret>xox[bpars]-[A-Za-z0-9-]{10}[A-Za-z0-9-]*"
                            + "|xapp-[0-9]-[A-Za-z0-9-]{10}[A-Za-z0-9-]*"
                            + "|https://hooks\\.slack\\.com/services/T[A-Za-z0-9_]+/B[A-Za-z0-9_]+/[A-Za-z0-9_]+)"),
                    NOTHING, NOTHING, FileFilter.ALL),
            new SecretDetector("google-api-key", "a Google API key", List.of("AIza"),
                    Pattern.compile("(?P<secret>AIza[0-9A-Za-z_-]{35})"),
                    WORD_OR_DASH, WORD_OR_DASH, FileFilter.ALL),
            new SecretDetector("jwt", "a JSON Web Token", List.of("eyJ"),
                    Pattern.compile("(?P<secret>eyJ[A-Za-z0-9_-]{8}[A-Za-z0-9_-]*\\.eyJ[A-Za-z0-9_-]{8}"
                            + "[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]{8}[A-Za-z0-9_-]*)"),
                    WORD_OR_DASH, NOTHING, FileFilter.ALL),
            new SecretDetector(PASSWORD_ASSIGNMENT, "a password or secret assigned to a key that names one",
                    List.of(),
                    Pattern.compile("(?i)^\\s*(?:export\\s+)?(?P<key>[A-Za-z0-9_.-]*(?:pass|pwd|secret|token"
                            + "|key|credential)[A-Za-z0-9_.-]*)\\s*[=:]\\s*(?P<secret>.*?)\\s*$"),
                    NOTHING, NOTHING, FileFilter.ASSIGNMENT_FILES,
                    (key, secret) -> SecretAssignment.namesSecret(key) && SecretAssignment.looksLikeSecret(secret)));

    /**
     * Every match in {@code text} (one line, or any text without line-anchored patterns), left to right, without
     * overlaps. Time is linear in the length of {@code text}: a rejected candidate is skipped past, never retried
     * from every following character.
     */
    public List<Match> find(CharSequence text) {
        List<Match> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        boolean keyed = pattern.pattern().contains("(?P<key>");
        int from = 0;
        while (from <= text.length() && matcher.find(from)) {
            int start = matcher.start("secret");
            int end = matcher.end("secret");
            if (start > 0 && notBefore.test(text.charAt(start - 1))) {
                // Every start inside this run of word characters is preceded by one too: resume after the run.
                int next = start;
                while (next < text.length() && notBefore.test(text.charAt(next))) {
                    next++;
                }
                from = next + 1;
                continue;
            }
            if (end < text.length() && notAfter.test(text.charAt(end))) {
                from = start + 1;
                continue;
            }
            if (confirm.test(keyed ? matcher.group("key") : "", text.subSequence(start, end).toString())) {
                found.add(new Match(this, start, end));
            }
            from = Math.max(end, start + 1);
        }
        return found;
    }

    /**
     * Whether a matched value is a placeholder, not a secret: empty, a variable reference ({@code ${DB_PASSWORD}},
     * {@code $DB_PASSWORD}, {@code %(x)s}, {@code {{ x }}}), {@code <your-password>}, masks such as
     * {@code ****}, or the AWS documentation's {@code ...EXAMPLE} keys.
     */
    public static boolean isPlaceholder(String value) {
        String v = value;
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            v = v.substring(1, v.length() - 1);
        }
        return v.isBlank() || v.startsWith("$") || v.startsWith("%(") || v.startsWith("{{") || v.startsWith("#")
                || (v.startsWith("<") && v.endsWith(">")) || isMask(v) || v.endsWith("EXAMPLE");
    }

    private static boolean isMask(String v) {
        return v.chars().allMatch(c -> c == '*' || c == 'x' || c == 'X' || c == '.' || c == '-' || c == '_');
    }
}

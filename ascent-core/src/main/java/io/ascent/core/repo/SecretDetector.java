package io.ascent.core.repo;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One kind of secret: literal keywords that any match contains (looked for first, across the whole file, so lines
 * without them cost nothing), and the pattern that confirms a match on the line. The {@code secret} group is what
 * is fingerprinted and redacted.
 *
 * @param id          stable id shown in reports and fingerprints, such as {@code aws-access-key-id}
 * @param description what was found, for messages
 * @param keywords    literals every match contains; empty: the pattern runs on every line of the files it applies to
 * @param pattern     the confirming pattern, with a group named {@code secret}
 * @param fileFilter  which files it applies to
 */
record SecretDetector(String id, String description, List<String> keywords, Pattern pattern, FileFilter fileFilter) {

    /** Which files a detector reads. */
    enum FileFilter {
        ALL,
        /** dotenv files ({@code .env}, {@code .env.*}, {@code *.env}) and Java properties files. */
        ASSIGNMENT_FILES;

        boolean accepts(String name) {
            if (this == ALL) {
                return true;
            }
            String lower = name.toLowerCase(Locale.ROOT);
            return lower.equals(".env") || lower.startsWith(".env.") || lower.endsWith(".env")
                    || lower.endsWith(".properties");
        }
    }

    static final String PRIVATE_KEY = "private-key";

    /** The built-in detectors. Each is documented in docs/repository-rules.md. */
    static final List<SecretDetector> BUILT_IN = List.of(
            new SecretDetector(PRIVATE_KEY, "a private key (PEM or OpenSSH)", List.of("PRIVATE KEY-----"),
                    Pattern.compile("(?<secret>-----BEGIN (?:[A-Z0-9]+ ){0,2}PRIVATE KEY(?: BLOCK)?-----)"),
                    FileFilter.ALL),
            new SecretDetector("aws-access-key-id", "an AWS access key id",
                    List.of("AKIA", "ASIA", "ABIA", "ACCA", "A3T"),
                    Pattern.compile("(?<![A-Z0-9])(?<secret>(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16})"
                            + "(?![A-Z0-9])"),
                    FileFilter.ALL),
            new SecretDetector("github-token", "a GitHub token",
                    List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"),
                    Pattern.compile("(?<![A-Za-z0-9_])(?<secret>(?:gh[pousr]_[A-Za-z0-9]{36,251}"
                            + "|github_pat_[A-Za-z0-9_]{82,}))(?![A-Za-z0-9_])"),
                    FileFilter.ALL),
            new SecretDetector("gitlab-token", "a GitLab token", List.of("glpat-", "glptt-", "gldt-", "glrt-"),
                    Pattern.compile("(?<![A-Za-z0-9_-])(?<secret>gl(?:pat|ptt|dt|rt)-[A-Za-z0-9_.-]{20,})"),
                    FileFilter.ALL),
            new SecretDetector("slack-token", "a Slack token or webhook",
                    List.of("xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xapp-", "hooks.slack.com/services/"),
                    Pattern.compile("(?<secret>xox[bpars]-[A-Za-z0-9-]{10,}|xapp-[0-9]-[A-Za-z0-9-]{10,}"
                            + "|https://hooks\\.slack\\.com/services/T[A-Za-z0-9_]+/B[A-Za-z0-9_]+/[A-Za-z0-9_]+)"),
                    FileFilter.ALL),
            new SecretDetector("google-api-key", "a Google API key", List.of("AIza"),
                    Pattern.compile("(?<![A-Za-z0-9_-])(?<secret>AIza[0-9A-Za-z_-]{35})(?![A-Za-z0-9_-])"),
                    FileFilter.ALL),
            new SecretDetector("jwt", "a JSON Web Token", List.of("eyJ"),
                    Pattern.compile("(?<![A-Za-z0-9_-])(?<secret>eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}"
                            + "\\.[A-Za-z0-9_-]{8,})"),
                    FileFilter.ALL),
            new SecretDetector("password-assignment", "a password or secret assigned in a dotenv or properties file",
                    List.of(),
                    Pattern.compile("(?i)^\\s*(?:export\\s+)?[A-Za-z0-9_.-]*(?:password|passwd|pwd|secret|token"
                            + "|api[_.-]?key|private[_.-]?key|credentials?)[A-Za-z0-9_.-]*\\s*[=:]\\s*"
                            + "(?<secret>.*?)\\s*$"),
                    FileFilter.ASSIGNMENT_FILES));

    /**
     * Whether a matched value is a placeholder, not a secret: empty, a variable reference ({@code ${DB_PASSWORD}},
     * {@code $DB_PASSWORD}, {@code %(x)s}, {@code {{ x }}}), {@code <your-password>}, masks such as
     * {@code ****}, or the AWS documentation's {@code ...EXAMPLE} keys.
     */
    static boolean isPlaceholder(String value) {
        String v = value;
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            v = v.substring(1, v.length() - 1);
        }
        return v.isBlank() || v.startsWith("$") || v.startsWith("%(") || v.startsWith("{{") || v.startsWith("#")
                || (v.startsWith("<") && v.endsWith(">")) || v.matches("[*xX.\\-_]+") || v.endsWith("EXAMPLE");
    }
}

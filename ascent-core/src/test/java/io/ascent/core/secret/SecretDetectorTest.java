package io.ascent.core.secret;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.testing.CountingText;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretDetectorTest {
    /**
     * Reads per character a linear scan stays under: the matcher reads each character a few times (a candidate's
     * start, its run, the look-around checks); a backtracking retry from every character reads each about n times.
     */
    private static final long LINEAR_READS_PER_CHARACTER = 16;

    /** Lines of about 1 MB built to make a backtracking engine retry at every character. */
    static Stream<Arguments> hostileLines() {
        int n = 1 << 20;
        return Stream.of(
                Arguments.of("password-assignment", "password" + "password".repeat(n / 8) + " "),
                Arguments.of("password-assignment", "password= " + " ".repeat(n) + "x"),
                Arguments.of("jwt", ("a" + "eyJ" + "b".repeat(40) + ".").repeat(n / 45)),
                Arguments.of("jwt", "eyJ" + "a".repeat(n)),
                Arguments.of("github-token", ("_ghp_" + "a".repeat(300)).repeat(n / 305)),
                Arguments.of("gitlab-token", "glpat-".repeat(n / 6)),
                Arguments.of("slack-token", "xoxb-".repeat(n / 5) + "!"),
                Arguments.of("aws-access-key-id", ("AKIA" + "B".repeat(17)).repeat(n / 21)),
                Arguments.of("google-api-key", ("AIza" + "c".repeat(36)).repeat(n / 40)));
    }

    @ParameterizedTest(name = "{0} #{index}")
    @MethodSource("hostileLines")
    void shouldTakeLinearTimeOnAMegabyteLine(String id, String line) {
        SecretDetector detector = SecretDetector.BUILT_IN.stream().filter(d -> d.id().equals(id)).findFirst()
                .orElseThrow();
        CountingText text = new CountingText(line);
        detector.find(text);
        assertThat(text.reads()).as("character reads for %d characters", line.length())
                .isLessThan(LINEAR_READS_PER_CHARACTER * line.length());
    }

    static Stream<Arguments> boundaries() {
        String aws = "AKIA" + "Q3EGRTZL7NXW5VJD";
        String google = "AIza" + "SyD3f7Gk2LmN8pQ4rS6tU0vW1xY5zA9bC7d";
        return Stream.of(
                Arguments.of("aws-access-key-id", "id=" + aws + ";", 1),
                Arguments.of("aws-access-key-id", "X" + aws, 0),
                Arguments.of("aws-access-key-id", aws + "Z", 0),
                Arguments.of("google-api-key", "k=" + google, 1),
                Arguments.of("google-api-key", "-" + google, 0),
                Arguments.of("google-api-key", google + "_", 0),
                Arguments.of("jwt", "x.eyJ" + "hbGciOiJI.eyJzdWIiOiIx.dozjgNryP4J", 1),
                Arguments.of("jwt", "_eyJ" + "hbGciOiJI.eyJzdWIiOiIx.dozjgNryP4J", 0));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("boundaries")
    void shouldKeepTheWordBoundariesOfTheLookAroundPatterns(String id, String text, int matches) {
        SecretDetector detector = SecretDetector.BUILT_IN.stream().filter(d -> d.id().equals(id)).findFirst()
                .orElseThrow();
        assertThat(detector.find(text)).hasSize(matches);
    }

    @Test
    void shouldFindAnAssignedPasswordAndPassTheKeyToTheConfirmation() {
        SecretDetector detector = SecretDetector.BUILT_IN.stream()
                .filter(d -> d.id().equals(SecretDetector.PASSWORD_ASSIGNMENT)).findFirst().orElseThrow();
        String secret = "Tr0ub4dor" + "&3-horse";
        assertThat(detector.find("DB_PASSWORD=" + secret)).singleElement()
                .satisfies(m -> assertThat(m.start()).isEqualTo("DB_PASSWORD=".length()))
                .satisfies(m -> assertThat(m.end()).isEqualTo(("DB_PASSWORD=" + secret).length()));
        assertThat(detector.find("TOKEN_NAME=" + secret)).as("the key does not name a secret").isEmpty();
        assertThat(detector.find("DB_PASSWORD=")).as("an empty value").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "''", "\"${DB_PASSWORD}\"", "'<your-password>'", "********", "xxxx-XXXX",
            "AKIAIOSFODNN7EXAMPLE", "#", "{{ .Values.password }}", "%(password)s"})
    void shouldTakeAPlaceholderQuotedOrNot(String value) {
        assertThat(SecretDetector.isPlaceholder(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a$b\"", "\"$ba", "a$b'", "'$ba", "s3cr3t", "*x*y*z1"})
    void shouldNotTakeAValueWithOneStrayQuoteOrRealCharactersForAPlaceholder(String value) {
        assertThat(SecretDetector.isPlaceholder(value)).isFalse();
    }
}

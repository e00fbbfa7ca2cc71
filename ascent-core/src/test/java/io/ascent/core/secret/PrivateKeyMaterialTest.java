package io.ascent.core.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PrivateKeyMaterialTest {
    static final String LINE = "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun";
    /** Sixteen distinct base64 characters: one short of what key material needs. */
    static final String SIXTEEN = "ABCDEFGHIJKLMNOP";

    static Stream<Arguments> material() {
        return Stream.of(
                Arguments.of("PEM", "\n" + LINE + "\n" + LINE + "\n-----END", true),
                Arguments.of("indented in a YAML block", "\n    " + LINE + "\n    " + LINE + "\n", true),
                Arguments.of("encrypted PEM with headers", "\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,0A1B\n\n"
                        + LINE + "\n", true),
                Arguments.of("a JSON string", "\\n" + LINE + "\\n" + LINE + "\\n-----END RSA PRIVATE KEY-----\"", true),
                Arguments.of("Java strings joined with +", "\\n\" +\n    \"" + LINE + "\\n\" +\n", true),
                Arguments.of("commented out", "\n# " + LINE + "\n# " + LINE + "\n", true),
                Arguments.of("a comment in ascent.yaml", "\n# files are forbidden below\nrepository:\n", false),
                Arguments.of("prose", "\nThe key follows this header in the real file, never in git.\n", false),
                Arguments.of("an ellipsis", "\n...\n-----END PRIVATE KEY-----\n", false),
                Arguments.of("a mask", "\n" + "x".repeat(64) + "\n", false),
                Arguments.of("too short", "\nMIIEowIBAAKCAQ\n-----END PRIVATE KEY-----\n", false),
                Arguments.of("nothing", "", false),
                Arguments.of("code that looks for headers", "\")) {\n    return true;\n", false),
                Arguments.of("trailing spaces", "\n" + LINE + "  \n" + LINE + "  \n", true),
                Arguments.of("commented out with //", "\n// " + LINE + "\n// " + LINE + "\n", true),
                Arguments.of("Java strings joined with a leading +", "\\n\"\n    + \"" + LINE + "\\n\"\n    + \""
                        + LINE + "\\n\"", true),
                Arguments.of("material starting with a + (base64, not a join)", "\n  +"
                        + LINE.substring(0, PrivateKeyMaterial.MIN_BASE64 - 1) + "\n", true),
                Arguments.of("a + ending a line before it", "\n\" +\n" + LINE + "\n" + LINE + "\n", true),
                Arguments.of("text without a final newline", "\n" + LINE.substring(0, 20), false),
                Arguments.of("text ending in a backslash", "\n" + LINE.substring(0, 20) + "\\", false),
                Arguments.of("a line of other text first", "\n!" + LINE + "\n" + LINE + "\n", false),
                Arguments.of("a line starting with a colon", "\n: x\n" + LINE + "\n" + LINE + "\n", false),
                Arguments.of("prose with a colon", "\nnote, see: below\n" + LINE + "\n" + LINE + "\n", false),
                Arguments.of("exactly the minimum", "\n" + LINE.substring(0, PrivateKeyMaterial.MIN_BASE64) + "\n",
                        true),
                Arguments.of("one short of the minimum", "\n" + LINE.substring(0, PrivateKeyMaterial.MIN_BASE64 - 1)
                        + "\n", false),
                Arguments.of("only 16 distinct characters", "\n" + SIXTEEN.repeat(3) + "\n", false),
                Arguments.of("16 distinct in the minimum, more after it", "\n" + SIXTEEN.repeat(2)
                        + SIXTEEN.substring(0, 8) + "\n" + LINE + "\n", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("material")
    void shouldTellKeyMaterialFromAHeaderAlone(String what, String after, boolean key) {
        assertThat(PrivateKeyMaterial.follows(after, 0)).isEqualTo(key);
    }
}

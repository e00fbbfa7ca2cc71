package io.ascent.core.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PrivateKeyMaterialTest {
    static final String LINE = "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun";

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
                Arguments.of("code that looks for headers", "\")) {\n    return true;\n", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("material")
    void shouldTellKeyMaterialFromAHeaderAlone(String what, String after, boolean key) {
        assertThat(PrivateKeyMaterial.follows(after, 0)).isEqualTo(key);
    }
}

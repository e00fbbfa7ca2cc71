package io.ascent.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.re2j.Pattern;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordIndexTest {
    private final KeywordIndex index = new KeywordIndex(SecretDetector.BUILT_IN);

    private List<String> hits(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        List<String> hits = new ArrayList<>();
        index.find(bytes, bytes.length, (d, offset) -> hits.add(SecretDetector.BUILT_IN.get(d).id() + "@" + offset));
        return hits;
    }

    @Test
    void shouldFindEveryKeywordOfEveryDetectorInOnePassInOrder() {
        for (SecretDetector detector : SecretDetector.BUILT_IN) {
            for (String keyword : detector.keywords()) {
                assertThat(hits(keyword)).as(keyword).containsExactly(detector.id() + "@0");
                assertThat(hits("xx " + keyword + " yy")).as(keyword).containsExactly(detector.id() + "@3");
            }
        }
        assertThat(hits("ghp_ and AKIA and eyJ")).containsExactly("github-token@0", "aws-access-key-id@9",
                "jwt@18");
    }

    @Test
    void shouldNotFindPartsOfKeywordsOrKeywordsCutByTheEnd() {
        assertThat(hits("gh p_ AKI eyj PRIVATE KEY---- xoxb hooks.slack.com/services")).isEmpty();
        assertThat(hits("")).isEmpty();
        assertThat(hits("A")).isEmpty();
    }

    @Test
    void shouldTellWhetherAnyKeywordIsInTextOfAnyCharacters() {
        assertThat(index.anyIn("image: registry/app:1.0 — ünïcode")).isFalse();
        assertThat(index.anyIn("ünïcode then xoxb-")).isTrue();
    }

    /** A detector with the one keyword given, to build an index of it alone. */
    private static SecretDetector withKeyword(String keyword) {
        return new SecretDetector("k", "a keyword of " + keyword.length(), List.of(keyword),
                Pattern.compile("(?P<secret>" + keyword + ")"), c -> false, c -> false, SecretDetector.FileFilter.ALL);
    }

    @Test
    void shouldTakeATwoCharacterKeywordAndFindItInTwoBytes() {
        KeywordIndex small = new KeywordIndex(List.of(withKeyword("q9")));
        assertThat(small.anyIn("q9")).isTrue();
        assertThat(small.anyIn("q")).isFalse();
    }

    @Test
    void shouldRefuseAOneCharacterKeyword() {
        assertThatThrownBy(() -> new KeywordIndex(List.of(withKeyword("q"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

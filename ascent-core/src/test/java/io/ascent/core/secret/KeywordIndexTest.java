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

    @Test
    void shouldTakeATwoCharacterKeywordAndFindItInTwoBytes() {
        SecretDetector twoCharacters = new SecretDetector("two", "a two-character keyword", List.of("q9"),
                Pattern.compile("(?P<secret>q9)"), c -> false, c -> false,
                SecretDetector.FileFilter.ALL);
        KeywordIndex small = new KeywordIndex(List.of(twoCharacters));
        assertThat(small.anyIn("q9")).isTrue();
        assertThat(small.anyIn("q")).isFalse();
    }

    @Test
    void shouldRefuseAOneCharacterKeyword() {
        SecretDetector oneCharacter = new SecretDetector("one", "a one-character keyword", List.of("q"),
                Pattern.compile("(?P<secret>q)"), c -> false, c -> false,
                SecretDetector.FileFilter.ALL);
        assertThatThrownBy(() -> new KeywordIndex(List.of(oneCharacter)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

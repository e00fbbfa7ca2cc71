package io.ascent.core.glob;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathPatternTest {

    @Test
    void shouldAnchorPatternsAtTheApplicationDirectory() {
        PathPattern readme = PathPattern.compile("README*");
        assertThat(readme.matches("README.md")).isTrue();
        assertThat(readme.matches("README")).isTrue();
        assertThat(readme.matches("docs/README.md")).isFalse();
    }

    @Test
    void shouldMatchAnyDepthWithDoubleStar() {
        PathPattern pem = PathPattern.compile("**/*.pem");
        assertThat(pem.matches("a.pem")).isTrue();
        assertThat(pem.matches("a/b/c/d.pem")).isTrue();
        assertThat(pem.matches("a/b/c/d.pem.txt")).isFalse();
        assertThat(PathPattern.compile("src/**/test/*.java").matches("src/test/A.java")).isTrue();
        assertThat(PathPattern.compile("src/**/test/*.java").matches("src/a/b/test/A.java")).isTrue();
        assertThat(PathPattern.compile("src/**").matches("src/a/b")).isTrue();
    }

    @Test
    void shouldKeepSingleStarAndQuestionMarkWithinOneName() {
        assertThat(PathPattern.compile("*.md").matches("docs/a.md")).isFalse();
        assertThat(PathPattern.compile("?.md").matches("a.md")).isTrue();
        assertThat(PathPattern.compile("?.md").matches("ab.md")).isFalse();
        assertThat(PathPattern.compile("[Rr]eadme.md").matches("readme.md")).isTrue();
        assertThat(PathPattern.compile("[!R]eadme.md").matches("Readme.md")).isFalse();
    }

    @Test
    void shouldAcceptAnyAlternative() {
        PathPattern license = PathPattern.compile("LICENSE*|COPYING*");
        assertThat(license.matches("COPYING")).isTrue();
        assertThat(license.matches("LICENSE.txt")).isTrue();
        assertThat(license.matches("NOTICE")).isFalse();
    }

    @Test
    void shouldBeCaseSensitiveAsGitIs() {
        assertThat(PathPattern.compile("README*").matches("readme.md")).isFalse();
        assertThat(PathPattern.compile("Dockerfile").matches("dockerfile")).isFalse();
    }

    @Test
    void shouldLetAFolderPatternCoverTheFilesBelowIt() {
        PathPattern modules = PathPattern.compile("node_modules/");
        assertThat(modules.matchingPrefix("node_modules/a/b.js")).isEqualTo("node_modules");
        assertThat(modules.matchingPrefix("src/node_modules/a.js")).isNull();
        assertThat(PathPattern.compile("**/node_modules").matchingPrefix("src/node_modules/a.js"))
                .isEqualTo("src/node_modules");
        assertThat(PathPattern.compile("./deploy/").matches("deploy")).isTrue();
    }

    @Test
    void shouldTreatRegularExpressionCharactersLiterally() {
        assertThat(PathPattern.compile("a+b (1).txt").matches("a+b (1).txt")).isTrue();
        assertThat(PathPattern.compile("*.t+t").matches("x.ttt")).isFalse();
        assertThat(PathPattern.compile("v1.*").matches("v1x2")).isFalse();
    }
}

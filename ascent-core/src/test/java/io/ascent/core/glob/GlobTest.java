package io.ascent.core.glob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class GlobTest {

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource(delimiter = ' ', value = {
        "deploy/*.yaml deploy/a.yaml true",
        "deploy/*.yaml deploy/x/a.yaml false",
        "deploy/** deploy/x/a.yaml true",
        "deploy/**/*.yaml deploy/x/y/a.yaml true",
        "deploy/?.yaml deploy/a.yaml true",
        "deploy/?.yaml deploy/ab.yaml false",
        "deploy/{app,db}.yaml deploy/db.yaml true",
        "deploy/{app,db}.yaml deploy/web.yaml false",
        "deploy/[a-c].yaml deploy/b.yaml true",
        "deploy/[!a-c].yaml deploy/b.yaml false",
        "deploy/[!a-c].yaml deploy/d.yaml true",
        "deploy/\\*.yaml deploy/*.yaml true",
        "deploy/\\*.yaml deploy/a.yaml false",
        "a+b(c).yaml a+b(c).yaml true"})
    void shouldMatchAsJavaGlobsDo(String glob, String path, boolean matches) {
        assertThat(Glob.compile(glob).matches(path)).isEqualTo(matches);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ' ', value = {
        "deploy/{a,{b}}.yaml 10 nested",
        "deploy/[abc.yaml 7 ']'",
        "deploy/{a,b.yaml 7 '}'",
        "deploy/[z-a].yaml 8 reversed",
        "deploy/[a/b].yaml 9 '/'",
        "deploy/a\\ 8 escape"})
    void shouldRefuseMalformedGlobsWithWhere(String glob, int index, String words) {
        assertThatThrownBy(() -> Glob.compile(glob)).isInstanceOfSatisfying(GlobSyntaxException.class, e -> {
            assertThat(e.index()).isEqualTo(index);
            assertThat(e.description()).contains(words);
        });
    }

    @Test
    void shouldMatchInLinearTimeWhateverThePattern() {
        Glob glob = Glob.compile("**a**a**a**a**a**a**a**a**b");
        String path = "a/".repeat(50_000) + "c";
        long start = System.nanoTime();
        assertThat(glob.matches(path)).isFalse();
        assertThat(PathPattern.compile("**a**a**a**a**a**a**a**a**b").matches(path)).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void shouldRefuseAReversedRangeInAPathPattern() {
        assertThatThrownBy(() -> PathPattern.compile("src/[z-a]*")).isInstanceOf(GlobSyntaxException.class);
        assertThat(PathPattern.compile("src/[abc").matches("src/[abc")).as("an unclosed [ is a literal").isTrue();
    }
}

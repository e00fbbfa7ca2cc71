package io.ascent.core.repo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What {@code repo.codeowners} says about one CODEOWNERS line. */
class CodeownersRuleTest {

    @Test
    void shouldJudgeTheOwnersOfASectionHeader() {
        assertThat(CodeownersRule.problem("[Docs] @org/docs")).isNull();
        assertThat(CodeownersRule.problem("^[Docs][2] @org/docs docs@example.com")).isNull();
        assertThat(CodeownersRule.problem("[Docs]")).isNull();
        assertThat(CodeownersRule.problem("[Docs] docs-team")).contains("'docs-team' is not an owner");
    }

    @Test
    void shouldFailAHeaderThatIsNotOne() {
        assertThat(CodeownersRule.problem("[Docs @org/docs")).startsWith("a section header must be written");
    }

    @Test
    void shouldKeepAnEscapedSpaceAndATrailingBackslashInThePattern() {
        assertThat(CodeownersRule.problem("my\\ docs/ @org/docs")).isNull();
        assertThat(CodeownersRule.problem("docs/\\")).isNull();
    }
}

package io.ascent.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ascent.core.report.Location;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowingConsumer;
import org.junit.jupiter.api.Test;

/** Indentation mistakes are said in words, at the line that holds them, not as the parser's token names. */
class IndentationMistakeTest {

    private static AbstractThrowableAssert<?, ? extends Throwable> reading(String text) {
        return assertThatThrownBy(() -> new SafeYamlLoader(YamlLimits.MANIFEST, ScalarRules.KUBECTL)
                .stream(text, "deploy/app.yaml", document -> { }))
                .isInstanceOf(YamlInputException.class);
    }

    /** The mistake is reported at this line and column of the file. */
    private static ThrowingConsumer<Throwable> at(int line, int column) {
        return e -> assertThat(((YamlInputException) e).location())
                .isEqualTo(new Location("deploy/app.yaml", line, column));
    }

    @Test
    void shouldNameTheLevelsAKeyBetweenTwoLevelsCouldHave() {
        reading("""
                metadata:
                  name: web
                 labels:
                   app: web
                spec: {}
                """)
                .hasMessage("'labels' on line 3 is indented by 1 space, which lines up with nothing above it: indent"
                        + " it by 2 spaces like 'name' on line 2, or by 0 spaces like 'metadata' on line 1")
                .satisfies(at(3, 2));
    }

    @Test
    void shouldPointAtTheFirstOverIndentedLineNotWhereTheParserNoticed() {
        reading("""
                spec:
                  containers:
                    - name: web
                      image: nginx
                        tag
                        more
                        pull: x
                """)
                .hasMessage("'tag' on line 5 is indented by 8 spaces, deeper than 'image' on line 4, so YAML reads"
                        + " lines 5-7 as more of the value of 'image', and a value cannot hold 'key: value': indent"
                        + " 'tag' by 6 spaces like 'image', or end 'image:' with nothing after it to nest lines below"
                        + " it")
                .satisfies(at(5, 9));
    }

    @Test
    void shouldSayAnOverIndentedKeyIsReadAsPartOfTheValueAbove() {
        reading("""
                spec:
                  replicas: 2
                    selector:
                      matchLabels:
                        app: web
                """)
                .hasMessageStartingWith("'selector' on line 3 is indented by 4 spaces, deeper than 'replicas' on line"
                        + " 2, so YAML reads it as more of the value of 'replicas'")
                .satisfies(at(3, 5));
    }

    @Test
    void shouldNameTheNearestLevelsNotTheLastLinesWhenSeveralLevelsCloseAtOnce() {
        // kubernetes-sigs/cluster-api bases/md.yaml with 'template' one space in: the parser's context is the
        // document's mapping, and the line before is two levels deeper; 'selector' is the level it missed
        reading("""
                kind: MachineDeployment
                spec:
                  replicas: 1
                  selector:
                    matchLabels:
                 template:
                   spec: {}
                """)
                .hasMessage("'template' on line 6 is indented by 1 space, which lines up with nothing above it: indent"
                        + " it by 2 spaces like 'selector' on line 4, or by 0 spaces like 'spec' on line 2")
                .satisfies(at(6, 2));
    }

    @Test
    void shouldLineAListItemUpWithTheItemsAboveIt() {
        reading("""
                spec:
                  containers:
                  - name: web
                    env:
                    - name: A
                      value: b
                   - name: C
                """)
                .hasMessage("'name' on line 7 is indented by 3 spaces, which lines up with nothing above it: indent"
                        + " it by 4 spaces like the list item 'name' on line 5")
                .satisfies(at(7, 4));
    }

    @Test
    void shouldSkipCommentsAndBlankLinesWhenLookingForTheLevelAbove() {
        reading("a:\n  b:\n    c: 1\n\n  # comment\n\n   d: 2\n")
                .hasMessage("'d' on line 7 is indented by 3 spaces, which lines up with nothing above it: indent it"
                        + " by 4 spaces like 'c' on line 3, or by 2 spaces like 'b' on line 2");
    }

    @Test
    void shouldKeepTheParsersWordsForMistakesOtherThanIndentation() {
        reading("a: [1, 2\nb: 3\n").hasMessageContaining("while parsing a flow sequence");
    }
}

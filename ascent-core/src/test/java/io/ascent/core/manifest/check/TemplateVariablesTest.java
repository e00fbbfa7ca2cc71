package io.ascent.core.manifest.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.testing.CountingText;
import org.junit.jupiter.api.Test;

/** clusterctl / envsubst variables in a value: found, and filled in so that what stays wrong can still be judged. */
class TemplateVariablesTest {

    @Test
    void shouldFillInEveryVariableFormClusterctlTakes() {
        assertThat(TemplateVariables.filledIn("${CLUSTER_NAME}-md-0")).isEqualTo("x-md-0");
        assertThat(TemplateVariables.filledIn("${ CLUSTER_NAME }-control-plane-0")).isEqualTo("x-control-plane-0");
        assertThat(TemplateVariables.filledIn("${NAME:-${FALLBACK}}")).isEqualTo("x");
        assertThat(TemplateVariables.filledIn("${PREFIX}_Web")).isEqualTo("x_Web");
        assertThat(TemplateVariables.in("${B}-${A}-${B}")).containsExactly("${A}", "${B}");
    }

    @Test
    void shouldLeaveAnUnclosedVariableAsWritten() {
        assertThat(TemplateVariables.filledIn("${NAME-md-0")).isEqualTo("${NAME-md-0");
        assertThat(TemplateVariables.filledIn("${1NAME}")).isEqualTo("${1NAME}");
    }

    @Test
    void shouldReadAHostileUnclosedVariableInLinearTime() {
        // Counted, not timed: with backtracking the name and the rest overlap, and "${AAAA..." without a closing
        // brace took about n * n / 2 character reads (40,000 characters: 42 s; the 2 MiB a value may hold: days).
        int n = 20_000;
        CountingText hostile = new CountingText("${" + "A".repeat(n) + " " + "b".repeat(n));
        assertThat(TemplateVariables.VARIABLE.matcher(hostile).find()).isFalse();
        assertThat(hostile.reads()).as("character reads for %d characters", hostile.length()).isLessThan(10L * n);
        String text = hostile.toString();
        assertThat(TemplateVariables.filledIn(text)).isEqualTo(text);
        assertThat(TemplateVariables.in(text)).containsExactly("${" + "A".repeat(n) + "}");
    }

    @Test
    void shouldFillInTheDefaultsClusterctlWritesForAUserWhoSetsNothing() {
        assertThat(TemplateVariables.withDefaults("${WORKER_MACHINE_COUNT:=three}").text()).isEqualTo("three");
        assertThat(TemplateVariables.withDefaults("${MD_MAX_SURGE:-20%}").text()).isEqualTo("20%");
        assertThat(TemplateVariables.withDefaults("${SERVICE_CIDR:=[\"10.128.0.0/12\"]}").text())
                .isEqualTo("[\"10.128.0.0/12\"]");
        assertThat(TemplateVariables.withDefaults("pre-${A=mid}-post").text()).isEqualTo("pre-mid-post");
        TemplateVariables.Defaulted nested = TemplateVariables.withDefaults("${NS:-${FALLBACK:=default}}-x");
        assertThat(nested.text()).isEqualTo("default-x");
        assertThat(nested.variables()).containsExactly("${FALLBACK}", "${NS}");
        assertThat(nested.note("${NS:-${FALLBACK:=default}}-x")).contains("'default-x' is the template's default for"
                + " ${FALLBACK}, ${NS}").contains("setting FALLBACK, NS changes it");
    }

    @Test
    void shouldNotFillInAValueWithAVariableWithoutADefaultOrAFormItDoesNotRead() {
        assertThat(TemplateVariables.withDefaults("${CLUSTER_NAME}-${SUFFIX:=md}")).isNull();
        assertThat(TemplateVariables.withDefaults("${NS:-${NAMESPACE}}")).isNull(); // envsubst gives "" here
        assertThat(TemplateVariables.withDefaults("${A:=}")).isNull(); // clusterctl counts an empty default as none
        assertThat(TemplateVariables.withDefaults("${CLUSTER_NAME:0:54}")).isNull();
        assertThat(TemplateVariables.withDefaults("${A:+x}")).isNull();
        assertThat(TemplateVariables.withDefaults("${ A:=x}")).isNull();
        assertThat(TemplateVariables.withDefaults("$${A:=x}")).isNull();
        assertThat(TemplateVariables.withDefaults("${A:=x")).isNull();
        assertThat(TemplateVariables.withDefaults("plain")).isNull();
        assertThat(TemplateVariables.withDefaults("costs $5")).isNull();
        String deep = "${A:=".repeat(TemplateVariables.MAX_NESTING) + "x" + "}".repeat(TemplateVariables.MAX_NESTING);
        assertThat(TemplateVariables.withDefaults(deep).text()).isEqualTo("x");
        assertThat(TemplateVariables.withDefaults("${A:=" + deep + "}")).isNull();
    }

    @Test
    void shouldReadHostileDefaultsInLinearTime() {
        int n = 20_000;
        for (String hostile : new String[] {"${A:=" + "b".repeat(n), "${A:=${B:=".repeat(n), "${A:=x}".repeat(n),
                "${" + "A".repeat(n) + ":=" + "b".repeat(n)}) {
            CountingText text = new CountingText(hostile);
            TemplateVariables.withDefaults(text);
            assertThat(text.reads()).as("character reads for %d characters", text.length())
                    .isLessThanOrEqualTo(2L * text.length());
        }
    }
}

package io.ascent.core.manifest.check;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(hostile.reads).as("character reads for %d characters", hostile.length()).isLessThan(10L * n);
        String text = hostile.toString();
        assertThat(TemplateVariables.filledIn(text)).isEqualTo(text);
        assertThat(TemplateVariables.in(text)).containsExactly("${" + "A".repeat(n) + "}");
    }

    /** A text that counts how often the matcher reads one of its characters. */
    private static final class CountingText implements CharSequence {
        private final String text;
        long reads;

        CountingText(String text) {
            this.text = text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            reads++;
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}

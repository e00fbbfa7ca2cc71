package io.ascent.core.manifest.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a template line is matched against a rendered line: each action standing for any text, in bounded work. */
class TemplateLinesTest {

    /** A rendered line that counts the characters read from it and stops the reader past a budget. */
    private static final class CountedLine implements CharSequence {
        private final String text;
        private final long budget;
        long reads;

        CountedLine(String text, long budget) {
            this.text = text;
            this.budget = budget;
        }

        @Override
        public char charAt(int index) {
            if (++reads > budget) {
                throw new IllegalStateException("read more than " + budget + " characters of a "
                        + text.length() + "-character line");
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new CountedLine(text.substring(start, end), budget);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    @Test
    void shouldMatchARenderedLineWithEachActionStandingForAnyText() {
        TemplateLines.TemplateLine line = TemplateLines.TemplateLine.of(
                "      serviceAccountName: {{ template \"sa\" . }}-{{ .Values.suffix }}");

        assertThat(line.matches("      serviceAccountName: cert-manager-x")).isTrue();
        assertThat(line.matches("      serviceAccountName: certmanager")).isFalse(); // no literal -
        assertThat(line.matches("      serviceAccountNme: cert-manager-x")).isFalse();
        assertThat(TemplateLines.TemplateLine.of("{{- include \"labels\" . | nindent 4 }}").matches("  app: web"))
                .isFalse();
    }

    /**
     * A line with three actions against a 2,000-character line that almost matches: a regular expression of one
     * {@code .*?} per action read it for minutes (a chart is hostile input); matching by hand reads each character
     * a few times per literal.
     */
    @Test
    void shouldReadANearMissInWorkBoundedByTheLineTimesItsLiterals() {
        TemplateLines.TemplateLine line = TemplateLines.TemplateLine.of("x{{ .a }} {{ .b }} {{ .c }} y");
        CountedLine rendered = new CountedLine("x" + " ".repeat(2_000) + "z", 100_000);

        assertThat(line.matches(rendered)).isFalse();
        assertThat(rendered.reads).isLessThan(10_000);
    }
}

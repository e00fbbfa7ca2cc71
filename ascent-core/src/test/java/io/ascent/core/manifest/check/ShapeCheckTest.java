package io.ascent.core.manifest.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link ShapeCheck}'s label-name and DNS-subdomain tests, written without regular expressions, against the regular
 * expressions they replace (Kubernetes' own): every string of up to five characters over an alphabet that holds one
 * character of each class the expressions tell apart.
 */
class ShapeCheckTest {
    private static final Pattern LABEL_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern DNS_1123_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final String ALPHABET = "aZ7-_./é";

    @Test
    void shouldTellLabelNamesAsKubernetesRegularExpressionDoes() {
        List<String> strings = strings(5);
        assertThat(strings).hasSizeGreaterThan(30_000);
        for (String text : strings) {
            assertThat(ShapeCheck.isLabelName(text)).as("'%s'", text).isEqualTo(LABEL_NAME.matcher(text).matches());
        }
    }

    @Test
    void shouldTellDnsSubdomainsAsKubernetesRegularExpressionDoes() {
        for (String text : strings(5)) {
            assertThat(ShapeCheck.isDnsSubdomain(text)).as("'%s'", text)
                    .isEqualTo(DNS_1123_SUBDOMAIN.matcher(text).matches());
        }
    }

    @Test
    void shouldFindProblemsOnlyInBadLabels() {
        assertThat(ShapeCheck.labelKeyProblem("app.kubernetes.io/name")).isNull();
        assertThat(ShapeCheck.labelKeyProblem("App.io/name")).contains("prefix");
        assertThat(ShapeCheck.labelKeyProblem("example.com/-name")).contains("name that is not");
        assertThat(ShapeCheck.labelValueProblem("v1.2_3")).isNull();
        assertThat(ShapeCheck.labelValueProblem("")).isNull();
        assertThat(ShapeCheck.labelValueProblem("a".repeat(64))).contains("at most 63");
        assertThat(ShapeCheck.labelValueProblem(2)).contains("not a string");
    }

    /** Every string of up to {@code length} characters of {@link #ALPHABET}, the empty one included. */
    private static List<String> strings(int length) {
        List<String> all = new ArrayList<>(List.of(""));
        List<String> last = List.of("");
        for (int n = 1; n <= length; n++) {
            List<String> next = new ArrayList<>();
            for (String prefix : last) {
                for (char c : ALPHABET.toCharArray()) {
                    next.add(prefix + c);
                }
            }
            all.addAll(next);
            last = next;
        }
        return all;
    }
}

package io.ascent.core.manifest.clusterclass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Constraints as ClusterAPI's templates write them, with Masterminds semver v3's answers. */
class SemverConstraintTest {

    @ParameterizedTest(name = "{1} satisfies ''{0}'': {2}")
    @CsvSource(delimiter = ';', value = {
        "< v1.25;v1.22.1;true",
        "< v1.25;v1.25.0;false",
        "< v1.25;v1.24.17;true",
        "<= v1.23;v1.23.17;true",
        "<= v1.23;v1.24.0;false",
        "<= v1.23.0;v1.23.1;false",
        "> v1.23;v1.23.9;false",
        "> v1.23;v1.24.0;true",
        "> v1.23.1;v1.23.2;true",
        ">= v1.24;v1.24.0;true",
        ">= v1.24;v1.23.9;false",
        "1.21.1;v1.21.1;true",
        "1.21.1;v1.21.2;false",
        "= 1.22;v1.22.7;true",
        "= 1.22;v1.23.0;false",
        "!= 1.22;v1.22.7;false",
        "!= 1.22;v1.23.0;true",
        "!= 1.22.1;v1.22.2;true",
        "^1.22.0;v1.30.2;true",
        "^1.22.0;v1.21.9;false",
        "^1.22.0;v2.0.0;false",
        "^0.3.1;v0.3.9;true",
        "^0.3.1;v0.4.0;false",
        "~1.22;v1.22.9;true",
        "~1.22;v1.23.0;false",
        "~1;v1.30.0;true",
        "1.22.x;v1.22.3;true",
        "1.22.x;v1.21.3;false",
        "1.22 - 1.24;v1.24.9;true",
        "1.22 - 1.24;v1.25.0;false",
        "1.22 - 1.24;v1.21.0;false",
        ">= 1.22, < 1.25;v1.24.0;true",
        ">= 1.22 < 1.25;v1.25.0;false",
        "< 1.22 || >= 1.25;v1.23.0;false",
        "< 1.22 || >= 1.25;v1.26.0;true",
        "< v1.25;v1.24.0-rc.1;false",
        "< v1.25-0;v1.24.0-rc.1;true",
        "< v1.25-0;v1.25.0-rc.1;false",
        "< v1.25-0;v1.25.0;false",
        "< v1.25;v1.22.1+k3s1;true"})
    void shouldAnswerAsSprigDoes(String constraint, String version, boolean expected) throws TemplateException {
        assertThat(SemverConstraint.parse(constraint).check(version)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "<", "<< 1.2", "1.2 -", "latest", "> 1.2 foo"})
    void shouldRefuseWhatIsNoConstraint(String constraint) {
        assertThatThrownBy(() -> SemverConstraint.parse(constraint)).isInstanceOf(TemplateException.class)
                .hasMessageContaining("is not a semver constraint");
    }

    @ParameterizedTest
    @ValueSource(strings = {"latest", "v1.x", "", "1.22.1.4"})
    void shouldRefuseAVersionThatIsNoSemanticVersion(String version) {
        assertThatThrownBy(() -> SemverConstraint.parse("< 1.25").check(version))
                .isInstanceOf(TemplateException.class).hasMessageContaining("is not a semantic version");
    }
}

package io.ascent.core.manifest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class KubernetesVersionTest {

    @ParameterizedTest
    @CsvSource({
        "1.22, 1, 22",
        "1.22.3, 1, 22",
        "v1.22.3, 1, 22",
        "v1.30.0-gke.1200, 1, 30",
        "v1.29.4+k3s1, 1, 29",
        "1.0, 1, 0",
    })
    void shouldParseMajorAndMinorAndDropPatchAndSuffix(String text, int major, int minor) {
        assertThat(KubernetesVersion.parse(text)).isEqualTo(KubernetesVersion.of(major, minor));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "1", "v1", "1.", "1.x", "x.22", "1.22.", "1.22.3.4", "01.22", "1.022", "V1.22",
        "1.-2", "1,22", "latest", "1.22-rc.1", "99999.1", " 1.25", "1.25 "})
    void shouldRejectTextThatIsNotAKubernetesVersionAndQuoteIt(String text) {
        assertThatThrownBy(() -> KubernetesVersion.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + text + "' is not a Kubernetes version; expected a form such as 1.22, 1.22.3 or v1.22.3");
    }

    @ParameterizedTest
    @NullSource
    void shouldRejectAMissingVersionWithAClearMessage(String text) {
        assertThatThrownBy(() -> KubernetesVersion.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Kubernetes version is missing");
    }

    @Test
    void shouldRejectNegativeNumbers() {
        assertThatThrownBy(() -> KubernetesVersion.of(1, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldCompareByMinorNumericallyNotAsText() {
        KubernetesVersion v19 = KubernetesVersion.parse("1.9");
        KubernetesVersion v22 = KubernetesVersion.parse("1.22");
        assertThat(v19).isLessThan(v22);
        assertThat(v19.isBefore(v22)).isTrue();
        assertThat(v22.isAtLeast(v22)).isTrue();
        assertThat(v22.isAtLeast(v19)).isTrue();
        assertThat(KubernetesVersion.parse("v1.22.9")).isEqualByComparingTo(KubernetesVersion.parse("1.22.0"));
        assertThat(KubernetesVersion.of(2, 0)).isGreaterThan(KubernetesVersion.of(1, 99));
    }

    @Test
    void shouldPrintMajorDotMinor() {
        assertThat(KubernetesVersion.parse("v1.22.3")).hasToString("1.22");
    }
}

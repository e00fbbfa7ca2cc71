package io.ascent.core.manifest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class KubernetesVersionsTest {

    private static List<String> versions(String text) {
        return KubernetesVersions.parse(text).versions().stream().map(KubernetesVersion::toString).toList();
    }

    @Test
    void shouldReadOneVersionAListARangeAndBoth() {
        assertThat(versions("v1.31.2")).containsExactly("1.31");
        assertThat(versions("1.31, 1.29")).containsExactly("1.29", "1.31");
        assertThat(versions("1.29..1.33")).containsExactly("1.29", "1.30", "1.31", "1.32", "1.33");
        assertThat(versions("1.27,1.29..1.30, 1.29")).containsExactly("1.27", "1.29", "1.30");
        assertThat(KubernetesVersions.parse("1.31").isSeveral()).isFalse();
        assertThat(KubernetesVersions.parse("1.29..1.30").isSeveral()).isTrue();
    }

    @Test
    void shouldRefuseDescendingAndTooLongRangesAndBadText() {
        assertThatThrownBy(() -> KubernetesVersions.parse("1.33..1.29"))
                .hasMessage("'1.33..1.29' is not a range of Kubernetes releases; write the older release first, such"
                        + " as 1.29..1.33");
        assertThatThrownBy(() -> KubernetesVersions.parse("1.0..1.40")).hasMessageContaining("more than 32");
        assertThatThrownBy(() -> KubernetesVersions.parse("1.29..")).hasMessage("'1.29..' is not a Kubernetes"
                + " version, list or range; expected a form such as 1.31, 1.29, 1.31 or 1.29..1.33");
        assertThatThrownBy(() -> KubernetesVersions.parse("1.05")).hasMessageContaining("is not a Kubernetes version;");
    }

    @Test
    void shouldDescribeConsecutiveReleasesAsRanges() {
        assertThat(KubernetesVersions.parse("1.29..1.31, 1.33").describe()).isEqualTo("1.29..1.31, 1.33");
        assertThat(KubernetesVersions.parse("1.32, 1.33").describe()).isEqualTo("1.32, 1.33");
        assertThat(KubernetesVersions.parse("1.30").describe()).isEqualTo("1.30");
    }
}

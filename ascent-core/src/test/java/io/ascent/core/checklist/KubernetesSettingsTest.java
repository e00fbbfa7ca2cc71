package io.ascent.core.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KubernetesSettingsTest {

    private static Optional<String> clusterVersion(String version) {
        return new KubernetesSettings(Optional.ofNullable(version), List.of(), List.of("default"), true, Map.of(),
                Optional.empty(), List.of(), List.of()).clusterVersion();
    }

    @Test
    void shouldProvisionTheLastVersionNamed() {
        assertThat(clusterVersion("1.31.2")).contains("1.31.2");
        assertThat(clusterVersion("1.29..1.33")).contains("1.33");
        assertThat(clusterVersion("1.27, 1.29..v1.30.4")).contains("v1.30.4");
        assertThat(clusterVersion("1.29, 1.31")).contains("1.31");
        assertThat(clusterVersion(null)).isEmpty();
    }
}

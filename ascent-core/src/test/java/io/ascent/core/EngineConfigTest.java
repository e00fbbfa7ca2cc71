package io.ascent.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which environments are CI builds, where an uncommitted checklist fails instead of warning. */
class EngineConfigTest {

    @Test
    void shouldTreatCiAndJenkinsVariablesAsACiBuild() {
        assertThat(EngineConfig.isContinuousIntegration(Map.of("CI", "true"))).isTrue();
        assertThat(EngineConfig.isContinuousIntegration(Map.of("CI", "1"))).isTrue();
        assertThat(EngineConfig.isContinuousIntegration(Map.of("JENKINS_URL", "https://ci.example.com/"))).isTrue();
        assertThat(EngineConfig.isContinuousIntegration(Map.of("BUILD_NUMBER", "42"))).isTrue();
        assertThat(EngineConfig.fromEnvironment(Map.of("CI", "true")).continuousIntegration()).isTrue();
    }

    @Test
    void shouldTreatAWorkstationAsNoCiBuild() {
        assertThat(EngineConfig.isContinuousIntegration(Map.of())).isFalse();
        assertThat(EngineConfig.isContinuousIntegration(Map.of("CI", "false"))).isFalse();
        assertThat(EngineConfig.isContinuousIntegration(Map.of("CI", "0"))).isFalse();
        assertThat(EngineConfig.isContinuousIntegration(Map.of("CI", " ", "JENKINS_URL", "", "BUILD_NUMBER", " ")))
                .isFalse();
        assertThat(EngineConfig.fromEnvironment(Map.of()).continuousIntegration()).isFalse();
    }

    @Test
    void shouldAssumeACiBuildWhenNotToldOtherwise() {
        // The Jenkins plugin builds its configuration without the build's environment: it must keep the FAIL.
        assertThat(EngineConfig.builder().build().continuousIntegration()).isTrue();
    }
}

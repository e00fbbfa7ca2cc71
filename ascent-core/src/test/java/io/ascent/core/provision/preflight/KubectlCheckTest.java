package io.ascent.core.provision.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import io.ascent.core.provision.kind.NodeVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class KubectlCheckTest {

    @Test
    void shouldReadTheClientVersionKubectlPrints() {
        assertThat(KubectlCheck.clientVersion(
                "{\"clientVersion\":{\"gitVersion\":\"v1.32.4-gke.1\"},\"kustomizeVersion\":\"v5\"}"))
                .contains(new NodeVersion(1, 32, 4));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[]", "{}", "{\"clientVersion\":5}", "{\"clientVersion\":{}}",
            "{\"clientVersion\":{\"gitVersion\":[1]}}", "{\"clientVersion\":{\"gitVersion\":\"vX\"}}"})
    void shouldSayTheVersionIsUnknownForAnAnswerOfAnotherShape(String answer) {
        assertThat(KubectlCheck.clientVersion(answer)).isEmpty();
    }
}
